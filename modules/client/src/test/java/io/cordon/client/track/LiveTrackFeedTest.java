package io.cordon.client.track;

import io.cordon.client.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.VehicleFix;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live track feed against a real server on loopback, which is stopped and started again. */
class LiveTrackFeedTest {
  @TempDir Path dataDir;

  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  /** Trails of 10 s until the server says how long they are. */
  private final LiveVehicleStore store = new LiveVehicleStore(Duration.ofSeconds(10), Duration.ofSeconds(5),
      Duration.ofSeconds(120), java.time.Clock.systemUTC());
  private final LoginCounter logins = new LoginCounter();
  private CordonServer server;
  private ServerConnection connection;
  private LiveTrackFeed feed;

  @BeforeEach
  void startServer() {
    server = CordonServer.start(config(0));
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
        .executor(pool).intercept(logins).build();
    connection = new ServerConnection(new ServerAddress("127.0.0.1", server.grpcPort()), channel,
        new ClientExecutors(pool, Runnable::run));
    connection.signIn("operator", "operator");
    feed = new LiveTrackFeed(connection, store, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
    feed.addStateListener(states::add);
  }

  @AfterEach
  void stopEverything() {
    feed.close();
    connection.close();
    server.close();
    pool.shutdownNow();
  }

  @Test
  void fillsTheStoreFromTheSnapshotAndThenFromUpdates() {
    Instant t = Instant.now().minusSeconds(20);
    report(server.grpcPort(), fix("苏E1234挂", t));
    feed.start();
    Eventually.await("the snapshot", () -> store.find("苏E1234挂").isPresent(), states::toString);
    assertThat(store.find("苏E1234挂").orElseThrow().vehicleClass())
        .isEqualTo(io.cordon.domain.vehicle.VehicleClass.HAZMAT);

    report(server.grpcPort(), fix("苏E1234挂", t.plusSeconds(10)), fix("苏AD12345", t.plusSeconds(10)));

    Eventually.await("the update", () -> store.size() == 2
        && store.find("苏E1234挂").orElseThrow().trail().size() == 1, () -> "" + store.size());
    assertThat(feed.state()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void resubscribesAfterAServerRestartAndSeesVehiclesReportedSince() {
    int port = server.grpcPort();
    feed.start();
    Eventually.await("the feed to connect", () -> feed.state() == ConnectionState.CONNECTED, states::toString);

    server.close();
    Eventually.await("the feed to notice", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(config(port));
    report(port, fix("苏A12345", Instant.now().minusSeconds(1)));

    Eventually.await("the vehicle after the restart", () -> store.find("苏A12345").isPresent(), states::toString);
    assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
        ConnectionState.CONNECTED);
  }

  @Test
  void aServerRestartIsBridgedWithTheSessionItHasWithoutSigningInAgain() {
    int port = server.grpcPort();
    feed.start();
    Eventually.await("the feed to connect", () -> feed.state() == ConnectionState.CONNECTED, states::toString);

    server.close();
    Eventually.await("the feed to notice", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(config(port));
    report(port, fix("苏A12345", Instant.now().minusSeconds(1)));

    Eventually.await("the vehicle after the restart", () -> store.find("苏A12345").isPresent(), states::toString);
    assertThat(logins.logins()).as("sign-ins, the first one included").isEqualTo(1);
  }

  @Test
  void signsInAgainWhenTheServerNoLongerKnowsTheSession(@TempDir Path freshDataDir) {
    int port = server.grpcPort();
    feed.start();
    Eventually.await("the feed to connect", () -> feed.state() == ConnectionState.CONNECTED, states::toString);

    server.close();
    Eventually.await("the feed to notice", () -> feed.state() == ConnectionState.RECONNECTING);
    server = CordonServer.start(ServerConfig.builder().dataDir(freshDataDir).bindAddress("127.0.0.1").grpcPort(port)
        .demoUsers(true).build());
    report(port, fix("苏A12345", Instant.now().minusSeconds(1)));

    Eventually.await("the vehicle after the restart", () -> store.find("苏A12345").isPresent(), states::toString);
    assertThat(logins.logins()).as("sign-ins, the first one included").isGreaterThanOrEqualTo(2);
  }

  @Test
  void trailsReachAsFarBackAsTheServerSays() {
    Instant t = Instant.now().minusSeconds(40);
    report(server.grpcPort(), fix("苏A12345", t));
    report(server.grpcPort(), fix("苏A12345", t.plusSeconds(10)));
    report(server.grpcPort(), fix("苏A12345", t.plusSeconds(20)));

    feed.start();

    Eventually.await("the snapshot", () -> store.find("苏A12345").isPresent(), states::toString);
    assertThat(store.find("苏A12345").orElseThrow().trail()).hasSize(2);
  }

  private ServerConfig config(int port) {
    return ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").grpcPort(port).demoUsers(true).build();
  }

  private static void report(int port, VehicleFix.Builder... fixes) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("device").setPassword("device").build()).getToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId(UUID.randomUUID().toString());
      for (VehicleFix.Builder fix : fixes) {
        batch.addFixes(fix);
      }
      PositionIngestServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .report(batch.build());
    } finally {
      channel.shutdownNow();
    }
  }

  private static VehicleFix.Builder fix(String plate, Instant time) {
    boolean trailer = plate.endsWith("挂");
    return VehicleFix.newBuilder()
        .setPlate(plate)
        .setPlateColor(trailer ? PlateColor.PLATE_COLOR_YELLOW : PlateColor.PLATE_COLOR_GREEN)
        .setVehicleClass(trailer ? VehicleClass.VEHICLE_CLASS_HAZMAT : VehicleClass.VEHICLE_CLASS_ORDINARY)
        .setPosition(LonLat.newBuilder().setLon(120.93).setLat(31.938567))
        .setHeadingDeg(90)
        .setSpeedKmh(30)
        .setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()));
  }
}
