package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.LI;
import static io.cordon.domain.alarm.AlarmFixture.T0;
import static io.cordon.domain.alarm.AlarmFixture.WANG;
import static io.cordon.domain.alarm.AlarmFixture.changed;
import static io.cordon.domain.alarm.AlarmFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The alarm's SOP as the operator works through it: resolve waits for the mandatory steps. */
class AlarmProcedureTest {

  private static final Instant AT = T0.plusSeconds(20);

  private final Alarm acknowledged = changed(AlarmFixture.criticalIntrusionAtCoreArea()
      .acknowledge(LI, 1, T0.plusSeconds(10), "")).after();

  @Test
  void resolveIsRefusedWhileMandatoryStepsAreOpen() {
    Refusal refusal = refusal(acknowledged.resolve(LI, acknowledged.version(), Verdict.FALSE_ALARM, "误报", AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("action");
    assertThat(refusal.reason()).contains("verify");
  }

  @Test
  void resolveIsAllowedOnceTheChosenBranchHasNoMandatoryStepLeft() {
    Alarm alarm = answer(answer(acknowledged, "verify", "done"), "confirmed", "no");

    Outcome outcome = alarm.resolve(LI, alarm.version(), Verdict.FALSE_ALARM, "树枝晃动", AT, "");

    assertThat(changed(outcome).after().state()).isEqualTo(AlarmState.RESOLVED);
  }

  @Test
  void aConfirmedIntrusionCannotBeResolvedBeforeThePatrolIsDispatched() {
    Alarm alarm = answer(answer(acknowledged, "verify", "done"), "confirmed", "yes");

    Refusal refusal = refusal(alarm.resolve(LI, alarm.version(), Verdict.TRUE_ALARM, "人员翻越", AT, ""));

    assertThat(refusal.reason()).contains("dispatch");
  }

  @Test
  void resolveIsAllowedWhenOnlyOptionalStepsRemain() {
    Alarm alarm = answer(answer(answer(acknowledged, "verify", "done"), "confirmed", "yes"), "dispatch", "done");

    assertThat(alarm.sop().currentStep()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("report"));
    assertThat(changed(alarm.resolve(LI, alarm.version(), Verdict.TRUE_ALARM, "人员翻越", AT, "")).after().state())
        .isEqualTo(AlarmState.RESOLVED);
  }

  @Test
  void answeringAStepIsRecordedWithoutChangingTheState() {
    Outcome.Changed change = changed(acknowledged.answerStep(LI, acknowledged.version(), "verify", "done", AT, ""));

    assertThat(change.transition().action()).isEqualTo("sop_answer");
    assertThat(change.after().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    assertThat(change.after().version()).isEqualTo(acknowledged.version() + 1);
    assertThat(change.after().sop().outcomes()).singleElement()
        .satisfies(o -> assertThat(o.by()).isEqualTo("li"));
  }

  @Test
  void stepsCannotBeAnsweredBeforeTheAlarmIsAcknowledged() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();

    Refusal refusal = refusal(alarm.answerStep(LI, alarm.version(), "verify", "done", AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("action");
  }

  @Test
  void anotherOperatorCannotAnswerTheAssigneesSteps() {
    Refusal refusal = refusal(acknowledged.answerStep(WANG, acknowledged.version(), "verify", "done", AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void skippingAStepNeedsAReason() {
    Refusal refusal = refusal(acknowledged.skipStep(LI, acknowledged.version(), "verify", " ", AT));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("skip_step.reason");
  }

  @Test
  void skippingAStepWithAReasonIsRecordedForTheSupervisors() {
    Outcome.Changed change = changed(acknowledged.skipStep(LI, acknowledged.version(), "verify", " 摄像头离线 ", AT));

    assertThat(change.transition().action()).isEqualTo("sop_skip");
    assertThat(change.transition().note()).isEqualTo("verify: 摄像头离线");
    assertThat(change.after().sop().outcomes()).singleElement().satisfies(o -> {
      assertThat(o.skipped()).isTrue();
      assertThat(o.reason()).isEqualTo("摄像头离线");
    });
    assertThat(change.after().sop().currentStep()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("confirmed"));
  }

  @Test
  void skippedMandatoryStepsNoLongerBlockResolve() {
    Alarm alarm = skip(skip(acknowledged, "verify"), "confirmed");

    Outcome outcome = alarm.resolve(LI, alarm.version(), Verdict.FALSE_ALARM, "无法核实", AT, "");

    assertThat(changed(outcome).after().state()).isEqualTo(AlarmState.RESOLVED);
  }

  @Test
  void anAnswerThatIsNotAnOptionIsRefusedNamingTheAnswerField() {
    Alarm alarm = answer(acknowledged, "verify", "done");

    Refusal refusal = refusal(alarm.answerStep(LI, alarm.version(), "confirmed", "maybe", AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("answer_step.answer_id");
  }

  @Test
  void onlyTheCurrentStepCanBeAnswered() {
    Refusal refusal = refusal(acknowledged.answerStep(LI, acknowledged.version(), "dispatch", "done", AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("step_id");
  }

  private static Alarm answer(Alarm alarm, String step, String answer) {
    return changed(alarm.answerStep(LI, alarm.version(), step, answer, AT, "")).after();
  }

  private static Alarm skip(Alarm alarm, String step) {
    return changed(alarm.skipStep(LI, alarm.version(), step, "现场条件不允许", AT)).after();
  }
}
