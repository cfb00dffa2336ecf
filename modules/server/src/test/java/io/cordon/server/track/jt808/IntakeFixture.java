package io.cordon.server.track.jt808;

import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.devices.jt808.Jt808ServerSettings;
import io.cordon.domain.park.Park;
import io.cordon.server.alarm.AlarmCenter;
import io.cordon.server.alarm.AlarmCenterSettings;
import io.cordon.server.alarm.AlarmEntities;
import io.cordon.server.alarm.CenterConditionAlarmSink;
import io.cordon.server.alarm.ConditionAlarmSink;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.TypeFilter;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.cordon.server.track.trip.OpenTrip;
import io.cordon.server.track.trip.OpenTrips;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** The pipeline over a real H2 database, journal and alarm center, its TCP server on an ephemeral port. */
final class IntakeFixture implements AutoCloseable {

  /** On R-03 (滨江 dedicated hazmat road, 30 km/h), inside the sample park. */
  static final double ROAD_LON = 120.944322;
  static final double ROAD_LAT = 31.935;

  /** Trips by terminal, as the trip book would hold them. */
  static final class Trips implements OpenTrips {
    final Map<String, OpenTrip> byTerminal = new ConcurrentHashMap<>();

    @Override
    public Optional<OpenTrip> byTerminal(String terminalNumber) {
      return Optional.ofNullable(byTerminal.get(terminalNumber));
    }

    @Override
    public Optional<OpenTrip> byPlate(String plate) {
      return byTerminal.values().stream().filter(t -> t.plate().value().equals(plate)).findFirst();
    }

    @Override
    public void addListener(TripListener listener) {
    }
  }

  /** The real alarm center's sink, remembering what it was asked. */
  static final class RecordingAlarms implements ConditionAlarmSink {
    final ConditionAlarmSink real;
    final List<ReceivedAlarmReport> raised = new CopyOnWriteArrayList<>();
    final List<String> raisedIds = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();

    RecordingAlarms(ConditionAlarmSink real) {
      this.real = real;
    }

    @Override
    public Optional<String> raise(ReceivedAlarmReport report) {
      Optional<String> id = real.raise(report);
      raised.add(report);
      raisedIds.add(id.orElse(""));
      return id;
    }

    @Override
    public void conditionEnded(String alarmId, Instant at, String note) {
      real.conditionEnded(alarmId, at, note);
      ended.add(alarmId);
    }
  }

  final Path dir;
  final Park park;
  final Trips trips = new Trips();
  final Jt808IntakeSettings settings;
  TestDatabase testDatabase;
  Database database;
  HibernateEventJournal journal;
  AlarmCenter center;
  RecordingAlarms alarms;
  Jt808Intake intake;

  IntakeFixture(Path dir, Park park, Jt808IntakeSettings settings) {
    this.dir = dir;
    this.park = park;
    this.settings = settings;
    this.testDatabase = TestDatabase.h2(dir);
    open();
  }

  /** Opens the database, the center and the pipeline (again, after {@link #closeAll}). */
  void open() {
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(AlarmEntities.classes());
    database = Database.open(testDatabase.settings(), entities);
    Clock clock = Clock.systemUTC();
    journal = new HibernateEventJournal(database, new InProcessLiveEvents(), clock);
    center = new AlarmCenter(park, database, journal, SopCatalog.bundled(), AlarmCenterSettings.defaults(), clock);
    center.start();
    alarms = new RecordingAlarms(new CenterConditionAlarmSink(center, journal));
    intake = Jt808Intake.create(park, database, journal, alarms, trips,
        new io.cordon.server.track.LiveVehiclePositions(settings.live(), clock), clock, settings)
        .start("127.0.0.1", 0, Jt808ServerSettings.defaults());
  }

  SocketTerminal terminal(String number) throws java.io.IOException {
    return new SocketTerminal(intake.port(), number);
  }

  long count(String where) {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement("select count(*) from vehicle_position where "
          + where); ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }));
  }

  List<JournalEvent> events(String type) {
    return journal.readAfter(0, new TypeFilter(List.of(type)), 1000).stream()
        .filter(e -> e.type().equals(type)).toList();
  }

  void closeAll() {
    intake.close();
    center.close();
    database.close();
  }

  @Override
  public void close() {
    closeAll();
    testDatabase.drop();
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
