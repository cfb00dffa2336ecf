package io.cordon.simulator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateState;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.cordon.simulator.SimulatorSettings;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual gates against a real server on loopback, as an operator sees them. */
class VirtualGatesTest {

  /** The sample park's emergency gates (normally closed) and one of its ordinary gates. */
  private static final String EMERGENCY_GATE = "G7";
  private static final String ORDINARY_GATE = "G1";
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  @TempDir
  Path dataDir;
  private CordonServer server;
  private ManagedChannel channel;
  private VirtualGates gates;
  private CallCredentials operator;

  @BeforeEach
  void start() {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).demoUsers(true).build());
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    operator = bearer(AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername("operator").setPassword("operator").build()).getToken());
    gates = new VirtualGates(channel, "device", "device",
        new SimulatorSettings(Duration.ofSeconds(60), 0, 42, Duration.ofSeconds(5), Duration.ofMillis(500), 0));
    gates.start();
  }

  @AfterEach
  void stop() {
    gates.close();
    channel.shutdownNow();
    server.close();
  }

  @Test
  void everyGateReportsItsInitialStateEmergencyGatesClosedTheOthersOpen() throws Exception {
    Map<String, GateState> states = awaitAllReported();

    assertThat(states).containsEntry(EMERGENCY_GATE, GateState.GATE_STATE_CLOSED)
        .containsEntry(ORDINARY_GATE, GateState.GATE_STATE_OPEN);
  }

  @Test
  void aGateObeysAnOpenCommandByReportingItOpen() throws Exception {
    awaitAllReported();
    awaitWatching(EMERGENCY_GATE);
    Iterator<Event> live = EventServiceGrpc.newBlockingStub(channel).withCallCredentials(operator)
        .withDeadlineAfter(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)
        .subscribe(SubscribeRequest.newBuilder().addTypes("gate.state").build());

    long commandSeq = command("open-1", EMERGENCY_GATE, GateAction.GATE_ACTION_OPEN, "evacuation drill")
        .getCommandSeq();

    Event opened = next(live, e -> e.getSeq() > commandSeq && e.getSubjects(0).getId().equals(EMERGENCY_GATE));
    assertThat(opened.getAttributesMap()).containsEntry("state", "OPEN").containsEntry("previous", "CLOSED");
  }

  /** Waits until every gate of the park has reported, and returns the states. */
  private Map<String, GateState> awaitAllReported() throws InterruptedException {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    while (true) {
      List<GateStatus> states = GateServiceGrpc.newBlockingStub(channel).withCallCredentials(operator)
          .withDeadlineAfter(10, TimeUnit.SECONDS).listStates(ListGateStatesRequest.getDefaultInstance())
          .getGatesList();
      if (states.stream().noneMatch(s -> s.getState() == GateState.GATE_STATE_UNSPECIFIED)) {
        return states.stream().collect(Collectors.toMap(GateStatus::getGateId, GateStatus::getState));
      }
      assertThat(System.nanoTime()).as("all gates reported: %s", states).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /**
   * Waits until the gate's command watch is open, so that the next command reaches it: closes the
   * (already closed) gate, which changes nothing, until the server says the gate listened.
   */
  private void awaitWatching(String gateId) throws InterruptedException {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    for (int attempt = 0; !command("probe-" + attempt, gateId, GateAction.GATE_ACTION_CLOSE, "watch probe")
        .getGateConnected(); attempt++) {
      assertThat(System.nanoTime()).as("the gate watches its commands").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private GateCommandResponse command(String requestId, String gateId, GateAction action, String reason) {
    return GateServiceGrpc.newBlockingStub(channel).withCallCredentials(operator)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .command(GateCommandRequest.newBuilder().setRequestId(requestId).setGateId(gateId).setAction(action)
            .setReason(reason).build());
  }

  private static Event next(Iterator<Event> live, java.util.function.Predicate<Event> wanted) {
    while (live.hasNext()) {
      Event event = live.next();
      if (wanted.test(event)) {
        return event;
      }
    }
    throw new AssertionError("the live stream ended");
  }

  private static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }
}
