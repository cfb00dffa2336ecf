package io.cordon.server.gate;

import static io.cordon.server.gate.GateCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manual control of one lane (issue 7) over real gRPC on loopback, with the sample park and H2. */
class LaneCommandOverGrpcTest {

  private static final Park PARK = ParkFileLoader.loadSample();
  private static final Gate GATE = PARK.gates().stream().filter(g -> g.lanes().size() > 1).findFirst().orElseThrow();
  private static final String LANE = GATE.lanes().get(1).id();

  @TempDir
  Path dataDir;
  private TestServer server;
  private GateCalls calls;

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
    calls = new GateCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aLaneCommandIsJournaledForThatLaneOnlyWithUserAndReason() {
    GateCommandResponse response = command("supervisor", "l-1", GATE.id().value(), LANE, GateAction.GATE_ACTION_OPEN);

    Event audit = calls.events().stream().filter(e -> e.getType().equals("gate.command")).findFirst().orElseThrow();
    assertThat(audit.getSeq()).isEqualTo(response.getCommandSeq());
    assertThat(audit.getAttributesMap()).containsEntry("lane", LANE).containsEntry("action", "OPEN")
        .containsEntry("user", "supervisor").containsEntry("reason", "Let the fire engine through");
    assertThat(audit.getSubjectsList()).extracting(s -> s.getKind() + ":" + s.getId())
        .containsExactly("gate:" + GATE.id().value(), "user:supervisor");
    assertThat(audit.getSummary()).contains("lane " + LANE);
  }

  @Test
  void aWholeGateCommandNamesNoLane() {
    command("operator", "w-1", GATE.id().value(), "", GateAction.GATE_ACTION_CLOSE);

    Event audit = calls.events().stream().filter(e -> e.getType().equals("gate.command")).findFirst().orElseThrow();
    assertThat(audit.getAttributesMap()).doesNotContainKey("lane").containsEntry("action", "CLOSE");
  }

  @Test
  void anUnknownLaneIsNotFoundAndNamesLaneId() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> command("operator", "u-1", GATE.id().value(), "L99", GateAction.GATE_ACTION_OPEN));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("lane_id");
    assertThat(calls.events()).isEmpty();
  }

  private GateCommandResponse command(String user, String requestId, String gateId, String laneId,
      GateAction action) {
    return GateServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user)))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .command(GateCommandRequest.newBuilder().setRequestId(requestId).setGateId(gateId).setLaneId(laneId)
            .setAction(action).setReason("Let the fire engine through").build());
  }
}
