package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.T0;
import static io.cordon.client.alarm.AlarmFixtures.acknowledged;
import static io.cordon.client.alarm.AlarmFixtures.changes;
import static io.cordon.client.alarm.AlarmFixtures.critical;
import static io.cordon.client.alarm.AlarmFixtures.intrusionSop;
import static io.cordon.client.alarm.AlarmFixtures.major;
import static io.cordon.client.alarm.AlarmFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.SopOutcome;
import io.cordon.client.alarm.SopStepRow.Status;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AlarmDetailViewModelTest {
  private final AlarmStore store = new AlarmStore(Runnable::run);
  private final AlarmDetailViewModel detail = new AlarmDetailViewModel(store);

  private static Alarm withCheckAnswered() {
    return acknowledged("A-000001", "wang").toBuilder()
        .setSop(intrusionSop(List.of(SopOutcome.newBuilder().setStepId("check").setAnswerId("real").setBy("wang")
            .build()), List.of("patrol"), false))
        .build();
  }

  @Test
  void showsTheProcedureInChineseWithWhatWasAnsweredAndWhatIsNext() {
    store.apply(snapshot(1, withCheckAnswered()));

    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.sopSteps()).extracting(SopStepRow::text, SopStepRow::status, SopStepRow::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("调取联动视频确认", Status.DONE, "有人员入侵"),
            org.assertj.core.groups.Tuple.tuple("通知巡逻队到场", Status.NEXT, ""),
            org.assertj.core.groups.Tuple.tuple("记录处置情况", Status.PENDING, ""));
    assertThat(detail.mandatoryDoneProperty().get()).isFalse();
  }

  @Test
  void showsTheProcedureInEnglishForAnEnglishOperator() {
    store.apply(snapshot(1, withCheckAnswered()));
    detail.alarmIdProperty().set("A-000001");

    detail.localeProperty().set(Locale.ENGLISH);

    assertThat(detail.sopSteps()).extracting(SopStepRow::text)
        .containsExactly("Check the linked video", "Send the patrol", "Log what was done");
    assertThat(detail.sopSteps().get(0).options()).extracting(SopStepRow.Option::text)
        .containsExactly("Intruder seen", "Nothing seen");
  }

  @Test
  void aSkippedStepShowsItsReason() {
    Alarm skipped = acknowledged("A-000001", "wang").toBuilder()
        .setSop(intrusionSop(List.of(SopOutcome.newBuilder().setStepId("check").setSkipped(true)
            .setReason("视频中断").build()), List.of("patrol"), false))
        .build();
    store.apply(snapshot(1, skipped));

    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.sopSteps().get(0).status()).isEqualTo(Status.SKIPPED);
    assertThat(detail.sopSteps().get(0).outcome()).isEqualTo("视频中断");
  }

  @Test
  void followsTheShownAlarmAsItChanges() {
    store.apply(snapshot(1, major("A-000001")));
    detail.alarmIdProperty().set("A-000001");

    store.apply(changes(2, acknowledged("A-000001", "wang").toBuilder()
        .addHistory(AlarmTransition.newBuilder().setAction("raised").setBy("system"))
        .addHistory(AlarmTransition.newBuilder().setAction("acknowledge").setBy("wang")).build()));

    assertThat(detail.alarmProperty().get().getState()).isEqualTo(AlarmState.ALARM_STATE_ACKNOWLEDGED);
    assertThat(detail.history()).extracting(AlarmTransition::getAction).containsExactly("acknowledge", "raised");
  }

  @Test
  void theSlaCountsDownToTheAcknowledgeDeadlineAndGoesNegativeWhenOverdue() {
    store.apply(snapshot(1, critical("A-000001")));
    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.slaRemaining(T0.plusSeconds(45))).contains(Duration.ofSeconds(15));
    assertThat(detail.slaRemaining(T0.plusSeconds(75))).contains(Duration.ofSeconds(-15));
  }

  @Test
  void anAcknowledgedAlarmHasNoCountdown() {
    store.apply(snapshot(1, acknowledged("A-000001", "wang")));
    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.slaRemaining(T0.plusSeconds(75))).isEmpty();
  }

  @Test
  void listsTheOtherAlarmsOfTheIncident() {
    store.apply(snapshot(1, major("A-000001"), major("A-000002").toBuilder().setIncidentId("A-000001").build(),
        major("A-000003")));

    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.incidentMembers()).extracting(Alarm::getAlarmId).containsExactly("A-000002");
  }

  @Test
  void showsLinkedCamerasAndEvidence() {
    store.apply(snapshot(1, major("A-000001").toBuilder().addLinkedCameraIds("CAM-07").addLinkedCameraIds("CAM-08")
        .addEvidence(io.cordon.api.v1.Evidence.newBuilder().setKind("snapshot").setReference("media://CAM-07/1.jpg"))
        .build()));

    detail.alarmIdProperty().set("A-000001");

    assertThat(detail.linkedCameras()).containsExactly("CAM-07", "CAM-08");
    assertThat(detail.evidence()).singleElement().satisfies(e -> assertThat(e.getReference()).endsWith("1.jpg"));
  }
}
