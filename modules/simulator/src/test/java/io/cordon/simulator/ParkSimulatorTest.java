package io.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.simulator.alarm.AlarmRates;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkSimulatorTest {

  @TempDir
  Path dataDir;
  private CordonServer server;
  private ManagedChannel channel;
  private ParkSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void heartbeatsOfDifferentSensorsReachTheEventStream() {
    startServer(0);
    simulator = new ParkSimulator(channel, "device", "device", fast());
    simulator.start();

    List<Event> events = take(subscribe("sensor.heartbeat"), 5);

    assertThat(events).extracting(Event::getType).containsOnly("sensor.heartbeat");
    assertThat(events).extracting(e -> e.getSubjects(0).getId()).doesNotHaveDuplicates();
    assertThat(events).allMatch(Event::hasLocation);
  }

  @Test
  void aHighIntrusionRateProducesFenceAlarms() {
    startServer(0);
    simulator = new ParkSimulator(channel, "device", "device", fast().withIntrusionsPerMinute(600));
    simulator.start();

    List<Event> events = take(subscribe("sensor.intrusion"), 1);

    assertThat(events.get(0).getSubjectsList()).extracting(s -> s.getKind()).containsExactly("sensor", "segment");
  }

  @Test
  void everyAlarmFamilyTheSimulatorRaisesIsAcceptedAndBecomesAlarmsOnTheRealServer() {
    startServer(0);
    AlarmRates often = new AlarmRates(3600, 3600, 3600, 3600, 3600); // about one a second per family
    simulator = new ParkSimulator(channel, "device", "device", fast().withAlarmRates(often));
    simulator.start();

    Set<AlarmType.Family> families = EnumSet.noneOf(AlarmType.Family.class);
    Iterator<Event> raised = subscribe("alarm.raised");
    while (families.size() < 5 && raised.hasNext()) {
      families.add(AlarmType.valueOf(raised.next().getAttributesOrThrow("type")).family());
    }

    assertThat(families).containsExactlyInAnyOrder(AlarmType.Family.PERIMETER, AlarmType.Family.VIDEO,
        AlarmType.Family.GATE, AlarmType.Family.VEHICLE, AlarmType.Family.DEVICE);
    assertThat(simulator.acknowledgedAlarmReports()).isPositive();
  }

  @Test
  void reportingResumesWhenTheServerComesBackOnTheSamePort() throws Exception {
    int port = freePort();
    startServer(port);
    simulator = new ParkSimulator(channel, "device", "device", fast());
    simulator.start();
    take(subscribe("sensor.heartbeat"), 2);

    server.close();
    Thread.sleep(500); // the simulator meets a closed port and backs off
    long lastBeforeRestart = lastRecordedSeq();
    server = CordonServer.start(config(port));

    // Only what is committed after the restart can arrive: the stream starts past the old journal.
    List<Event> after = take(subscribe("sensor.heartbeat", lastBeforeRestart), 3);
    assertThat(after).extracting(Event::getSeq).allMatch(seq -> seq > lastBeforeRestart);
  }

  /** The journal's last seq, read from the database while the server is down. */
  private long lastRecordedSeq() {
    ServerConfig config = config(0);
    try (Database database = Database.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()), JournalEntities.classes())) {
      return new HibernateEventJournal(database, new InProcessLiveEvents(), Clock.systemUTC()).lastSeq();
    }
  }

  private SimulatorSettings fast() {
    return new SimulatorSettings(Duration.ofMillis(500), 0, 42, Duration.ofSeconds(5), Duration.ofMillis(500));
  }

  private void startServer(int port) {
    server = CordonServer.start(config(port));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  private ServerConfig config(int port) {
    return ServerConfig.builder().dataDir(dataDir).demoUsers(true).grpcPort(port).build();
  }

  /** Events of a type from the start of the journal, as an operator sees them. */
  private Iterator<Event> subscribe(String type) {
    return subscribe(type, 0);
  }

  /** Events of a type committed after {@code fromSeq}, as an operator sees them. */
  private Iterator<Event> subscribe(String type, long fromSeq) {
    String token = AuthServiceGrpc.newBlockingStub(channel).withWaitForReady().withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername("operator").setPassword("operator").build()).getToken();
    return EventServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(new BearerToken(token))
        .withDeadlineAfter(60, TimeUnit.SECONDS)
        .subscribe(SubscribeRequest.newBuilder().setFromSeq(fromSeq).addTypes(type).build());
  }

  private static List<Event> take(Iterator<Event> stream, int count) {
    List<Event> events = new ArrayList<>();
    try {
      while (events.size() < count && stream.hasNext()) {
        events.add(stream.next());
      }
    } catch (StatusRuntimeException e) {
      throw new AssertionError("stream ended after " + events.size() + " events", e);
    }
    return events;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
