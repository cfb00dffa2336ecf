package io.cordon.server.gate.emergency;

import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED;
import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED;
import static io.cordon.server.gate.emergency.EmergencyCalls.gate;
import static io.cordon.server.gate.emergency.EmergencyCalls.gateIs;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AgentHello;
import io.cordon.api.v1.AgentLane;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.ServerMessage;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An emergency gate's agent on the real GateAgentService stream receives the hold-open and confirms it. */
class EmergencyThroughAgentStreamTest {

  private static final Park PARK = ParkFileLoader.loadSample();
  private static final Gate GATE = PARK.gates().stream().filter(g -> g.type() == GateType.EMERGENCY)
      .findFirst().orElseThrow();

  @TempDir
  Path dataDir;
  private TestServer server;
  private EmergencyCalls calls;

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
    calls = new EmergencyCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theAgentReceivesTheHoldOpenAndItsConfirmationTurnsTheGateConfirmedThenRestored() throws Exception {
    Agent agent = new Agent();
    StreamObserver<AgentMessage> toServer = GateAgentServiceGrpc.newStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("gate")))
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .connect(agent);
    // resume from the journal's head, as an agent that has seen every earlier command: a first-time agent
    // (last_command_seq 0) gets only the commands issued once its watch has started
    AgentHello.Builder hello = AgentHello.newBuilder().setGateId(GATE.id().value()).setAgentId("test-agent")
        .setLastCommandSeq(server.server().journal().lastSeq());
    GATE.lanes().forEach(lane -> hello.addLanes(AgentLane.newBuilder().setLaneId(lane.id()).addDevices("barrier")));
    toServer.onNext(AgentMessage.newBuilder().setHello(hello).build());
    assertThat(agent.next().hasWelcome()).isTrue();
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    watch.next();

    EmergencyStatus opened = calls.open("operator", "a-1", EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES);

    BarrierCommand hold = agent.nextCommand();
    assertThat(hold.getAction()).isEqualTo(BarrierAction.BARRIER_ACTION_HOLD_OPEN);
    assertThat(hold.getCommandSeq()).isEqualTo(gate(opened, GATE.id().value()).getCommandSeq());
    toServer.onNext(AgentMessage.newBuilder().setCommandResult(CommandResult.newBuilder()
        .setCommandSeq(hold.getCommandSeq()).setDone(true)).build());
    watch.until(gateIs(GATE.id().value(), EMERGENCY_GATE_STATE_CONFIRMED));

    calls.end("operator", "a-2", opened.getEmergencyId());
    BarrierCommand close = agent.nextCommand();
    assertThat(close.getAction()).isEqualTo(BarrierAction.BARRIER_ACTION_CLOSE);
    toServer.onNext(AgentMessage.newBuilder().setCommandResult(CommandResult.newBuilder()
        .setCommandSeq(close.getCommandSeq()).setDone(true)).build());
    watch.until(gateIs(GATE.id().value(), EMERGENCY_GATE_STATE_RESTORED));
    toServer.onCompleted();
  }

  /** The agent's side of the stream, collected. */
  private static final class Agent implements StreamObserver<ServerMessage> {
    private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();

    ServerMessage next() throws InterruptedException {
      ServerMessage message = received.poll(30, TimeUnit.SECONDS);
      assertThat(message).as("a server message").isNotNull();
      return message;
    }

    /** The next barrier command, skipping cache chunks and acks. */
    BarrierCommand nextCommand() throws InterruptedException {
      while (true) {
        ServerMessage message = next();
        if (message.hasCommand()) {
          return message.getCommand();
        }
      }
    }

    @Override
    public void onNext(ServerMessage value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onCompleted() {
    }
  }
}
