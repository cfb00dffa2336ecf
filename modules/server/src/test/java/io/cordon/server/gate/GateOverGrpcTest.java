package io.cordon.server.gate;

import static io.cordon.api.v1.GateAction.GATE_ACTION_CLOSE;
import static io.cordon.api.v1.GateAction.GATE_ACTION_OPEN;
import static io.cordon.api.v1.GateState.GATE_STATE_CLOSED;
import static io.cordon.api.v1.GateState.GATE_STATE_FAULT;
import static io.cordon.api.v1.GateState.GATE_STATE_OPEN;
import static io.cordon.api.v1.GateState.GATE_STATE_UNSPECIFIED;
import static io.cordon.server.gate.GateCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate states and commands over real gRPC on loopback, with the sample park and H2. */
class GateOverGrpcTest {

  private static final Park PARK = ParkFileLoader.loadSample();
  private static final String GATE = PARK.gates().get(0).id().value();
  private static final String EMERGENCY_GATE = PARK.gates().stream().filter(g -> g.type() == GateType.EMERGENCY)
      .findFirst().orElseThrow().id().value();

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
  void everyGateOfTheParkIsListedAndUnknownUntilItReports() {
    List<GateStatus> states = calls.states("operator");

    assertThat(states).extracting(GateStatus::getGateId)
        .containsExactlyElementsOf(PARK.gates().stream().map(g -> g.id().value()).toList());
    assertThat(states).extracting(GateStatus::getState).containsOnly(GATE_STATE_UNSPECIFIED);
    assertThat(states).noneMatch(GateStatus::hasSince);
  }

  @Test
  void aReportedStateIsListedWithTheSeqOfItsEvent() {
    Instant time = Instant.now().minusSeconds(2);
    long seq = calls.report("device", "r-1", GATE, GATE_STATE_OPEN, time);

    GateStatus status = calls.state(GATE);
    assertThat(status.getState()).isEqualTo(GATE_STATE_OPEN);
    assertThat(status.getStateSeq()).isEqualTo(seq);
    assertThat(status.getSince().getSeconds()).isEqualTo(time.getEpochSecond());
    assertThat(status.getLastReport().getSeconds()).isEqualTo(time.getEpochSecond());
  }

  @Test
  void aStateChangeIsAGateStateEventOnTheLiveStreamAtTheGatesPosition() {
    Iterator<Event> live = EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor")))
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .subscribe(SubscribeRequest.newBuilder().addTypes("gate.").build());

    long seq = calls.report("c-1", GATE, GATE_STATE_CLOSED);

    Event event = live.next();
    Gate gate = PARK.gate(PARK.gates().get(0).id()).orElseThrow();
    assertThat(event.getSeq()).isEqualTo(seq);
    assertThat(event.getType()).isEqualTo("gate.state");
    assertThat(event.getSubjectsList()).extracting(s -> s.getKind() + ":" + s.getId()).containsExactly("gate:" + GATE);
    assertThat(event.getAttributesMap()).containsEntry("state", "CLOSED").containsEntry("previous", "UNKNOWN");
    assertThat(event.getLocation().getLon()).isEqualTo(gate.position().getX());
    assertThat(event.getLocation().getLat()).isEqualTo(gate.position().getY());
  }

  @Test
  void repeatingTheStateRefreshesTheLastReportAndRecordsNoEvent() {
    Instant first = Instant.now().minusSeconds(30);
    long seq = calls.report("device", "o-1", GATE, GATE_STATE_OPEN, first);
    long again = calls.report("device", "o-2", GATE, GATE_STATE_OPEN, first.plusSeconds(20));

    assertThat(again).isEqualTo(seq);
    GateStatus status = calls.state(GATE);
    assertThat(status.getSince().getSeconds()).isEqualTo(first.getEpochSecond());
    assertThat(status.getLastReport().getSeconds()).isEqualTo(first.plusSeconds(20).getEpochSecond());
    assertThat(calls.events()).hasSize(1);
  }

  @Test
  void repeatingARequestIdReturnsTheOriginalSeqAndRecordsNothingNew() {
    Instant time = Instant.now().minusSeconds(10);
    long open = calls.report("device", "x-1", GATE, GATE_STATE_OPEN, time);

    long repeated = calls.report("device", "x-1", GATE, GATE_STATE_OPEN, time);

    assertThat(repeated).isEqualTo(open);
    assertThat(calls.events()).hasSize(1);
  }

  @Test
  void aLateRetryOfAnEarlierChangeDoesNotUndoALaterOne() {
    Instant now = Instant.now();
    calls.report("device", "y-1", GATE, GATE_STATE_OPEN, now.minusSeconds(10));
    long fault = calls.report("device", "y-2", GATE, GATE_STATE_FAULT, now.minusSeconds(5));

    long retried = calls.report("device", "y-1", GATE, GATE_STATE_OPEN, now.minusSeconds(10));

    assertThat(retried).isEqualTo(fault);
    assertThat(calls.state(GATE).getState()).isEqualTo(GATE_STATE_FAULT);
    assertThat(calls.events()).hasSize(2);
  }

  @Test
  void aReportOlderThanTheCurrentStateChangesNothing() {
    Instant now = Instant.now();
    long fault = calls.report("device", "s-1", GATE, GATE_STATE_FAULT, now.minusSeconds(5));

    long stale = calls.report("device", "s-2", GATE, GATE_STATE_OPEN, now.minusSeconds(60));

    assertThat(stale).isEqualTo(fault);
    assertThat(calls.state(GATE).getState()).isEqualTo(GATE_STATE_FAULT);
    assertThat(calls.events()).hasSize(1);
  }

  @Test
  void aReportOfAGateTheParkDoesNotHaveIsNotFoundNamingGateIdAndChangesNothing() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.report("u-1", "G-NOPE", GATE_STATE_OPEN));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("gate_id");
    assertThat(calls.events()).isEmpty();
  }

  @Test
  void anOperatorsCommandIsJournaledWithUserAndReasonAndReachesTheGatesWatch() throws Exception {
    long before = calls.report("w-1", GATE, GATE_STATE_CLOSED);
    GateCalls.CommandWatch watch = calls.watch(before, GATE);

    GateCommandResponse response = calls.command("operator", "cmd-1", GATE, GATE_ACTION_OPEN, "truck stuck at barrier");

    GateCommand delivered = watch.next();
    assertThat(delivered.getCommandSeq()).isEqualTo(response.getCommandSeq());
    assertThat(delivered.getGateId()).isEqualTo(GATE);
    assertThat(delivered.getAction()).isEqualTo(GATE_ACTION_OPEN);
    assertThat(delivered.getReason()).isEqualTo("truck stuck at barrier");
    assertThat(delivered.getIssuedBy()).isEqualTo("operator");
    Event audit = calls.events().stream().filter(e -> e.getSeq() == response.getCommandSeq()).findFirst().orElseThrow();
    assertThat(audit.getType()).isEqualTo("gate.command");
    assertThat(audit.getSubjectsList()).extracting(s -> s.getKind() + ":" + s.getId())
        .containsExactly("gate:" + GATE, "user:operator");
    assertThat(audit.getAttributesMap()).containsEntry("action", "OPEN")
        .containsEntry("reason", "truck stuck at barrier").containsEntry("user", "operator");
    assertThat(audit.hasLocation()).isTrue();
  }

  @Test
  void aWatchReceivesOnlyTheCommandsOfItsOwnGates() throws Exception {
    String other = PARK.gates().get(1).id().value();
    long before = calls.report("w-2", GATE, GATE_STATE_CLOSED);
    GateCalls.CommandWatch watch = calls.watch(before, GATE);

    calls.command("operator", "other-1", other, GATE_ACTION_OPEN, "for the other gate");
    long mine = calls.command("supervisor", "mine-1", GATE, GATE_ACTION_CLOSE, "end of shift").getCommandSeq();

    assertThat(watch.next().getCommandSeq()).isEqualTo(mine);
    assertThat(watch.extra()).isEmpty();
  }

  @Test
  void aCommandWhileTheGateIsNotWatchingIsQueuedAndDeliveredWhenItResumes() throws Exception {
    long before = calls.report("q-1", GATE, GATE_STATE_CLOSED);

    GateCommandResponse queued = calls.command("operator", "q-cmd", GATE, GATE_ACTION_OPEN, "gate was offline");
    GateCalls.CommandWatch watch = calls.watch(before, GATE);

    assertThat(queued.getGateConnected()).isFalse();
    assertThat(watch.next().getCommandSeq()).isEqualTo(queued.getCommandSeq());
  }

  @Test
  void anEmergencyGateIsOpenedLikeAnyOther() throws Exception {
    long before = calls.report("e-1", EMERGENCY_GATE, GATE_STATE_CLOSED);
    GateCalls.CommandWatch watch = calls.watch(before, EMERGENCY_GATE);

    calls.command("operator", "e-cmd", EMERGENCY_GATE, GATE_ACTION_OPEN, "fire in zone K2, evacuation");

    assertThat(watch.next().getAction()).isEqualTo(GATE_ACTION_OPEN);
  }

  @Test
  void theDeviceRoleCannotCommandAGate() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("device", "d-1", GATE, GATE_ACTION_OPEN, "devices may not"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(calls.events()).isEmpty();
  }

  @Test
  void anAdminCannotCommandAGate() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("admin", "a-1", GATE, GATE_ACTION_OPEN, "admins configure"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void anOperatorCannotReportAGateState() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.report("operator", "op-1", GATE, GATE_STATE_OPEN, Instant.now()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aCommandForAnUnknownGateIsNotFoundNamingGateIdAndIssuesNothing() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("operator", "n-1", "G-NOPE", GATE_ACTION_OPEN, "no such gate"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("gate_id");
    assertThat(calls.events()).isEmpty();
  }

  @Test
  void aCommandWithoutAReasonIsRefusedNamingReason() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("operator", "r-0", GATE, GATE_ACTION_OPEN, ""));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("reason");
  }

  @Test
  void aOneCharacterReasonIsRefusedNamingReason() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("operator", "r-1", GATE, GATE_ACTION_OPEN, " x "));

    assertThat(violatedFields(e)).containsExactly("reason");
    assertThat(calls.events()).isEmpty();
  }

  @Test
  void aReasonLongerThan200CharactersIsRefusedNamingReason() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("operator", "r-2", GATE, GATE_ACTION_OPEN, "x".repeat(201)));

    assertThat(violatedFields(e)).containsExactly("reason");
  }

  @Test
  void aCommandWithoutActionIsRefusedNamingAction() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.command("operator", "r-3", GATE, io.cordon.api.v1.GateAction.GATE_ACTION_UNSPECIFIED, "why"));

    assertThat(violatedFields(e)).containsExactly("action");
  }

  @Test
  void repeatingACommandsRequestIdReturnsTheOriginalSeqAndIssuesNothing() {
    long first = calls.command("operator", "same", GATE, GATE_ACTION_OPEN, "first try").getCommandSeq();
    long second = calls.command("operator", "same", GATE, GATE_ACTION_OPEN, "first try").getCommandSeq();

    assertThat(second).isEqualTo(first);
    assertThat(calls.events()).hasSize(1);
  }

  @Test
  void statesSurviveARestart() {
    long seq = calls.report("keep-1", GATE, GATE_STATE_FAULT);

    server.restart();

    GateStatus status = new GateCalls(server).state(GATE);
    assertThat(status.getState()).isEqualTo(GATE_STATE_FAULT);
    assertThat(status.getStateSeq()).isEqualTo(seq);
  }

  @Test
  void aWatchEndsWithUnavailableWhenTheServerStopsAndResumesWithoutLoss() throws Exception {
    long before = calls.report("rs-1", GATE, GATE_STATE_CLOSED);
    GateCalls.CommandWatch watch = calls.watch(before, GATE);
    long seen = calls.command("operator", "rs-cmd-1", GATE, GATE_ACTION_OPEN, "before restart").getCommandSeq();
    assertThat(watch.next().getCommandSeq()).isEqualTo(seen);

    server.restart();
    assertThat(Status.fromThrowable(watch.ended.get(30, TimeUnit.SECONDS)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    GateCalls after = new GateCalls(server);
    long missed = after.command("operator", "rs-cmd-2", GATE, GATE_ACTION_CLOSE, "after restart").getCommandSeq();
    GateCalls.CommandWatch resumed = after.watch(seen, GATE);

    assertThat(resumed.next().getCommandSeq()).isEqualTo(missed);
    assertThat(resumed.extra()).isEmpty();
  }
}
