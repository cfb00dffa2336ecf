package io.cordon.server.gate.emergency;

import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED;
import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED;
import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_FAILED;
import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED;
import static io.cordon.api.v1.EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED;
import static io.cordon.api.v1.EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES;
import static io.cordon.api.v1.EmergencyScope.EMERGENCY_SCOPE_EVACUATION;
import static io.cordon.server.gate.emergency.EmergencyCalls.gate;
import static io.cordon.server.gate.emergency.EmergencyCalls.gateIs;
import static io.cordon.server.gate.emergency.EmergencyCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emergency openings over real gRPC on loopback, with the sample park and H2; gates answer through the journal. */
class EmergencyOverGrpcTest {

  private static final Park PARK = ParkFileLoader.loadSample();
  private static final List<String> EMERGENCY_GATES = PARK.gates().stream()
      .filter(g -> g.type() == GateType.EMERGENCY).map(g -> g.id().value()).toList();
  private static final List<String> OTHER_GATES = PARK.gates().stream()
      .filter(g -> g.type() != GateType.EMERGENCY).map(g -> g.id().value()).toList();
  private static final String FIRST = EMERGENCY_GATES.get(0);
  private static final String SECOND = EMERGENCY_GATES.get(1);

  @TempDir
  Path dataDir;
  private TestServer server;
  private EmergencyCalls calls;

  @BeforeEach
  void start() {
    System.setProperty(EmergencySettings.CONFIRM_TIMEOUT_PROPERTY, "1500ms");
    server = TestServer.withDemoUsers(dataDir);
    calls = new EmergencyCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
    System.clearProperty(EmergencySettings.CONFIRM_TIMEOUT_PROPERTY);
    System.clearProperty(EmergencySettings.SECOND_PERSON_PROPERTY);
  }

  @Test
  void anOpeningCommandsEveryEmergencyGateToHoldOpenAndNoOtherGate() {
    EmergencyStatus status = calls.open("operator", "o-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    assertThat(status.getActive()).isTrue();
    assertThat(status.getEmergencyId()).isNotEmpty();
    assertThat(status.getOpenedBy()).isEqualTo("operator");
    assertThat(status.getGatesList()).extracting(EmergencyGateProgress::getGateId)
        .containsExactlyElementsOf(EMERGENCY_GATES);
    assertThat(status.getGatesList()).extracting(EmergencyGateProgress::getAction)
        .containsOnly(BarrierAction.BARRIER_ACTION_HOLD_OPEN);
    List<Event> commands = calls.events("gate.command");
    assertThat(commands).hasSize(EMERGENCY_GATES.size());
    assertThat(commands).allSatisfy(c -> assertThat(c.getAttributesMap())
        .containsEntry("action", "HOLD_OPEN")
        .containsEntry("user", "operator")
        .containsEntry("reason", "Chlorine leak at tank farm T3")
        .containsEntry("emergency_id", status.getEmergencyId()));
  }

  @Test
  void anEvacuationSwitchesEveryOtherGateToEvacuationMode() {
    EmergencyStatus status = calls.open("supervisor", "e-1", EMERGENCY_SCOPE_EVACUATION);

    assertThat(status.getGatesList()).extracting(EmergencyGateProgress::getGateId)
        .containsExactlyElementsOf(PARK.gates().stream().map(g -> g.id().value()).toList());
    for (String other : OTHER_GATES) {
      assertThat(gate(status, other).getAction()).isEqualTo(BarrierAction.BARRIER_ACTION_SET_MODE);
    }
    assertThat(calls.events("gate.command")).filteredOn(c -> c.getAttributesMap().get("action").equals("SET_MODE"))
        .hasSize(OTHER_GATES.size())
        .allSatisfy(c -> assertThat(c.getAttributesMap()).containsEntry("mode", "EVACUATION"));
  }

  @Test
  void anEvacuationSwitchesTheServersOwnDecisionsUntilTheEnd() {
    EmergencyStatus status = calls.open("operator", "m-1", EMERGENCY_SCOPE_EVACUATION);
    GateOperatingMode during = mode(OTHER_GATES.get(0));

    calls.end("operator", "m-2", status.getEmergencyId());

    assertThat(during).isEqualTo(GateOperatingMode.GATE_OPERATING_MODE_EVACUATION);
    assertThat(mode(OTHER_GATES.get(0))).isEqualTo(GateOperatingMode.GATE_OPERATING_MODE_NORMAL);
  }

  private GateOperatingMode mode(String gateId) {
    return calls.gates("operator").listStates(io.cordon.api.v1.ListGateStatesRequest.getDefaultInstance())
        .getGatesList().stream().filter(g -> g.getGateId().equals(gateId)).findFirst().orElseThrow().getMode();
  }

  @Test
  void everyCommandOfAnOpeningIsCommittedTogetherWithTheOpening() {
    EmergencyStatus status = calls.open("operator", "t-1", EMERGENCY_SCOPE_EVACUATION);

    List<Event> events = calls.events();
    Event opened = events.stream().filter(e -> e.getType().equals("emergency.opened")).findFirst().orElseThrow();
    List<Long> commandSeqs = status.getGatesList().stream().map(EmergencyGateProgress::getCommandSeq).toList();
    // one batch: the commands follow the opening without a gap
    for (int i = 0; i < commandSeqs.size(); i++) {
      assertThat(commandSeqs.get(i)).isEqualTo(opened.getSeq() + 1 + i);
    }
    assertThat(opened.getAttributesMap()).containsEntry("scope", "EVACUATION").containsEntry("user", "operator")
        .containsEntry("reason", "Chlorine leak at tank farm T3");
  }

  @Test
  void aGateWhoseAgentIsNotConnectedIsQueued() {
    EmergencyStatus status = calls.open("operator", "q-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    assertThat(status.getGatesList()).extracting(EmergencyGateProgress::getState)
        .containsOnly(EMERGENCY_GATE_STATE_QUEUED);
  }

  @Test
  void aConnectedGateThatConfirmsTurnsConfirmed() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    watch.next();

    EmergencyStatus opened = calls.open("operator", "c-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    assertThat(gate(opened, FIRST).getState()).isEqualTo(EMERGENCY_GATE_STATE_COMMANDED);
    assertThat(gate(opened, SECOND).getState()).isEqualTo(EMERGENCY_GATE_STATE_QUEUED);
    GateCommand command = agent.next();
    assertThat(command.getCommandSeq()).isEqualTo(gate(opened, FIRST).getCommandSeq());
    assertThat(command.getAction()).isEqualTo(GateAction.GATE_ACTION_OPEN);
    calls.answer(FIRST, command.getCommandSeq(), true, "");

    EmergencyStatus confirmed = watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));
    assertThat(gate(confirmed, FIRST).hasConfirmedAt()).isTrue();
    assertThat(calls.events("emergency.gate")).anySatisfy(e -> assertThat(e.getAttributesMap())
        .containsEntry("state", "CONFIRMED").containsEntry("emergency_id", opened.getEmergencyId()));
  }

  @Test
  void aGateThatAnswersNotDoneTurnsFailedWithItsReason() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");

    calls.open("operator", "f-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    calls.answer(FIRST, agent.next().getCommandSeq(), false, "barrier L1 jammed");

    EmergencyStatus failed = watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_FAILED));
    assertThat(gate(failed, FIRST).getDetail()).isEqualTo("barrier L1 jammed");
  }

  @Test
  void aConnectedGateThatStaysSilentFailsAfterTheTimeout() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");

    calls.open("operator", "s-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    agent.next();

    EmergencyStatus failed = watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_FAILED));
    assertThat(gate(failed, FIRST).getDetail()).isEqualTo("no confirmation within 1500 ms");
    assertThat(gate(failed, SECOND).getState()).as("queued gates wait").isEqualTo(EMERGENCY_GATE_STATE_QUEUED);
  }

  @Test
  void aQueuedGateIsCommandedWhenItsAgentConnectsAndConfirmsThen() throws Exception {
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus opened = calls.open("operator", "l-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    EmergencyCalls.CommandWatch agent = calls.connectAfter(gate(opened, FIRST).getCommandSeq() - 1, FIRST);
    watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_COMMANDED));
    GateCommand command = agent.next();
    assertThat(command.getCommandSeq()).isEqualTo(gate(opened, FIRST).getCommandSeq());
    calls.answer(FIRST, command.getCommandSeq(), true, "");

    watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));
  }

  @Test
  void aRetrySendsTheGatesCommandAgainWithOneMoreAttempt() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus opened = calls.open("operator", "r-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    calls.answer(FIRST, agent.next().getCommandSeq(), false, "no power");
    watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_FAILED));

    EmergencyStatus retried = calls.retry("supervisor", "r-2", opened.getEmergencyId(), FIRST);

    EmergencyGateProgress progress = gate(retried, FIRST);
    assertThat(progress.getAttempts()).isEqualTo(2);
    assertThat(progress.getState()).isEqualTo(EMERGENCY_GATE_STATE_COMMANDED);
    GateCommand again = agent.next();
    assertThat(again.getCommandSeq()).isEqualTo(progress.getCommandSeq())
        .isGreaterThan(gate(opened, FIRST).getCommandSeq());
    assertThat(again.getIssuedBy()).isEqualTo("supervisor");
    calls.answer(FIRST, again.getCommandSeq(), true, "");
    watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));
  }

  @Test
  void aConfirmedGateIsNotRetried() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus opened = calls.open("operator", "n-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    calls.answer(FIRST, agent.next().getCommandSeq(), true, "");
    watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.retry("operator", "n-2", opened.getEmergencyId(), FIRST));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(e)).containsExactly("gate_id");
  }

  @Test
  void theEndCommandsEveryGateBackAndTheyTurnRestored() throws Exception {
    String[] all = PARK.gates().stream().map(g -> g.id().value()).toArray(String[]::new);
    EmergencyCalls.CommandWatch agents = calls.connected(all);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus opened = calls.open("operator", "x-1", EMERGENCY_SCOPE_EVACUATION);
    for (int i = 0; i < all.length; i++) {
      GateCommand command = agents.next();
      calls.answer(command.getGateId(), command.getCommandSeq(), true, "");
    }
    watch.until(s -> s.getGatesList().stream().allMatch(g -> g.getState() == EMERGENCY_GATE_STATE_CONFIRMED));

    EmergencyStatus ending = calls.end("supervisor", "x-2", opened.getEmergencyId());

    assertThat(ending.getActive()).isFalse();
    assertThat(ending.getEndedBy()).isEqualTo("supervisor");
    assertThat(ending.getGatesList()).extracting(EmergencyGateProgress::getState)
        .containsOnly(EMERGENCY_GATE_STATE_COMMANDED);
    for (String id : EMERGENCY_GATES) {
      assertThat(gate(ending, id).getAction()).isEqualTo(BarrierAction.BARRIER_ACTION_CLOSE);
    }
    for (String id : OTHER_GATES) {
      assertThat(gate(ending, id).getAction()).isEqualTo(BarrierAction.BARRIER_ACTION_SET_MODE);
    }
    for (int i = 0; i < all.length; i++) {
      GateCommand command = agents.next();
      calls.answer(command.getGateId(), command.getCommandSeq(), true, "");
    }
    watch.until(s -> s.getGatesList().stream().allMatch(g -> g.getState() == EMERGENCY_GATE_STATE_RESTORED));
    assertThat(calls.events("gate.command")).filteredOn(c -> "NORMAL".equals(c.getAttributesMap().get("mode")))
        .hasSize(OTHER_GATES.size());
    assertThat(calls.events("emergency.ended")).singleElement().satisfies(e -> assertThat(e.getAttributesMap())
        .containsEntry("user", "supervisor").containsEntry("reason", "Leak contained, all clear"));
  }

  @Test
  void aSecondOpeningWhileOneIsActiveIsRefused() {
    calls.open("operator", "a-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.open("supervisor", "a-2", EMERGENCY_SCOPE_EVACUATION));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(e)).containsExactly("emergency");
  }

  @Test
  void anOpeningAfterTheEndIsANewEmergency() {
    EmergencyStatus first = calls.open("operator", "b-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    calls.end("operator", "b-2", first.getEmergencyId());

    EmergencyStatus second = calls.open("operator", "b-3", EMERGENCY_SCOPE_EMERGENCY_GATES);

    assertThat(second.getEmergencyId()).isNotEqualTo(first.getEmergencyId());
    assertThat(second.getActive()).isTrue();
  }

  @Test
  void repeatingTheRequestIdAnswersTheSameEmergencyAndCommandsNothingMore() {
    EmergencyStatus first = calls.open("operator", "i-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    EmergencyStatus again = calls.open("operator", "i-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    assertThat(again.getEmergencyId()).isEqualTo(first.getEmergencyId());
    assertThat(calls.events("gate.command")).hasSize(EMERGENCY_GATES.size());
    assertThat(calls.events("emergency.opened")).hasSize(1);
  }

  @Test
  void endingTwiceIsRefusedButRepeatingTheEndRequestIsNot() {
    EmergencyStatus opened = calls.open("operator", "d-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    calls.end("operator", "d-2", opened.getEmergencyId());

    EmergencyStatus repeated = calls.end("operator", "d-2", opened.getEmergencyId());
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.end("operator", "d-3", opened.getEmergencyId()));

    assertThat(repeated.getActive()).isFalse();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(e)).containsExactly("emergency");
    assertThat(calls.events("emergency.ended")).hasSize(1);
  }

  @Test
  void badRequestsNameTheirFields() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.gates("operator").openEmergency(io.cordon.api.v1.OpenEmergencyRequest.newBuilder()
            .setRequestId("").setReason("x").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactlyInAnyOrder("request_id", "reason", "scope");
  }

  @Test
  void aRetryOfAnUnknownEmergencyOrGateIsNotFound() {
    EmergencyStatus opened = calls.open("operator", "u-1", EMERGENCY_SCOPE_EMERGENCY_GATES);

    StatusRuntimeException unknownEmergency = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.retry("operator", "u-2", "EM-nope", FIRST));
    StatusRuntimeException unknownGate = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.retry("operator", "u-3", opened.getEmergencyId(), OTHER_GATES.get(0)));

    assertThat(unknownEmergency.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(unknownEmergency)).containsExactly("emergency_id");
    assertThat(unknownGate.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(unknownGate)).containsExactly("gate_id");
  }

  @Test
  void anAdminMayWatchButNotOpen() throws Exception {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.open("admin", "p-1", EMERGENCY_SCOPE_EMERGENCY_GATES));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(calls.watch("admin").next().getActive()).isFalse();
  }

  @Test
  void theFirstWatchedStatusIsTheCurrentOneAndEveryChangeFollows() throws Exception {
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus none = watch.next();
    assertThat(none.getActive()).isFalse();
    assertThat(none.getGatesCount()).isZero();

    EmergencyStatus opened = calls.open("operator", "w-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    assertThat(watch.next()).isEqualTo(opened);
    calls.end("operator", "w-2", opened.getEmergencyId());
    EmergencyStatus ended = watch.next();
    assertThat(ended.getActive()).isFalse();
    assertThat(ended.getSeq()).isGreaterThan(opened.getSeq());

    EmergencyStatus late = calls.watch("supervisor").next();
    assertThat(late).isEqualTo(ended);
  }

  @Test
  void theEmergencySurvivesARestart() throws Exception {
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    EmergencyStatus opened = calls.open("operator", "z-1", EMERGENCY_SCOPE_EVACUATION);
    calls.answer(FIRST, agent.next().getCommandSeq(), true, "");
    EmergencyStatus before = watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));

    server.restart();

    EmergencyStatus after = calls.watch("operator").next();
    assertThat(after.getEmergencyId()).isEqualTo(opened.getEmergencyId());
    assertThat(after.getActive()).isTrue();
    assertThat(after.getSeq()).isEqualTo(before.getSeq());
    assertThat(after.getGatesList()).extracting(EmergencyGateProgress::getGateId, EmergencyGateProgress::getState,
            EmergencyGateProgress::getCommandSeq, EmergencyGateProgress::getAttempts)
        .containsExactlyElementsOf(before.getGatesList().stream()
            .map(g -> org.assertj.core.groups.Tuple.tuple(g.getGateId(), g.getState(), g.getCommandSeq(),
                g.getAttempts())).toList());
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.open("operator", "z-2", EMERGENCY_SCOPE_EMERGENCY_GATES));
    assertThat(violatedFields(e)).containsExactly("emergency");
  }

  @Test
  void aGateCommandedBeforeARestartIsConfirmedAfterIt() throws Exception {
    System.setProperty(EmergencySettings.CONFIRM_TIMEOUT_PROPERTY, "60s");
    server.restart();
    EmergencyCalls.CommandWatch agent = calls.connected(FIRST);
    EmergencyStatus opened = calls.open("operator", "y-1", EMERGENCY_SCOPE_EMERGENCY_GATES);
    long seq = agent.next().getCommandSeq();

    server.restart();
    EmergencyCalls.StatusWatch watch = calls.watch("operator");
    assertThat(gate(watch.next(), FIRST).getState()).isEqualTo(EMERGENCY_GATE_STATE_COMMANDED);
    calls.answer(FIRST, seq, true, "");

    EmergencyStatus confirmed = watch.until(gateIs(FIRST, EMERGENCY_GATE_STATE_CONFIRMED));
    assertThat(confirmed.getEmergencyId()).isEqualTo(opened.getEmergencyId());
  }

  @Test
  void aRequiredSecondPersonMustBeGiven() {
    requireSecondPerson();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.open("operator", "k-1", EMERGENCY_SCOPE_EMERGENCY_GATES));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("second_person");
  }

  @Test
  void aSecondPersonWithAWrongPasswordIsRefused() {
    requireSecondPerson();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.openWith("operator", "k-2", "supervisor", "wrong"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(violatedFields(e)).containsExactly("second_password");
    assertThat(calls.events("emergency.opened")).isEmpty();
  }

  @Test
  void theCallerCannotBeTheirOwnSecondPerson() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.openWith("operator", "k-3", "operator", "operator"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("second_person");
  }

  @Test
  void aSecondPersonMustBeAnOperatorOrSupervisor() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls.openWith("operator", "k-4", "admin", "admin"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(violatedFields(e)).containsExactly("second_person");
  }

  @Test
  void aConfirmedSecondPersonIsRecordedWithTheOpening() {
    requireSecondPerson();

    EmergencyStatus status = calls.openWith("operator", "k-5", "supervisor", "supervisor");

    assertThat(status.getSecondPerson()).isEqualTo("supervisor");
    Event opened = calls.events("emergency.opened").get(0);
    assertThat(opened.getAttributesMap()).containsEntry("second_person", "supervisor")
        .containsEntry("user", "operator").doesNotContainValue("supervisor-password");
    assertThat(opened.getSubjectsList()).extracting(s -> s.getKind() + ":" + s.getId())
        .contains("user:operator", "user:supervisor");
  }

  private void requireSecondPerson() {
    System.setProperty(EmergencySettings.SECOND_PERSON_PROPERTY, "required");
    server.restart();
  }
}
