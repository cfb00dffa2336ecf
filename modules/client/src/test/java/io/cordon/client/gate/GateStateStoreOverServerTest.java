package io.cordon.client.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.event.EventFeed;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate store and command view model against a real server on loopback, with the live feed. */
class GateStateStoreOverServerTest {

  private static final GateId GATE = ParkFileLoader.loadSample().gates().get(0).id();

  @TempDir
  Path dataDir;
  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
  /** Serialised like the FX thread: state changes happen one at a time. */
  private final ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
  private CordonServer server;
  private ServerConnection connection;
  private Session session;
  private EventFeed feed;
  private GateStateStore store;

  @BeforeEach
  void start() {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true)
        .build());
    connection = ServerConnection.open(new ServerAddress("127.0.0.1", server.grpcPort()),
        new ClientExecutors(pool, ui));
    session = connection.signIn("operator", "operator");
    store = new GateStateStore(new GateClient(connection), ui);
    feed = new EventFeed(connection);
    feed.addListener(store);
    feed.start(0);
  }

  @AfterEach
  void stop() {
    feed.close();
    connection.close();
    server.close();
    pool.shutdownNow();
    ui.shutdownNow();
  }

  @Test
  void theStoreLoadsOnConnectAndFollowsAGateThroughTheLiveFeed() {
    await("the gates listed", () -> store.states().containsKey(GATE));
    assertThat(store.state(GATE)).isEqualTo(GateState.UNKNOWN);

    report("open-1", io.cordon.api.v1.GateState.GATE_STATE_OPEN);
    await("the gate open", () -> store.state(GATE) == GateState.OPEN);

    report("fault-1", io.cordon.api.v1.GateState.GATE_STATE_FAULT);
    await("the gate in fault", () -> store.state(GATE) == GateState.FAULT);
  }

  @Test
  void anOperatorsCommandIsAcceptedAndNumbered() {
    GateCommandViewModel vm = new GateCommandViewModel(new GateClient(connection), session,
        new SimpleBooleanProperty(true), Runnable::run);
    vm.gateProperty().set(ParkFileLoader.loadSample().gates().get(0));
    vm.actionProperty().set(GateCommandViewModel.Action.CLOSE);
    vm.reasonProperty().set("suspicious vehicle");

    vm.sendCommand().execute();

    await("the command accepted", () -> vm.lastCommandSeqProperty().get() > 0);
    assertThat(vm.errorKeyProperty().get()).isEmpty();
    assertThat(vm.lastQueuedProperty().get()).as("no gate listens in this test").isTrue();
  }

  private void report(String requestId, io.cordon.api.v1.GateState state) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    try {
      String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("device").setPassword("device").build()).getToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      Instant now = Instant.now();
      GateStatusServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .reportState(GateStateReport.newBuilder().setRequestId(requestId).setGateId(GATE.value()).setState(state)
              .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build());
    } finally {
      channel.shutdownNow();
    }
  }

  /** Polls until the condition holds; the timeout only bounds a broken test, it measures nothing. */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
