package io.cordon.server.track.trip;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.GetParkingLotRequest;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.ListTerminalsRequest;
import io.cordon.api.v1.ListTripsRequest;
import io.cordon.api.v1.LoadingPointFreeRequest;
import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.ReturnTerminalRequest;
import io.cordon.api.v1.SaveOwnTerminalRequest;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TerminalList;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripList;
import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.persistence.RejectedDataException;
import io.cordon.server.track.TrackLiveState;
import io.grpc.Status;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TripService (trip.proto): terminals issued and returned at the gates, own terminals, open and
 * recent trips, the vehicle panel, trajectory replay and the hazmat parking lot. Checks every field
 * first (INVALID_ARGUMENT naming it), then the {@link TripBook} refuses unknown ids (NOT_FOUND) and
 * conflicts (FAILED_PRECONDITION) by field; a repeated request_id returns the first answer.
 */
public final class TripGrpcService extends TripServiceGrpc.TripServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(TripGrpcService.class);
  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_ID_LENGTH = 64;
  static final int MAX_PERMIT_ID_LENGTH = 20;
  static final int MAX_CLOSED_WITHIN_HOURS = 720;
  static final Duration MAX_RANGE = Duration.ofHours(24);
  /** Positions of an unbound terminal are kept under this prefix and the terminal number. */
  public static final String UNBOUND_PREFIX = "终端:";
  private static final Pattern TERMINAL_NUMBER = Pattern.compile("[0-9]{12}|[0-9]{20}");

  private final TripBook book;
  private final TrackLiveState live;
  private final Supplier<String> currentUser;

  /**
   * @param currentUser the username of the RPC's caller ("" when unknown), e.g. from AuthContext
   */
  public TripGrpcService(TripBook book, TrackLiveState live, Supplier<String> currentUser) {
    this.book = Objects.requireNonNull(book, "book");
    this.live = Objects.requireNonNull(live, "live");
    this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
  }

  // ---- binding ----------------------------------------------------------------------------------

  @Override
  public void issueTerminal(IssueTerminalRequest request, StreamObserver<Trip> observer) {
    FieldViolations v = new FieldViolations().checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH);
    checkTerminal(v, request.getTerminalNumber());
    Optional<Plate> plate = checkPlate(v, request.getPlate());
    Optional<PlateColor> color = TripProtos.plateColor(request.getPlateColor());
    if (color.isEmpty()) {
      v.add("plate_color", "is required");
    }
    v.checkText("permit_id", request.getPermitId(), 1, MAX_PERMIT_ID_LENGTH);
    v.checkText("gate_id", request.getGateId(), 1, MAX_ID_LENGTH);
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid terminal issue"));
      return;
    }
    String user = currentUser.get();
    answer(observer, "issue a terminal", () -> book.issue(key("issue", user, request.getRequestId()),
        new TripBook.Issue(request.getTerminalNumber(), plate.get(), color.get(), request.getPermitId(),
            request.getGateId()), user));
  }

  @Override
  public void returnTerminal(ReturnTerminalRequest request, StreamObserver<Trip> observer) {
    FieldViolations v = new FieldViolations().checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH);
    checkTerminal(v, request.getTerminalNumber());
    v.checkText("gate_id", request.getGateId(), 1, MAX_ID_LENGTH);
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid terminal return"));
      return;
    }
    String user = currentUser.get();
    answer(observer, "return a terminal", () -> book.returnTerminal(key("return", user, request.getRequestId()),
        request.getTerminalNumber(), request.getGateId(), user));
  }

  @Override
  public void saveOwnTerminal(SaveOwnTerminalRequest request, StreamObserver<Terminal> observer) {
    FieldViolations v = new FieldViolations().checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH);
    checkTerminal(v, request.getTerminalNumber());
    Optional<Plate> plate = checkPlate(v, request.getPlate());
    Optional<PlateColor> color = TripProtos.plateColor(request.getPlateColor());
    Optional<VehicleClass> vehicleClass = TripProtos.vehicleClass(request.getVehicleClass());
    if (color.isEmpty() && !request.getRemove()) {
      v.add("plate_color", "is required");
    }
    if (vehicleClass.isEmpty() && !request.getRemove()) {
      v.add("vehicle_class", "is required");
    }
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid own terminal"));
      return;
    }
    String user = currentUser.get();
    answer(observer, "save an own terminal", () -> book.saveOwn(key("own", user, request.getRequestId()),
        new TripBook.Own(request.getTerminalNumber(), plate.get(), color.orElse(PlateColor.YELLOW),
            vehicleClass.orElse(VehicleClass.HAZMAT), request.getRemove()), user));
  }

  // ---- reads ------------------------------------------------------------------------------------

  @Override
  public void listTerminals(ListTerminalsRequest request, StreamObserver<TerminalList> observer) {
    answer(observer, "list terminals", () -> {
      Map<String, Terminal.Builder> terminals = new TreeMap<>();
      for (Terminal t : live.terminals()) {
        terminals.put(t.getTerminalNumber(), t.toBuilder());
      }
      for (OwnTerminal own : book.ownTerminals()) {
        terminals.computeIfAbsent(own.terminalNumber(), n -> Terminal.newBuilder().setTerminalNumber(n))
            .setPlate(own.plate().value()).setOwn(true);
      }
      for (StoredTrip trip : book.openTrips()) {
        terminals.computeIfAbsent(trip.terminalNumber(), n -> Terminal.newBuilder().setTerminalNumber(n))
            .setPlate(trip.plate().value()).setOwn(trip.ownTerminal()).setTripId(trip.tripId());
      }
      TerminalList.Builder list = TerminalList.newBuilder();
      terminals.values().stream().filter(t -> !request.getUnboundOnly() || t.getUnboundReporting())
          .forEach(list::addTerminals);
      return list.build();
    });
  }

  @Override
  public void listTrips(ListTripsRequest request, StreamObserver<TripList> observer) {
    FieldViolations v = new FieldViolations();
    if (request.getClosedWithinHours() > MAX_CLOSED_WITHIN_HOURS) {
      v.add("closed_within_hours", "must be at most " + MAX_CLOSED_WITHIN_HOURS);
    }
    Optional<Plate> plate = request.getPlate().isEmpty() ? Optional.empty() : checkPlate(v, request.getPlate());
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid trip list request"));
      return;
    }
    answer(observer, "list trips", () -> {
      Instant now = book.clock().instant();
      Instant closedSince = request.getClosedWithinHours() == 0 ? now.plus(Duration.ofDays(1))
          : now.minus(Duration.ofHours(request.getClosedWithinHours()));
      TripList.Builder list = TripList.newBuilder();
      book.table().recent(closedSince, plate.map(Plate::value)).forEach(t -> list.addTrips(t.toProto()));
      return list.build();
    });
  }

  @Override
  public void getVehicle(GetTrackedVehicleRequest request, StreamObserver<TrackedVehicle> observer) {
    FieldViolations v = new FieldViolations();
    Optional<String> key = checkVehicleKey(v, request.getPlate());
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid vehicle request"));
      return;
    }
    answer(observer, "read a vehicle", () -> vehicle(key.get()));
  }

  private TrackedVehicle vehicle(String plate) {
    Optional<TrackedVehicle> now = live.vehicle(plate);
    boolean unbound = plate.startsWith(UNBOUND_PREFIX);
    Optional<StoredTrip> trip = unbound ? Optional.empty()
        : book.openTripOfPlate(plate).or(() -> book.table().latestOfPlate(plate));
    Optional<OwnTerminal> own = unbound ? Optional.empty() : book.ownTerminalOfPlate(plate);
    if (now.isEmpty() && trip.isEmpty() && own.isEmpty()) {
      throw TripRefusal.notFound("plate", "is no vehicle tracked here");
    }
    TrackedVehicle.Builder b = now.map(TrackedVehicle::toBuilder).orElseGet(TrackedVehicle::newBuilder).setPlate(plate);
    own.ifPresent(o -> b.setPlateColor(TripProtos.toProto(o.plateColor()))
        .setVehicleClass(TripProtos.toProto(o.vehicleClass())));
    if (trip.isPresent()) {
      StoredTrip t = trip.get();
      b.setTrip(t.toProto()).setPlateColor(TripProtos.toProto(t.plateColor()))
          .setVehicleClass(TripProtos.toProto(t.vehicleClass()));
      if (!t.permitId().isEmpty()) {
        book.reads().permit(t.permitId()).ifPresent(permit -> fromPermit(b, permit));
      }
    }
    return b.build();
  }

  /** The permit and, from its application, goods, driver, escort; the host's name. */
  private void fromPermit(TrackedVehicle.Builder b, Permit permit) {
    b.setPermit(permit);
    book.reads().enterpriseName(permit.getHostEnterpriseId()).ifPresentOrElse(b::setHostEnterpriseName,
        () -> book.park().enterprises().stream().filter(e -> e.id().value().equals(permit.getHostEnterpriseId()))
            .map(Enterprise::name).findFirst().ifPresent(b::setHostEnterpriseName));
    Optional<Application> application = book.reads().application(permit.getApplicationId());
    application.ifPresent(a -> {
      b.addAllGoods(a.getContent().getGoodsList());
      if (a.getContent().hasDriver()) {
        b.setDriver(a.getContent().getDriver());
      }
      if (a.getContent().hasEscort()) {
        b.setEscort(a.getContent().getEscort());
      }
    });
  }

  @Override
  public void getTrajectory(TrajectoryRequest request, StreamObserver<Trajectory> observer) {
    FieldViolations v = new FieldViolations();
    Optional<String> key = checkVehicleKey(v, request.getPlate());
    if (!request.hasFrom()) {
      v.add("from", "is required");
    }
    if (!request.hasTo()) {
      v.add("to", "is required");
    }
    Instant from = TripProtos.instant(request.getFrom());
    Instant to = TripProtos.instant(request.getTo());
    if (request.hasFrom() && request.hasTo()) {
      if (!validTimestamp(request.getFrom())) {
        v.add("from", "is not a valid time");
      } else if (!validTimestamp(request.getTo())) {
        v.add("to", "is not a valid time");
      } else if (!to.isAfter(from)) {
        v.add("to", "must be after from");
      } else if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
        v.add("to", "must be at most 24 h after from");
      }
    }
    if (request.getMaxPoints() > Trajectories.MAX_POINTS) {
      v.add("max_points", "must be at most " + Trajectories.MAX_POINTS + " (0 = " + Trajectories.MAX_POINTS + ")");
    }
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid trajectory request"));
      return;
    }
    int maxPoints = request.getMaxPoints() == 0 ? Trajectories.MAX_POINTS : request.getMaxPoints();
    answer(observer, "read a trajectory", () -> book.trajectories().read(key.get(), from, to, maxPoints));
  }

  // ---- parking lot ------------------------------------------------------------------------------

  @Override
  public void getParkingLot(GetParkingLotRequest request, StreamObserver<ParkingLotState> observer) {
    FieldViolations v = new FieldViolations().checkOptionalText("lot_id", request.getLotId(), MAX_ID_LENGTH);
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid parking lot request"));
      return;
    }
    answer(observer, "read the parking lot", () -> lot(request.getLotId()));
  }

  @Override
  public void reportLoadingPointFree(LoadingPointFreeRequest request, StreamObserver<ParkingLotState> observer) {
    FieldViolations v = new FieldViolations().checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkOptionalText("lot_id", request.getLotId(), MAX_ID_LENGTH)
        .checkText("enterprise_id", request.getEnterpriseId(), 1, MAX_ID_LENGTH)
        .checkText("loading_point", request.getLoadingPoint(), 1, MAX_ID_LENGTH);
    if (!v.isEmpty()) {
      observer.onError(v.toException(Code.INVALID_ARGUMENT, "invalid loading point report"));
      return;
    }
    String user = currentUser.get();
    answer(observer, "report a loading point free", () -> {
      Enterprise enterprise = book.park().enterprises().stream()
          .filter(e -> e.id().value().equals(request.getEnterpriseId())).findFirst()
          .orElseThrow(() -> TripRefusal.notFound("enterprise_id", "names no enterprise of the park"));
      if (enterprise.loadingPoints().stream().noneMatch(p -> p.id().equals(request.getLoadingPoint()))) {
        throw TripRefusal.notFound("loading_point", "is no loading point of " + enterprise.id().value());
      }
      lot(request.getLotId()); // an unknown lot is refused before anything changes
      return book.once(key("lot-free", user, request.getRequestId()), ParkingLotState.parser(), () -> {
        try {
          return live.loadingPointFree(request.getLotId(), request.getEnterpriseId(), request.getLoadingPoint(),
              book.clock().instant());
        } catch (NoSuchElementException e) {
          throw TripRefusal.notFound("loading_point", "is not served by this lot: " + e.getMessage());
        }
      }, state -> TripEvents.loadingPointFree(state.getLotId().isEmpty() ? "-" : state.getLotId(),
          request.getEnterpriseId(), request.getLoadingPoint(), book.clock().instant(), user));
    });
  }

  private ParkingLotState lot(String lotId) {
    try {
      return live.parkingLot(lotId);
    } catch (NoSuchElementException e) {
      throw TripRefusal.notFound("lot_id", lotId.isEmpty() ? "the park has no parking lot" : "names no parking lot");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private <T> void answer(StreamObserver<T> observer, String what, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (TripRefusal e) {
      observer.onError(e.toStatus());
      return;
    } catch (StatusRuntimeException e) {
      observer.onError(e);
      return;
    } catch (RejectedDataException e) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription("the database refused a value").asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Cannot {}", what, e);
      observer.onError(Status.UNAVAILABLE.withDescription("could not " + what + " now; retry (with the same"
          + " request_id for a change)").asRuntimeException());
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }

  private static String key(String rpc, String user, String requestId) {
    return "trip-" + rpc + "/" + user + "/" + requestId;
  }

  static void checkTerminal(FieldViolations v, String terminalNumber) {
    if (terminalNumber.isEmpty()) {
      v.add("terminal_number", "is required");
    } else if (!TERMINAL_NUMBER.matcher(terminalNumber).matches()) {
      v.add("terminal_number", "must be 12 or 20 decimal digits");
    }
  }

  private static Optional<Plate> checkPlate(FieldViolations v, String text) {
    if (text.isEmpty()) {
      v.add("plate", "is required");
      return Optional.empty();
    }
    try {
      return Optional.of(Plate.parse(text));
    } catch (IllegalArgumentException e) {
      v.add("plate", e.getMessage());
      return Optional.empty();
    }
  }

  /** A normalised plate, or "终端:" and a terminal number for an unbound terminal. */
  private static Optional<String> checkVehicleKey(FieldViolations v, String text) {
    if (text.startsWith(UNBOUND_PREFIX)) {
      String number = text.substring(UNBOUND_PREFIX.length());
      if (!TERMINAL_NUMBER.matcher(number).matches()) {
        v.add("plate", "an unbound terminal is named \"" + UNBOUND_PREFIX + "\" and 12 or 20 digits");
        return Optional.empty();
      }
      return Optional.of(text);
    }
    return checkPlate(v, text).map(Plate::value);
  }

  private static boolean validTimestamp(Timestamp t) {
    // the range protobuf allows: 0001-01-01 .. 9999-12-31
    return t.getSeconds() >= -62_135_596_800L && t.getSeconds() <= 253_402_300_799L && t.getNanos() >= 0
        && t.getNanos() < 1_000_000_000;
  }
}
