package io.cordon.server.track.jt808;

import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.api.v1.VehicleClass;
import io.cordon.devices.jt808.Jt808Position;
import io.cordon.devices.jt808.Jt808PositionSink;
import io.cordon.devices.jt808.Jt808Server;
import io.cordon.devices.jt808.Jt808ServerSettings;
import io.cordon.devices.jt808.Jt808SessionListener;
import io.cordon.devices.track.ServiceArea;
import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.Road;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.track.parking.LoadingPointRef;
import io.cordon.domain.track.rules.ParkGeometry;
import io.cordon.domain.track.rules.TrackRuleEngine;
import io.cordon.server.alarm.ConditionAlarmSink;
import io.cordon.server.event.EventJournal;
import io.cordon.server.persistence.Database;
import io.cordon.server.track.LiveVehiclePositions;
import io.cordon.server.track.TrackLiveState;
import io.cordon.server.track.TrackMessages;
import io.cordon.server.track.trip.OpenTrips;
import java.net.SocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's JT/T 808 position pipeline (DESIGN §10, Traccar's pattern): the {@link Jt808Server}
 * hands each terminal message to {@link #accept}, which queues it on the terminal's ordered lane
 * (filter → match → rules → parking lot), from where it goes to one group commit (persist →
 * acknowledge → live fan-out) and then to the publisher (alarms, journal). The Netty event loop
 * only queues. Also the read side the TripService asks ({@link TrackLiveState}).
 *
 * <p>Build it with {@link #create}, then {@link #start} the TCP server (or feed {@link #accept}
 * directly, as the benchmark may); {@link #close} drains everything accepted before it returns.
 */
public final class Jt808Intake implements Jt808PositionSink, TrackLiveState, Jt808SessionListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Jt808Intake.class);

  final Jt808IntakeSettings settings;
  final Park park;
  final ParkGeometry geometry;
  final TrackRuleEngine engine;
  final RouteResolver routes;
  final OpenTrips openTrips;
  final ServiceArea serviceArea;
  final IntakeCounters counters = new IntakeCounters();
  final LiveVehiclePositions live;
  final PositionCommitter committer;
  final TrackEventPublisher publisher;
  final List<ParkingLotDesk> lots;
  final Map<String, VehicleView> vehicles = new ConcurrentHashMap<>();
  private final Map<String, TerminalStatus> statuses = new ConcurrentHashMap<>();
  private final Map<SocketAddress, String> sessions = new ConcurrentHashMap<>();
  private final Map<String, long[]> restored;
  private final StoredJt808Registrations registrations;
  private final IntakeLane[] lanes;
  private final ScheduledExecutorService ticker;
  private final Clock clock;
  private volatile boolean closed;
  private Jt808Server server;

  private Jt808Intake(Park park, Database database, EventJournal journal, ConditionAlarmSink alarms, OpenTrips trips,
      LiveVehiclePositions live, Clock clock, Jt808IntakeSettings settings) {
    this.settings = settings;
    this.park = park;
    this.geometry = ParkGeometry.of(park);
    this.engine = new TrackRuleEngine(geometry, settings.rules());
    this.routes = new RouteResolver(geometry);
    this.openTrips = trips;
    this.serviceArea = ServiceArea.around(park, settings.serviceMarginMetres());
    this.live = live;
    this.clock = clock;
    this.lots = park.parkingLots().stream().filter(ParkingLot::hazmat).filter(l -> l.capacity() > 0)
        .map(l -> new ParkingLotDesk(l, settings.lot(), loadingPoints(park))).toList();
    this.registrations = StoredJt808Registrations.load(database, clock);
    this.restored = lastFixTimes(database, clock.instant().minus(settings.maxAge()), this::status);
    this.committer = new PositionCommitter(database, live, counters, settings.maxCommitRows());
    this.publisher = new TrackEventPublisher(park, journal, alarms, settings.rules().overspeed().tolerance());
    this.lanes = new IntakeLane[settings.lanes()];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new IntakeLane(this, i);
      lanes[i].start();
    }
    this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cordon-jt808-tick");
      thread.setDaemon(true);
      return thread;
    });
    long tick = settings.tick().toMillis();
    ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * The pipeline over its own live view (the benchmark's way in: no gRPC, no TCP server needed).
   */
  public static Jt808Intake create(Park park, Database database, EventJournal journal, ConditionAlarmSink alarms,
      OpenTrips trips, Clock clock) {
    Jt808IntakeSettings settings = Jt808IntakeSettings.defaults();
    return create(park, database, journal, alarms, trips, new LiveVehiclePositions(settings.live(), clock), clock,
        settings);
  }

  /** The pipeline feeding the server's live view {@code live}. */
  public static Jt808Intake create(Park park, Database database, EventJournal journal, ConditionAlarmSink alarms,
      OpenTrips trips, LiveVehiclePositions live, Clock clock, Jt808IntakeSettings settings) {
    return new Jt808Intake(park, database, journal, alarms, trips, live, clock, settings);
  }

  /** Starts the JT/T 808 TCP server on {@code host}:{@code port} (0 = ephemeral). */
  public synchronized Jt808Intake start(String host, int port, Jt808ServerSettings serverSettings) {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    server = new Jt808Server(serverSettings, registrations, this, this, clock).start(host, port);
    log.info("JT/T 808 server on {}:{} ({} lanes, {} hazmat parking lots)", host, server.port(), lanes.length,
        lots.size());
    return this;
  }

  /** The bound TCP port. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.port();
  }

  /** The TCP server (its frame counters), when started. */
  public synchronized Optional<Jt808Server> server() {
    return Optional.ofNullable(server);
  }

  public IntakeCounters counters() {
    return counters;
  }

  public LiveVehiclePositions live() {
    return live;
  }

  /** Stops the TCP server, then processes, commits and publishes everything accepted before. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (server != null) {
        server.close();
      }
    }
    ticker.shutdownNow();
    for (IntakeLane lane : lanes) {
      lane.close();
    }
    committer.close();
    publisher.close();
    registrations.close();
    log.info("JT/T 808 pipeline stopped: {}", counters);
  }

  // ---- the sink ----

  @Override
  public CompletionStage<Void> accept(List<Jt808Position> positions) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the position pipeline is closed"));
      return done;
    }
    if (positions.isEmpty()) {
      done.complete(null);
      return done;
    }
    lanes[Math.floorMod(positions.get(0).terminalNumber().hashCode(), lanes.length)].submit(positions, done);
    return done;
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      for (IntakeLane lane : lanes) {
        lane.tick(now);
      }
      for (ParkingLotDesk desk : lots) {
        publisher.lotEvents(desk.lot(), desk.tick(now));
      }
      live.expire();
    } catch (RuntimeException e) {
      log.warn("JT/T 808 tick failed", e);
    }
  }

  // ---- sessions ----

  @Override
  public void authenticated(String terminalNumber, SocketAddress remote) {
    TerminalStatus status = status(terminalNumber);
    status.lastSeen = clock.instant();
    if (sessions.put(remote, terminalNumber) == null) {
      status.connections.incrementAndGet();
    }
  }

  @Override
  public void disconnected(String terminalNumber, SocketAddress remote) {
    String terminal = sessions.remove(remote);
    if (terminal != null) {
      status(terminal).connections.decrementAndGet();
    }
  }

  TerminalStatus status(String number) {
    return statuses.computeIfAbsent(number, TerminalStatus::new);
  }

  long[] restoredFixTimes(String number) {
    long[] times = restored.remove(number);
    return times == null ? new long[0] : times;
  }

  // ---- the read side ----

  @Override
  public Optional<TrackedVehicle> vehicle(String plate) {
    VehicleView view = vehicles.get(plate);
    if (view == null || view.current == null) {
      return Optional.empty();
    }
    VehicleBinding binding = view.binding;
    TrackPoint at = view.current;
    TrackedVehicle.Builder vehicle = TrackedVehicle.newBuilder()
        .setPlate(plate)
        .setPlateColor(PlateColor.valueOf("PLATE_COLOR_" + binding.plateColor().name()))
        .setVehicleClass(VehicleClass.valueOf("VEHICLE_CLASS_" + binding.vehicleClass().name()))
        .setCurrent(TrackMessages.toProto(at))
        .addAllViolations(publisher.active(plate))
        .setUnbound(binding.unbound());
    Optional<Road> road = geometry.roadNear(at.lon(), at.lat(), settings.rules().overspeed().snapMetres());
    road.ifPresent(r -> vehicle.setRoad(r.name())
        .setSpeedLimitKmh(r.speedLimitKmh() > 0 ? r.speedLimitKmh() : settings.rules().overspeed().defaultLimitKmh()));
    park.zoneAt(Wgs84.point(at.lon(), at.lat())).map(ControlZone::id).ifPresent(z -> vehicle.setZoneId(z.value()));
    vehicle.setInParkingLot(lots.stream().anyMatch(desk -> desk.holds(plate)));
    return Optional.of(vehicle.build());
  }

  @Override
  public List<Terminal> terminals() {
    TreeSet<String> numbers = new TreeSet<>(statuses.keySet());
    numbers.addAll(registrations.terminalNumbers());
    List<Terminal> list = new ArrayList<>(numbers.size());
    for (String number : numbers) {
      TerminalStatus status = statuses.get(number);
      Terminal.Builder terminal = Terminal.newBuilder().setTerminalNumber(number)
          .setRegistered(registrations.registered(number));
      if (status != null) {
        terminal.setConnected(status.connections.get() > 0);
        Instant seen = status.lastSeen;
        if (seen != null) {
          terminal.setLastSeen(TrackMessages.timestamp(seen));
        }
        TrackPoint position = status.lastPosition;
        if (position != null) {
          terminal.setLastPosition(TrackMessages.toProto(position));
        }
        long unbound = status.unboundPositions.get();
        terminal.setUnboundReporting(unbound > 0).setUnboundPositions(unbound);
      }
      list.add(terminal.build());
    }
    return list;
  }

  @Override
  public ParkingLotState parkingLot(String lotId) {
    return desk(lotId).state();
  }

  @Override
  public ParkingLotState loadingPointFree(String lotId, String enterpriseId, String loadingPoint, Instant at) {
    ParkingLotDesk desk = desk(lotId);
    Enterprise enterprise = park.enterprises().stream().filter(e -> e.id().value().equals(enterpriseId)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no enterprise " + enterpriseId));
    if (enterprise.loadingPoints().stream().noneMatch(p -> p.id().equals(loadingPoint))) {
      throw new NoSuchElementException("no loading point " + loadingPoint + " at " + enterpriseId);
    }
    publisher.lotEvents(desk.lot(), desk.loadingPointFree(new LoadingPointRef(enterprise.id(), loadingPoint), at));
    return desk.state();
  }

  private ParkingLotDesk desk(String lotId) {
    if (lotId == null || lotId.isEmpty()) {
      if (lots.isEmpty()) {
        throw new NoSuchElementException("the park has no hazmat parking lot");
      }
      return lots.get(0);
    }
    return lots.stream().filter(d -> d.id().equals(lotId)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no hazmat parking lot " + lotId));
  }

  /**
   * The fix times each terminal stored lately, so a report repeated across a restart is still a
   * duplicate; also restores how many unbound positions each terminal stored in that time.
   */
  /** Every loading point of the park's enterprises, where it is (WGS84). */
  private static Map<LoadingPointRef, Coordinate> loadingPoints(Park park) {
    Map<LoadingPointRef, Coordinate> points = new HashMap<>();
    for (Enterprise enterprise : park.enterprises()) {
      for (LoadingPoint point : enterprise.loadingPoints()) {
        points.put(new LoadingPointRef(enterprise.id(), point.id()), point.position().getCoordinate());
      }
    }
    return points;
  }

  private static Map<String, long[]> lastFixTimes(Database database, Instant since,
      java.util.function.Function<String, TerminalStatus> statuses) {
    Map<String, List<Long>> times = new HashMap<>();
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement("select terminal_number, max(fix_time),"
          + " sum(case when flags in (1, 3) then 1 else 0 end) from vehicle_position"
          + " where terminal_number is not null and fix_time >= ? group by terminal_number")) {
        select.setObject(1, since.atOffset(ZoneOffset.UTC));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            times.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                .add(rows.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli());
            long unbound = rows.getLong(3);
            if (unbound > 0) {
              statuses.apply(rows.getString(1)).unboundPositions.set(unbound);
            }
          }
        }
      }
    }));
    Map<String, long[]> result = new ConcurrentHashMap<>();
    times.forEach((terminal, list) -> result.put(terminal,
        list.stream().sorted(Comparator.naturalOrder()).mapToLong(Long::longValue).toArray()));
    return result;
  }
}
