package io.cordon.server.timeline;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.TimelineServiceGrpc;
import io.cordon.domain.park.Park;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.incident.IncidentBook;
import io.cordon.server.incident.IncidentEntities;
import io.cordon.server.incident.IncidentGrpcService;
import io.cordon.server.incident.IncidentReportDesk;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * TimelineService and IncidentService over real gRPC on loopback, on a fresh test database (H2 in a temporary
 * directory, or a schema in the test PostgreSQL), with the sample park; seeds the journal, positions and the alarm
 * center's table directly.
 */
public final class TimelineTestServer implements AutoCloseable {

  public static final Park PARK = ParkFileLoader.loadSample();

  public final Database database;
  public final HibernateEventJournal journal;
  public final IncidentBook incidents;
  public final JournalTimelines timelines;
  /** The calling user's name, as the auth context would give it. */
  public volatile String user = "supervisor";
  private final TestDatabase testDatabase;
  private final Server server;
  private final ManagedChannel channel;

  public TimelineTestServer(Path dir) {
    this(TestDatabase.h2(dir), Optional.empty());
  }

  public TimelineTestServer(Path dir, Optional<IncidentReportDesk> desk) {
    this(TestDatabase.h2(dir), desk);
  }

  /** On the given fresh database, which {@link #close()} drops. */
  public TimelineTestServer(TestDatabase testDatabase, Optional<IncidentReportDesk> desk) {
    this(testDatabase, desk, AnswerBudget.DEFAULT_MAX_BYTES);
  }

  /** With timeline answers kept within {@code maxAnswerBytes}. */
  TimelineTestServer(TestDatabase testDatabase, Optional<IncidentReportDesk> desk, int maxAnswerBytes) {
    this.testDatabase = testDatabase;
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(IncidentEntities.classes());
    database = Database.open(testDatabase.settings(), entities);
    journal = new HibernateEventJournal(database, new InProcessLiveEvents(), Clock.systemUTC());
    incidents = new IncidentBook(database, journal, Clock.systemUTC());
    timelines = new JournalTimelines(database, PARK, incidents, maxAnswerBytes);
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(new TimelineGrpcService(timelines))
          .addService(new IncidentGrpcService(incidents, timelines, desk, () -> user))
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  public TimelineServiceGrpc.TimelineServiceBlockingStub timelineStub() {
    return TimelineServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public IncidentServiceGrpc.IncidentServiceBlockingStub incidentStub() {
    return IncidentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public JournalEvent event(Instant at, String type, List<SubjectKey> subjects) {
    return journal.append(new NewEvent(at, type, subjects, Optional.empty(), type, Map.of()));
  }

  public JournalEvent event(Instant at, String type, List<SubjectKey> subjects, double lon, double lat) {
    return journal.append(new NewEvent(at, type, subjects, Optional.of(new Location(lon, lat)), type, Map.of()));
  }

  public void fix(String plate, double lon, double lat, Instant at) {
    sql("insert into vehicle_position (plate, plate_color, vehicle_class, lon, lat, heading_deg, speed_kmh,"
        + " fix_time, received_at) values (?, 'YELLOW', 'HAZMAT', ?, ?, 90, 20, ?, ?)", plate, lon, lat, utc(at),
        utc(at));
  }

  /** An alarm as the alarm center stores it: raised, closed or not, at a source, in a zone, with cameras. */
  public void alarm(String id, Instant raisedAt, Instant closedAt, String sourceKind, String sourceId, String zoneId,
      List<String> cameras) {
    Alarm body = Alarm.newBuilder().setAlarmId(id).setSourceKind(sourceKind).setSourceId(sourceId)
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.95).setLat(31.95))
            .setZoneId(zoneId))
        .addAllLinkedCameraIds(cameras).build();
    sql("insert into alarm (alarm_id, state, version, last_seq, raised_at, closed_at, body) values (?, ?, 1, 0, ?, ?, ?)",
        id, closedAt == null ? "NEW" : "CLOSED", utc(raisedAt), closedAt == null ? null : utc(closedAt),
        Base64.getEncoder().encodeToString(body.toByteArray()));
  }

  private void sql(String sql, Object... args) {
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
      }
    }));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    database.close();
    testDatabase.drop();
  }
}
