package io.cordon.client.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.grpc.Status;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GateCommandViewModelTest {

  private static final Gate EMERGENCY_GATE = new Gate(new GateId("G7"), "西侧应急卡口", GateType.EMERGENCY,
      new GeometryFactory().createPoint(new Coordinate(120.92, 31.93)), List.of(), true);

  private final FakeGateBackend backend = new FakeGateBackend();
  private final SimpleBooleanProperty connected = new SimpleBooleanProperty(true);

  @Test
  void anOperatorMayOpenAGateWithAReasonWhileConnected() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    assertThat(vm.sendCommand().isExecutable()).isTrue();
  }

  @Test
  void aSupervisorIsAuthorised() {
    assertThat(viewModel(Role.ROLE_SUPERVISOR).authorisedProperty().get()).isTrue();
  }

  @Test
  void anAdminIsNotAuthorisedAndCannotSend() {
    GateCommandViewModel vm = ready(Role.ROLE_ADMIN);

    assertThat(vm.authorisedProperty().get()).isFalse();
    assertThat(vm.sendCommand().isExecutable()).isFalse();
  }

  @Test
  void theCommandIsDisabledWhileDisconnected() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    connected.set(false);

    assertThat(vm.sendCommand().isExecutable()).isFalse();
  }

  @Test
  void aOneCharacterReasonDisablesTheCommand() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    vm.reasonProperty().set(" x ");

    assertThat(vm.sendCommand().isExecutable()).isFalse();
  }

  @Test
  void theDescriptionNamesTheActionTheGateAndTheReason() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    assertThat(vm.descriptionProperty().get()).isEqualTo("Open gate G7 西侧应急卡口: fire drill");
    assertThat(vm.descriptionKey()).isEqualTo(GateCommandViewModel.DESCRIPTION_OPEN);
  }

  @Test
  void aLaneCommandNamesTheLaneAndSendsItsId() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);
    vm.actionProperty().set(GateCommandViewModel.Action.CLOSE);
    vm.laneProperty().set("L1");

    assertThat(vm.descriptionProperty().get()).isEqualTo("Close lane L1 of gate G7 西侧应急卡口: fire drill");
    assertThat(vm.descriptionKey()).isEqualTo(GateCommandViewModel.DESCRIPTION_CLOSE_LANE);
    vm.sendCommand().execute();

    assertThat(backend.commands.get(0).getLaneId()).isEqualTo("L1");
    assertThat(backend.commands.get(0).getAction()).isEqualTo(GateAction.GATE_ACTION_CLOSE);
  }

  @Test
  void withoutALaneTheCommandIsForEveryLane() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    vm.sendCommand().execute();

    assertThat(backend.commands.get(0).getLaneId()).isEmpty();
  }

  @Test
  void sendingIssuesOneCommandWithTheTrimmedReasonAndShowsItsSeq() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);

    vm.sendCommand().execute();

    assertThat(backend.commands).hasSize(1);
    assertThat(backend.commands.get(0).getGateId()).isEqualTo("G7");
    assertThat(backend.commands.get(0).getAction()).isEqualTo(GateAction.GATE_ACTION_OPEN);
    assertThat(backend.commands.get(0).getReason()).isEqualTo("fire drill");
    assertThat(vm.lastCommandSeqProperty().get()).isEqualTo(101);
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void aRetryAfterAnOutageReusesTheRequestIdSoTheServerIssuesItOnce() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);
    backend.commandFailure = Status.UNAVAILABLE;
    vm.sendCommand().execute();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(GateCommandViewModel.ERROR_UNAVAILABLE);

    backend.commandFailure = null;
    vm.sendCommand().execute();

    assertThat(backend.commands).extracting(c -> c.getRequestId()).containsOnly(backend.commands.get(0).getRequestId());
  }

  @Test
  void theNextCommandAfterASuccessHasANewRequestId() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);
    vm.sendCommand().execute();

    vm.sendCommand().execute();

    assertThat(backend.commands).extracting(c -> c.getRequestId()).doesNotHaveDuplicates();
  }

  @Test
  void aRefusalByTheServerBecomesTheDeniedKey() {
    GateCommandViewModel vm = ready(Role.ROLE_OPERATOR);
    backend.commandFailure = Status.PERMISSION_DENIED;

    vm.sendCommand().execute();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(GateCommandViewModel.ERROR_DENIED);
  }

  /** A backend whose answers the test releases by hand, so a command can be in flight. */
  private static final class HeldBackend implements GateBackend {
    final List<io.cordon.api.v1.GateCommandRequest> requests = new java.util.ArrayList<>();
    final List<java.util.concurrent.CompletableFuture<io.cordon.api.v1.GateCommandResponse>> answers = new java.util.ArrayList<>();

    @Override
    public java.util.concurrent.CompletableFuture<List<io.cordon.api.v1.GateStatus>> listStates() {
      return java.util.concurrent.CompletableFuture.completedFuture(List.of());
    }

    @Override
    public java.util.concurrent.CompletableFuture<io.cordon.api.v1.GateCommandResponse> command(
        io.cordon.api.v1.GateCommandRequest request) {
      requests.add(request);
      answers.add(new java.util.concurrent.CompletableFuture<>());
      return answers.get(answers.size() - 1);
    }
  }

  @Test
  void editingTheReasonWhileACommandIsInFlightKeepsItsRetryTheSameCommand() {
    HeldBackend held = new HeldBackend();
    GateCommandViewModel vm = new GateCommandViewModel(
        held, new Session("u", "U", List.of(Role.ROLE_OPERATOR)), connected, Runnable::run);
    vm.gateProperty().set(EMERGENCY_GATE);
    vm.actionProperty().set(GateCommandViewModel.Action.OPEN);
    vm.reasonProperty().set("fire drill");
    vm.sendCommand().execute();

    vm.reasonProperty().set("fire drill, trucks");
    held.answers.get(0).completeExceptionally(Status.DEADLINE_EXCEEDED.asRuntimeException());
    vm.sendCommand().execute();

    assertThat(held.requests).hasSize(2);
    assertThat(held.requests.get(1).getRequestId()).isEqualTo(held.requests.get(0).getRequestId());
  }

  @Test
  void aCommandForAGateThatIsNotListeningIsReportedAsQueuedBeforeItsSeq() {
    HeldBackend held = new HeldBackend();
    GateCommandViewModel vm = new GateCommandViewModel(
        held, new Session("u", "U", List.of(Role.ROLE_OPERATOR)), connected, Runnable::run);
    vm.gateProperty().set(EMERGENCY_GATE);
    vm.actionProperty().set(GateCommandViewModel.Action.OPEN);
    vm.reasonProperty().set("fire drill");
    boolean[] queuedWhenSeqChanged = {false};
    vm.lastCommandSeqProperty().addListener((o, was, now) -> queuedWhenSeqChanged[0] = vm.lastQueuedProperty().get());
    vm.sendCommand().execute();

    held.answers.get(0).complete(io.cordon.api.v1.GateCommandResponse.newBuilder().setCommandSeq(5).setGateConnected(false).build());

    assertThat(queuedWhenSeqChanged[0]).isTrue();
  }

  private GateCommandViewModel ready(Role role) {
    GateCommandViewModel vm = viewModel(role);
    vm.gateProperty().set(EMERGENCY_GATE);
    vm.actionProperty().set(GateCommandViewModel.Action.OPEN);
    vm.reasonProperty().set("  fire drill ");
    return vm;
  }

  private GateCommandViewModel viewModel(Role role) {
    return new GateCommandViewModel(backend, new Session("u", "U", List.of(role)), connected, Runnable::run);
  }
}
