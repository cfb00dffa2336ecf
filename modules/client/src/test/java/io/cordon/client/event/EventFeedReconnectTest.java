package io.cordon.client.event;

import io.cordon.client.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.LoginCounter;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live feed against a real server on loopback, which is stopped and started again. */
class EventFeedReconnectTest {
  @TempDir Path dataDir;

  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
  private final List<Long> received = Collections.synchronizedList(new ArrayList<>());
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  private final LoginCounter logins = new LoginCounter();
  private CordonServer server;
  private ServerConnection connection;
  private EventFeed feed;

  @BeforeEach
  void startServerAndSubscribe() {
    server = CordonServer.start(config(0));
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
        .executor(pool).intercept(logins).build();
    connection = new ServerConnection(new ServerAddress("127.0.0.1", server.grpcPort()), channel,
        new ClientExecutors(pool, Runnable::run));
    connection.signIn("operator", "operator");
    feed = new EventFeed(connection, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
    feed.addListener(
        new EventFeed.Listener() {
          @Override
          public void onEvents(List<Event> batch) {
            batch.forEach(e -> received.add(e.getSeq()));
          }

          @Override
          public void onStateChanged(ConnectionState state) {
            states.add(state);
          }
        });
    feed.start(0);
    Eventually.await("the feed to connect", () -> states.contains(ConnectionState.CONNECTED), states::toString);
  }

  @AfterEach
  void stopEverything() {
    feed.close();
    connection.close();
    server.close();
    pool.shutdownNow();
  }

  @Test
  void receivesEventsPublishedByADevice() {
    List<Long> acked = publishHeartbeats(server.grpcPort(), 3);
    Eventually.await("the published events", () -> received.containsAll(acked), received::toString);
  }

  @Test
  void resumesAfterAServerRestartWithoutGapOrDuplicate() {
    int port = server.grpcPort();
    List<Long> before = publishHeartbeats(port, 5);
    Eventually.await("events before the restart", () -> received.containsAll(before), received::toString);

    server.close();
    Eventually.await("the feed to report the broken link", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(config(port));
    List<Long> after = publishHeartbeats(port, 5);

    Eventually.await("the feed to reconnect", () -> feed.state() == ConnectionState.CONNECTED);
    Eventually.await("events after the restart", () -> received.containsAll(after), received::toString);
    assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
    List<Long> seqs = List.copyOf(received);
    long first = seqs.get(0);
    assertThat(seqs)
        .as("every journal event exactly once, in order")
        .containsExactlyElementsOf(LongStream.rangeClosed(first, seqs.get(seqs.size() - 1)).boxed().toList());
    assertThat(first).isEqualTo(1);
  }

  @Test
  void resumesAfterAServerRestartWithTheSessionItHasWithoutSigningInAgain() {
    int port = server.grpcPort();

    server.close();
    Eventually.await("the feed to report the broken link", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(config(port));
    List<Long> after = publishHeartbeats(port, 2);

    Eventually.await("events after the restart", () -> received.containsAll(after), received::toString);
    assertThat(logins.logins()).as("sign-ins, the first one included").isEqualTo(1);
  }

  @Test
  void signsInAgainWhenTheServerNoLongerKnowsTheSession(@TempDir Path freshDataDir) {
    int port = server.grpcPort();

    server.close();
    Eventually.await("the feed to report the broken link", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(ServerConfig.builder().dataDir(freshDataDir).bindAddress("127.0.0.1").grpcPort(port)
        .demoUsers(true).build());
    List<Long> after = publishHeartbeats(port, 2);

    Eventually.await("events after the restart", () -> received.containsAll(after), received::toString);
    assertThat(logins.logins()).as("sign-ins, the first one included").isGreaterThanOrEqualTo(2);
  }

  private ServerConfig config(int port) {
    return ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").grpcPort(port).demoUsers(true).build();
  }

  /** Reports heartbeats as the demo device would and returns the journal seq of each. */
  private static List<Long> publishHeartbeats(int port, int count) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      String token =
          AuthServiceGrpc.newBlockingStub(channel)
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .login(LoginRequest.newBuilder().setUsername("device").setPassword("device").build())
              .getToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      String sensorId =
          ParkServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .getPark(GetParkRequest.getDefaultInstance())
              .getPark()
              .getSensors(0)
              .getId();
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instant now = Instant.now();
        seqs.add(
            SensorIngestServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .report(
                    SensorReport.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSensorId(sensorId)
                        .setKind(SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT)
                        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                        .build())
                .getSeq());
      }
      return seqs;
    } finally {
      channel.shutdownNow();
    }
  }
}
