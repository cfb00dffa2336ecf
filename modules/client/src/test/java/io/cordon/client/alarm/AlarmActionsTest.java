package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.acknowledged;
import static io.cordon.client.alarm.AlarmFixtures.intrusionSop;
import static io.cordon.client.alarm.AlarmFixtures.major;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.grpc.Status;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class AlarmActionsTest {
  private final FakeAlarmBackend backend = new FakeAlarmBackend();
  private final AlarmStore store = new AlarmStore(Runnable::run);
  private final SimpleBooleanProperty connected = new SimpleBooleanProperty(true);
  private final SimpleObjectProperty<Alarm> shown = new SimpleObjectProperty<>();

  private AlarmActions actionsOf(String user, Role role) {
    return new AlarmActions(backend, store, new Session(user, user, List.of(role)), connected, shown, Runnable::run);
  }

  private final AlarmActions wang = actionsOf("wang", Role.ROLE_OPERATOR);

  private static Alarm inState(AlarmState state) {
    return acknowledged("A-000001", "wang").toBuilder().setState(state).build();
  }

  @Test
  void aNewAlarmCanBeAcknowledgedButNotYetDispatchedOrResolved() {
    shown.set(major("A-000001"));

    assertThat(wang.acknowledgeCommand().isExecutable()).isTrue();
    assertThat(wang.canDispatchBinding().get()).isFalse();
    assertThat(wang.canResolveBinding().get()).isFalse();
    assertThat(wang.closeCommand().isExecutable()).isFalse();
  }

  @Test
  void eachStateOffersItsNextStep() {
    shown.set(inState(AlarmState.ALARM_STATE_ACKNOWLEDGED));
    assertThat(wang.acknowledgeCommand().isExecutable()).isFalse();
    assertThat(wang.canDispatchBinding().get()).isTrue();
    assertThat(wang.onSiteCommand().isExecutable()).isFalse();

    shown.set(inState(AlarmState.ALARM_STATE_DISPATCHED));
    assertThat(wang.canDispatchBinding().get()).isFalse();
    assertThat(wang.onSiteCommand().isExecutable()).isTrue();
    assertThat(wang.canResolveBinding().get()).isTrue();

    shown.set(inState(AlarmState.ALARM_STATE_RESOLVED));
    assertThat(wang.canResolveBinding().get()).isFalse();
    assertThat(wang.closeCommand().isExecutable()).isTrue();

    shown.set(inState(AlarmState.ALARM_STATE_CLOSED));
    assertThat(wang.closeCommand().isExecutable()).isFalse();
    assertThat(wang.canForwardBinding().get()).isFalse();
  }

  @Test
  void anAdminReadsButCannotAct() {
    AlarmActions admin = actionsOf("root", Role.ROLE_ADMIN);
    shown.set(major("A-000001"));

    assertThat(admin.acknowledgeCommand().isExecutable()).isFalse();
    assertThat(admin.canAcknowledge(major("A-000002"))).isFalse();
    assertThat(admin.isAuthorised()).isFalse();
  }

  @Test
  void nothingCanBeDoneWhileTheAlarmStreamIsDisconnected() {
    shown.set(major("A-000001"));

    connected.set(false);

    assertThat(wang.acknowledgeCommand().isExecutable()).isFalse();
    assertThat(wang.canAcknowledge(major("A-000002"))).isFalse();
  }

  @Test
  void anAlarmTakenByAnotherOperatorIsTheirsButASupervisorMayStepIn() {
    shown.set(acknowledged("A-000001", "li"));

    assertThat(wang.canDispatchBinding().get()).isFalse();
    assertThat(wang.resolveBlockedKeyBinding().get()).isEqualTo(AlarmActions.BLOCKED_TAKEN);
    assertThat(actionsOf("zhao", Role.ROLE_SUPERVISOR).canDispatchBinding().get()).isTrue();
  }

  @Test
  void resolveIsDisabledWithTheReasonUntilTheMandatorySopStepsAreDone() {
    shown.set(inState(AlarmState.ALARM_STATE_ON_SITE).toBuilder()
        .setSop(intrusionSop(List.of(), List.of("check"), false)).build());
    wang.verdictProperty().set(AlarmVerdict.ALARM_VERDICT_FALSE);
    wang.causeProperty().set("大风引起围栏振动");

    assertThat(wang.resolveCommand().isExecutable()).isFalse();
    assertThat(wang.resolveBlockedKeyBinding().get()).isEqualTo(AlarmActions.BLOCKED_SOP);

    shown.set(shown.get().toBuilder().setSop(intrusionSop(List.of(), List.of(), true)).build());

    assertThat(wang.resolveCommand().isExecutable()).isTrue();
    assertThat(wang.resolveBlockedKeyBinding().get()).isEmpty();
  }

  @Test
  void resolveNeedsAVerdictAndACause() {
    shown.set(inState(AlarmState.ALARM_STATE_ON_SITE));
    wang.verdictProperty().set(AlarmVerdict.ALARM_VERDICT_TRUE);

    assertThat(wang.resolveCommand().isExecutable()).isFalse();
    wang.causeProperty().set("人员翻越围栏，已带离");
    assertThat(wang.resolveCommand().isExecutable()).isTrue();
  }

  @Test
  void dispatchNeedsATeamAndAnInstructionButNoVoiceMessage() {
    shown.set(inState(AlarmState.ALARM_STATE_ACKNOWLEDGED));
    wang.teamProperty().set("巡逻二队");

    assertThat(wang.dispatchCommand().isExecutable()).isFalse();
    wang.taskTextProperty().set("前往 SEG-03 周界段核查");
    assertThat(wang.dispatchCommand().isExecutable()).isTrue();
  }

  @Test
  void skippingAStepNeedsAReasonAndOnlyTheNextStepCanBeAnswered() {
    shown.set(inState(AlarmState.ALARM_STATE_ACKNOWLEDGED).toBuilder()
        .setSop(intrusionSop(List.of(), List.of("check"), false)).build());

    assertThat(wang.answerCommand("check", "real").isExecutable()).isTrue();
    assertThat(wang.answerCommand("patrol", SopStepRow.DONE_ANSWER).isExecutable()).isFalse();
    assertThat(wang.skipCommand("check").isExecutable()).isFalse();
    wang.skipReasonProperty().set("视频中断");
    assertThat(wang.skipCommand("check").isExecutable()).isTrue();
  }

  @Test
  void everyActionSendsAFreshRequestIdAndTheVersionTheOperatorSaw() {
    shown.set(major("A-000001").toBuilder().setVersion(7).build());

    wang.acknowledgeCommand().execute();
    shown.set(acknowledged("A-000001", "wang").toBuilder().setVersion(8).build());
    wang.forwardToProperty().set("li, zhao");
    wang.forwardCommand().execute();

    assertThat(backend.acts).extracting(AlarmActionRequest::getExpectedVersion).containsExactly(7L, 8L);
    assertThat(backend.acts.get(0).getRequestId()).isNotBlank().isNotEqualTo(backend.acts.get(1).getRequestId());
    assertThat(backend.acts.get(0).hasAcknowledge()).isTrue();
    assertThat(backend.acts.get(1).getForward().getToList()).containsExactly("li", "zhao");
  }

  @Test
  void theOneClickAcknowledgeOfARowSendsThatRowsAlarm() {
    shown.set(major("A-000001"));

    wang.acknowledge(major("A-000005").toBuilder().setVersion(3).build());

    assertThat(backend.acts).singleElement().satisfies(r -> {
      assertThat(r.getAlarmId()).isEqualTo("A-000005");
      assertThat(r.getExpectedVersion()).isEqualTo(3);
    });
  }

  @Test
  void theServersAnswerGoesIntoTheStore() {
    Alarm taken = acknowledged("A-000001", "wang");
    backend.answer = r -> taken;
    shown.set(major("A-000001"));

    wang.acknowledgeCommand().execute();

    assertThat(store.find("A-000001")).contains(taken);
    assertThat(wang.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void aStaleVersionSaysSomeoneElseChangedTheAlarmAndFetchesItAgain() {
    Alarm takenByLi = acknowledged("A-000001", "li").toBuilder().setVersion(5).build();
    backend.failure = Status.FAILED_PRECONDITION.withDescription("A-000001 is ACKNOWLEDGED at version 5");
    backend.current = takenByLi;
    shown.set(major("A-000001"));

    wang.acknowledgeCommand().execute();

    assertThat(wang.errorKeyProperty().get()).isEqualTo(AlarmActions.ERROR_CONFLICT);
    assertThat(wang.errorDetailProperty().get()).contains("version 5");
    assertThat(backend.gets).containsExactly("A-000001");
    assertThat(store.find("A-000001")).contains(takenByLi);
    assertThat(wang.busyProperty().get()).isFalse();
  }

  @Test
  void snoozingTheSourceNeedsAReasonAndNamesTheSource() {
    shown.set(major("A-000001"));
    wang.snoozeMinutesProperty().set(60);

    assertThat(wang.snoozeCommand().isExecutable()).isFalse();
    wang.snoozeReasonProperty().set("施工振动");
    wang.snoozeCommand().execute();

    assertThat(backend.snoozes).singleElement().satisfies(r -> {
      assertThat(r.getSourceId()).isEqualTo("S-A-000001");
      assertThat(r.getMinutes()).isEqualTo(60);
    });
  }

  @Test
  void aManualReportNeedsALocationAndADetail() {
    wang.manualDetailProperty().set("北门外有可疑车辆徘徊");

    assertThat(wang.reportManualCommand().isExecutable()).isFalse();
    wang.manualLocationProperty().set(io.cordon.api.v1.LonLat.newBuilder().setLon(120.95).setLat(31.93).build());
    wang.reportManualCommand().execute();

    assertThat(backend.reports).singleElement().satisfies(r -> assertThat(r.getRequestId()).isNotBlank());
    assertThat(store.find("A-000900")).isPresent();
  }
}
