package io.cordon.server.track.trip;

import static io.cordon.server.track.trip.TripCalls.OTHER_TERMINAL;
import static io.cordon.server.track.trip.TripCalls.OTHER_TRUCK;
import static io.cordon.server.track.trip.TripCalls.TERMINAL;
import static io.cordon.server.track.trip.TripCalls.TRUCK;
import static io.cordon.server.track.trip.TripCalls.assertRefused;
import static io.cordon.server.track.trip.TripCalls.giveBack;
import static io.cordon.server.track.trip.TripCalls.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.ListTripsRequest;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.SaveOwnTerminalRequest;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripState;
import io.cordon.api.v1.VehicleClass;
import io.cordon.server.event.EventQuery;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminals issued at the entry gate and returned at exit, and own terminals, over gRPC on H2. */
class TerminalBindingOverGrpcTest {

  @TempDir
  Path dir;
  private TripServer server;
  private Permit permit;
  private final Instant now = Instant.now();

  @BeforeEach
  void start() {
    server = new TripServer(dir);
    permit = TripSeed.hazmatPermit("A-000001", TRUCK, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)));
    new TripSeed(server.database).enterprise(TripSeed.HOST, TripSeed.HOST_NAME).permit(permit)
        .permit(TripSeed.hazmatPermit("A-000002", OTHER_TRUCK, now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofHours(8))))
        .permit(TripSeed.hazmatPermit("A-000003", "苏E11111", now.minus(Duration.ofHours(9)),
            now.minus(Duration.ofHours(1))));
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void issuedTerminalOpensATripThatIsListedAndFoundByTerminalAndPlate() {
    Trip trip = server.stub().issueTerminal(issue("r1", TERMINAL, "苏e·12345", "A-000001", "G2"));

    assertThat(trip.getState()).isEqualTo(TripState.TRIP_STATE_OPEN);
    assertThat(trip.getPlate()).isEqualTo(TRUCK);
    assertThat(trip.getVehicleClass()).isEqualTo(VehicleClass.VEHICLE_CLASS_HAZMAT);
    assertThat(trip.getOpenedGateId()).isEqualTo("G2");
    assertThat(trip.getOpenedBy()).isEqualTo(TripServer.USER);
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).containsExactly(trip);
    Optional<OpenTrip> open = server.book.byTerminal(TERMINAL);
    assertThat(open).hasValueSatisfying(t -> {
      assertThat(t.tripId()).isEqualTo(trip.getTripId());
      assertThat(t.permit()).hasValueSatisfying(p -> assertThat(p.id().value()).isEqualTo("A-000001"));
    });
    assertThat(server.book.byPlate(TRUCK)).isEqualTo(open);
  }

  @Test
  void issueIsJournalledAboutTheVehicleAndTheTerminal() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    var events = server.journal.query(new EventQuery(now.minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(60),
        new TypeFilter(List.of("track.terminal_issued")), List.of(new SubjectKey("terminal", TERMINAL)), 10,
        Optional.empty())).events();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.subjects()).contains(new SubjectKey("vehicle", TRUCK));
      assertThat(e.attributes()).containsEntry("gate_id", "G2").containsEntry("permit_id", "A-000001");
    });
  }

  @Test
  void returnedTerminalClosesTheTripAndFreesTheTerminal() {
    Trip opened = server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    List<Boolean> told = new CopyOnWriteArrayList<>();
    server.book.addListener((trip, closed) -> told.add(closed));

    Trip closed = server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    assertThat(closed.getTripId()).isEqualTo(opened.getTripId());
    assertThat(closed.getState()).isEqualTo(TripState.TRIP_STATE_CLOSED);
    assertThat(closed.getClosedGateId()).isEqualTo("G2");
    assertThat(server.book.byTerminal(TERMINAL)).isEmpty();
    assertThat(server.book.byPlate(TRUCK)).isEmpty();
    assertThat(told).containsExactly(true);
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).isEmpty();
    assertThat(server.stub().listTrips(ListTripsRequest.newBuilder().setClosedWithinHours(1).build()).getTripsList())
        .containsExactly(closed);
  }

  @Test
  void returnedTerminalCanBeIssuedAgainToAnotherVehicle() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    Trip second = server.stub().issueTerminal(issue("r3", TERMINAL, OTHER_TRUCK, "A-000002", "G5"));

    assertThat(server.book.byTerminal(TERMINAL)).hasValueSatisfying(t -> assertThat(t.tripId())
        .isEqualTo(second.getTripId()));
  }

  @Test
  void terminalOnAnotherOpenTripIsRefusedNamingTheTerminal() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    assertRefused(() -> server.stub().issueTerminal(issue("r2", TERMINAL, OTHER_TRUCK, "A-000002", "G2")),
        Status.Code.FAILED_PRECONDITION, "terminal_number");
  }

  @Test
  void vehicleOnAnotherOpenTripIsRefusedNamingThePlate() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    assertRefused(() -> server.stub().issueTerminal(issue("r2", OTHER_TERMINAL, TRUCK, "A-000001", "G2")),
        Status.Code.FAILED_PRECONDITION, "plate");
  }

  @Test
  void permitThatDoesNotNameThePlateIsRefusedNamingThePlate() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, OTHER_TRUCK, "A-000001", "G2")),
        Status.Code.FAILED_PRECONDITION, "plate");
  }

  @Test
  void permitWhoseWindowEndedIsRefusedNamingThePermit() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, "苏E11111", "A-000003", "G2")),
        Status.Code.FAILED_PRECONDITION, "permit_id");
  }

  @Test
  void revokedPermitIsRefusedNamingThePermit() {
    new TripSeed(server.database).revoke(permit, now.minusSeconds(60), server.journal);

    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2")),
        Status.Code.FAILED_PRECONDITION, "permit_id");
  }

  @Test
  void unknownPermitIsNotFound() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-999999", "G2")),
        Status.Code.NOT_FOUND, "permit_id");
  }

  @Test
  void unknownGateIsNotFound() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G99")),
        Status.Code.NOT_FOUND, "gate_id");
  }

  @Test
  void ordinaryGateDoesNotIssueToHazmatVehicles() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G3")),
        Status.Code.FAILED_PRECONDITION, "gate_id");
  }

  @Test
  void internalCheckpointIsNoEntryGate() {
    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G10")),
        Status.Code.FAILED_PRECONDITION, "gate_id");
  }

  @Test
  void repeatedIssueRequestReturnsTheFirstAnswerAndOpensNothingNew() {
    Trip first = server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    Trip repeated = server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    assertThat(repeated).isEqualTo(first);
    assertThat(server.book.byTerminal(TERMINAL)).isEmpty();
    assertThat(server.stub().listTrips(ListTripsRequest.newBuilder().setClosedWithinHours(1).build()).getTripsCount())
        .isEqualTo(1);
  }

  @Test
  void repeatedReturnRequestReturnsTheFirstAnswer() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    Trip first = server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    assertThat(server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"))).isEqualTo(first);
  }

  @Test
  void returningATerminalNeverIssuedIsNotFound() {
    assertRefused(() -> server.stub().returnTerminal(giveBack("r1", TERMINAL, "G2")), Status.Code.NOT_FOUND,
        "terminal_number");
  }

  @Test
  void returningATerminalWhoseTripClosedIsAConflict() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    assertRefused(() -> server.stub().returnTerminal(giveBack("r3", TERMINAL, "G2")),
        Status.Code.FAILED_PRECONDITION, "terminal_number");
  }

  @Test
  void returningAtAnUnknownGateIsNotFound() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));

    assertRefused(() -> server.stub().returnTerminal(giveBack("r2", TERMINAL, "G42")), Status.Code.NOT_FOUND,
        "gate_id");
  }

  @Test
  void permitRevokedDuringTheTripReachesTheOpenTrip() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    List<OpenTrip> changed = new CopyOnWriteArrayList<>();
    server.book.addListener((trip, closed) -> changed.add(trip));

    new TripSeed(server.database).revoke(permit, Instant.now(), server.journal);

    await(() -> server.book.byTerminal(TERMINAL).flatMap(OpenTrip::permit).map(p -> p.revoked()).orElse(false));
    assertThat(changed).anySatisfy(t -> assertThat(t.permit()).hasValueSatisfying(p -> assertThat(p.revoked())
        .isTrue()));
  }

  @Test
  void openTripsSurviveARestart() throws InterruptedException {
    Trip trip = server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.close();

    server = new TripServer(dir);

    assertThat(server.book.byTerminal(TERMINAL)).hasValueSatisfying(t -> {
      assertThat(t.tripId()).isEqualTo(trip.getTripId());
      assertThat(t.permit()).isPresent();
    });
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).containsExactly(trip);
    Trip next = server.stub().issueTerminal(issue("r9", OTHER_TERMINAL, OTHER_TRUCK, "A-000002", "G2"));
    assertThat(next.getTripId()).isNotEqualTo(trip.getTripId());
  }

  @Test
  void ownTerminalOfAVehicleWithAValidPermitOpensATripOnThatPermit() {
    Terminal saved = server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    assertThat(saved.getOwn()).isTrue();
    assertThat(server.book.byTerminal(OTHER_TERMINAL)).hasValueSatisfying(t -> {
      assertThat(t.ownTerminal()).isTrue();
      assertThat(t.tripId()).isNotEmpty();
      assertThat(t.permit()).hasValueSatisfying(p -> assertThat(p.id().value()).isEqualTo("A-000001"));
    });
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList())
        .singleElement().satisfies(t -> {
          assertThat(t.getOwnTerminal()).isTrue();
          assertThat(t.getPermitId()).isEqualTo("A-000001");
        });
  }

  @Test
  void ownTerminalOfAVehicleWithoutAValidPermitStaysBoundWithoutTrip() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, "苏E11111", false));

    assertThat(server.book.byTerminal(OTHER_TERMINAL)).hasValueSatisfying(t -> {
      assertThat(t.plate().value()).isEqualTo("苏E11111");
      assertThat(t.tripId()).isEmpty();
      assertThat(t.permit()).isEmpty();
    });
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).isEmpty();
  }

  @Test
  void ownTerminalTripClosesWhenItsPermitIsRevoked() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    new TripSeed(server.database).revoke(permit, Instant.now(), server.journal);

    await(() -> server.book.byTerminal(OTHER_TERMINAL).map(t -> t.tripId().isEmpty()).orElse(false));
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).isEmpty();
  }

  @Test
  void removedOwnTerminalIsUnboundAndItsTripClosed() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    server.stub().saveOwnTerminal(own("o2", OTHER_TERMINAL, TRUCK, true));

    assertThat(server.book.byTerminal(OTHER_TERMINAL)).isEmpty();
    assertThat(server.book.byPlate(TRUCK)).isEmpty();
    assertThat(server.stub().listTrips(ListTripsRequest.getDefaultInstance()).getTripsList()).isEmpty();
  }

  @Test
  void ownTerminalsSurviveARestart() throws InterruptedException {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, "苏E11111", false));
    server.close();

    server = new TripServer(dir);

    assertThat(server.book.byTerminal(OTHER_TERMINAL)).hasValueSatisfying(t -> assertThat(t.ownTerminal()).isTrue());
  }

  @Test
  void ownTerminalCannotBeIssuedAtAGate() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, OTHER_TRUCK, false));

    assertRefused(() -> server.stub().issueTerminal(issue("r1", OTHER_TERMINAL, TRUCK, "A-000001", "G2")),
        Status.Code.FAILED_PRECONDITION, "terminal_number");
  }

  @Test
  void vehicleWithItsOwnTerminalIsIssuedNone() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    assertRefused(() -> server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2")),
        Status.Code.FAILED_PRECONDITION, "plate");
  }

  @Test
  void ownTerminalOfAnotherVehicleIsAConflict() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    assertRefused(() -> server.stub().saveOwnTerminal(own("o2", OTHER_TERMINAL, OTHER_TRUCK, false)),
        Status.Code.FAILED_PRECONDITION, "terminal_number");
  }

  @Test
  void removingATerminalThatIsNoOwnTerminalIsNotFound() {
    assertRefused(() -> server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, true)),
        Status.Code.NOT_FOUND, "terminal_number");
  }

  @Test
  void ownTerminalIsNotReturnedAtAGate() {
    server.stub().saveOwnTerminal(own("o1", OTHER_TERMINAL, TRUCK, false));

    assertRefused(() -> server.stub().returnTerminal(giveBack("r1", OTHER_TERMINAL, "G2")),
        Status.Code.FAILED_PRECONDITION, "terminal_number");
  }

  private static SaveOwnTerminalRequest own(String requestId, String terminal, String plate, boolean remove) {
    return SaveOwnTerminalRequest.newBuilder().setRequestId(requestId).setTerminalNumber(terminal).setPlate(plate)
        .setPlateColor(PlateColor.PLATE_COLOR_YELLOW).setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZMAT)
        .setRemove(remove).build();
  }

  /** Waits for the permit follower (it runs on the book's own thread after the commit). */
  private static void await(BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("the condition did not hold within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
