package io.cordon.client.gate.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.gate.FakeGateService;
import io.cordon.client.gate.GateClient;
import io.cordon.client.gate.ManualScheduler;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-click emergency against an in-process GateService, everything on the test's thread. */
class EmergencyViewModelTest {

  private static final Instant CLICK = Instant.parse("2026-11-26T08:00:00Z");

  private final FakeGateService service = new FakeGateService();
  private final ManualScheduler timer = new ManualScheduler();
  private final SimpleBooleanProperty connected = new SimpleBooleanProperty(true);
  private final MutableClock clock = new MutableClock(CLICK);
  private ServerConnection connection;
  private EmergencyViewModel vm;

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  static EmergencyGateProgress gate(String id, String name, EmergencyGateState state, int confirmedMillis) {
    EmergencyGateProgress.Builder g = EmergencyGateProgress.newBuilder().setGateId(id).setGateName(name)
        .setState(state).setAction(BarrierAction.BARRIER_ACTION_HOLD_OPEN).setAttempts(1)
        .setCommandedAt(ts(CLICK.plusMillis(20)));
    if (confirmedMillis > 0) {
      g.setConfirmedAt(ts(CLICK.plusMillis(confirmedMillis)));
    }
    if (state == EmergencyGateState.EMERGENCY_GATE_STATE_FAILED) {
      g.setDetail("barrier did not open");
    }
    return g.build();
  }

  static EmergencyStatus status(long seq, boolean active, EmergencyGateProgress... gates) {
    return EmergencyStatus.newBuilder().setEmergencyId("EM-1").setActive(active).setSeq(seq)
        .setScope(EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES).setReason("化工储罐泄漏").setOpenedBy("operator")
        .setOpenedAt(ts(CLICK)).addAllGates(List.of(gates)).build();
  }

  @BeforeEach
  void setUp() {
    connection = service.connect(timer);
    vm = viewModel(Role.ROLE_OPERATOR);
  }

  private EmergencyViewModel viewModel(Role role) {
    return new EmergencyViewModel(new GateClient(connection), new Session("operator", "值班员", List.of(role)),
        connected, clock, Runnable::run, timer);
  }

  @AfterEach
  void tearDown() {
    vm.close();
    connection.close();
    service.close();
  }

  private void opened() {
    service.onOpen = r -> status(10, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED, 0),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED, 0));
    vm.start();
    vm.reasonProperty().set("化工储罐泄漏");
    vm.openCommand().execute();
  }

  @Test
  void theControlIsAvailableToAnOperatorWhileConnected() {
    assertThat(vm.availableProperty().get()).isTrue();

    connected.set(false);

    assertThat(vm.availableProperty().get()).isFalse();
  }

  @Test
  void theControlIsNotAvailableToAnAdmin() {
    assertThat(viewModel(Role.ROLE_ADMIN).availableProperty().get()).isFalse();
    assertThat(viewModel(Role.ROLE_SUPERVISOR).availableProperty().get()).isTrue();
  }

  @Test
  void nothingCanBeSentWithoutAReason() {
    vm.reasonProperty().set(" x ");

    assertThat(vm.openCommand().isExecutable()).isFalse();
    vm.openCommand().execute();
    assertThat(service.requests(OpenEmergencyRequest.class)).isEmpty();
  }

  @Test
  void aNamedSecondPersonNeedsTheirPassword() {
    vm.reasonProperty().set("化工储罐泄漏");
    vm.secondPersonProperty().set("supervisor");

    assertThat(vm.openCommand().isExecutable()).isFalse();

    vm.secondPasswordProperty().set("secret");
    assertThat(vm.openCommand().isExecutable()).isTrue();
  }

  @Test
  void openingSendsTheReasonScopeAndSecondPersonAndShowsEveryGate() {
    service.onOpen = r -> status(10, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED, 0));
    vm.reasonProperty().set("  化工储罐泄漏 ");
    vm.scopeProperty().set(EmergencyViewModel.Scope.EVACUATION);
    vm.secondPersonProperty().set("supervisor");
    vm.secondPasswordProperty().set("secret");

    vm.openCommand().execute();

    OpenEmergencyRequest sent = service.requests(OpenEmergencyRequest.class).get(0);
    assertThat(sent.getReason()).isEqualTo("化工储罐泄漏");
    assertThat(sent.getScope()).isEqualTo(EmergencyScope.EMERGENCY_SCOPE_EVACUATION);
    assertThat(sent.getSecondPerson()).isEqualTo("supervisor");
    assertThat(sent.getSecondPassword()).isEqualTo("secret");
    assertThat(vm.activeProperty().get()).isTrue();
    assertThat(vm.gates()).extracting(EmergencyGateRow::gateId).containsExactly("G7");
    assertThat(vm.secondPasswordProperty().get()).isEmpty();
    assertThat(vm.openCommand().isExecutable()).isFalse(); // one emergency at a time
  }

  @Test
  void theWatchShowsEachGatesProgressAsItChanges() {
    opened();
    EmergencyGateRow west = vm.gates().get(0);

    service.push(status(11, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 400),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED, 0)));

    assertThat(vm.gates().get(0)).isSameAs(west);
    assertThat(west.progress()).isEqualTo(GateProgress.CONFIRMED);
    assertThat(vm.gates().get(1).progress()).isEqualTo(GateProgress.COMMANDED);
    assertThat(vm.confirmedCountProperty().get()).isEqualTo(1);
    assertThat(vm.allConfirmedAfterProperty().get()).isNull();

    service.push(status(12, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 400),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 850)));

    assertThat(vm.allConfirmedAfterProperty().get()).isEqualTo(Duration.ofMillis(850));
  }

  @Test
  void anOlderStatusNeverOverwritesANewerOne() {
    opened();
    service.push(status(12, true, gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 400)));

    service.push(status(11, true, gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED, 0)));

    assertThat(vm.gates().get(0).progress()).isEqualTo(GateProgress.CONFIRMED);
  }

  @Test
  void theElapsedTimeCountsFromTheClick() {
    opened();

    clock.now = CLICK.plusSeconds(75);
    vm.tick();

    assertThat(vm.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(75));
  }

  @Test
  void onlyAFailedGateCanBeRetriedAndTheRetryNamesIt() {
    opened();
    service.push(status(11, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 400),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_FAILED, 0)));
    EmergencyGateRow confirmed = vm.gates().get(0);
    EmergencyGateRow failed = vm.gates().get(1);
    assertThat(confirmed.retryCommand().isExecutable()).isFalse();
    assertThat(failed.retryCommand().isExecutable()).isTrue();
    assertThat(failed.detailProperty().get()).isEqualTo("barrier did not open");
    assertThat(vm.failedCountProperty().get()).isEqualTo(1);
    service.onRetry = r -> status(13, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 400),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED, 0));

    failed.retryCommand().execute();

    RetryEmergencyGateRequest sent = service.requests(RetryEmergencyGateRequest.class).get(0);
    assertThat(sent.getEmergencyId()).isEqualTo("EM-1");
    assertThat(sent.getGateId()).isEqualTo("G8");
    assertThat(failed.progress()).isEqualTo(GateProgress.COMMANDED);
    assertThat(failed.retryCommand().isExecutable()).isFalse();
  }

  @Test
  void aBrokenWatchIsReopenedAndCatchesUp() {
    opened();

    service.breakWatches();
    assertThat(vm.watchStateProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
    service.current = status(14, true,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 300),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED, 900));
    timer.runPending();

    assertThat(vm.watchStateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(vm.confirmedCountProperty().get()).isEqualTo(2);
  }

  @Test
  void endingNeedsAReasonAndRestoresTheGates() {
    opened();
    assertThat(vm.endCommand().isExecutable()).isFalse();
    service.onEnd = r -> status(20, false,
        gate("G7", "西侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED, 400),
        gate("G8", "北侧应急卡口", EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED, 900))
        .toBuilder().setEndedAt(ts(CLICK.plusSeconds(600))).setEndedBy("operator").setEndReason("泄漏已处置").build();

    vm.endReasonProperty().set("泄漏已处置");
    vm.endCommand().execute();

    EndEmergencyRequest sent = service.requests(EndEmergencyRequest.class).get(0);
    assertThat(sent.getEmergencyId()).isEqualTo("EM-1");
    assertThat(sent.getReason()).isEqualTo("泄漏已处置");
    assertThat(vm.activeProperty().get()).isFalse();
    assertThat(vm.gates()).extracting(EmergencyGateRow::progress).containsOnly(GateProgress.RESTORED);
    clock.now = CLICK.plusSeconds(3600);
    vm.tick();
    assertThat(vm.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void aSecondEmergencyIsRefusedWithAClearErrorAndTryingAgainRepeatsTheSameRequest() {
    service.failure = Status.FAILED_PRECONDITION.withDescription("emergency: another is active");
    vm.reasonProperty().set("化工储罐泄漏");

    vm.openCommand().execute();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(EmergencyViewModel.ERROR_ACTIVE);

    service.failure = null;
    service.onOpen = r -> status(10, true);
    vm.openCommand().execute();

    List<OpenEmergencyRequest> sent = service.requests(OpenEmergencyRequest.class);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getRequestId()).isEqualTo(sent.get(0).getRequestId());
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }
}
