package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.T0;
import static io.cordon.domain.alarm.AlarmFixture.plain;
import static io.cordon.domain.alarm.AlarmFixture.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.alarm.Sop.SopOption;
import io.cordon.domain.alarm.Sop.SopStep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SopProgressTest {

  private final SopProgress started = SopProgress.start(AlarmFixture.verifyThenDecideProcedure());

  @Test
  void aProcedureStartsAtItsFirstStep() {
    assertThat(currentId(started)).contains("verify");
    assertThat(started.mandatoryDone()).isFalse();
  }

  @Test
  void aDonePlainStepLeadsToItsNextStep() {
    assertThat(currentId(answer(started, "verify", "done"))).contains("confirmed");
  }

  @Test
  void aQuestionFollowsTheBranchOfItsAnswer() {
    SopProgress verified = answer(started, "verify", "done");

    assertThat(currentId(answer(verified, "confirmed", "yes"))).contains("dispatch");
    assertThat(currentId(answer(verified, "confirmed", "no"))).contains("record_cause");
  }

  @Test
  void mandatoryStepsAreDoneWhenOnlyOptionalStepsRemainOnThePath() {
    SopProgress dispatched = answer(answer(answer(started, "verify", "done"), "confirmed", "yes"), "dispatch", "done");

    assertThat(currentId(dispatched)).contains("report");
    assertThat(dispatched.mandatoryDone()).isTrue();
  }

  @Test
  void mandatoryStepsLaterOnTheDefaultPathAreStillOpen() {
    Sop twoPlain = new Sop("two", List.of(plain("look", false, "call"), plain("call", true, null)));

    assertThat(SopProgress.start(twoPlain).mandatoryDone()).isFalse();
  }

  @Test
  void theProcedureEndsAfterTheLastStepOfItsBranch() {
    SopProgress ended = answer(answer(answer(started, "verify", "done"), "confirmed", "no"), "record_cause", "done");

    assertThat(ended.currentStep()).isEmpty();
    assertThat(ended.mandatoryDone()).isTrue();
  }

  @Test
  void aSkippedQuestionContinuesWithItsDefaultNextStep() {
    SopProgress skipped = skip(answer(started, "verify", "done"), "confirmed", "无法核实");

    assertThat(currentId(skipped)).contains("record_cause");
  }

  @Test
  void aSkippedQuestionWithoutADefaultNextStepEndsTheProcedure() {
    Sop sop = new Sop("q", List.of(question("ask", true, Optional.empty(),
        new SopOption("yes", "是", "Yes", Optional.empty()))));

    assertThat(SopProgress.start(sop).skip("ask", "不适用", "li", T0).progress().currentStep()).isEmpty();
  }

  @Test
  void aPlainStepIsAnsweredOnlyWithDone() {
    SopProgress.Result result = started.answer("verify", "yes", "li", T0);

    assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("answer_step.answer_id"));
    assertThat(result.progress()).isEqualTo(started);
  }

  @Test
  void aStepThatIsNotCurrentCannotBeAnsweredOrSkipped() {
    assertThat(started.answer("dispatch", "done", "li", T0).refusal())
        .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("step_id"));
    assertThat(started.skip("confirmed", "跳过", "li", T0).refusal())
        .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("step_id"));
  }

  @Test
  void aCompleteProcedureRefusesFurtherAnswers() {
    SopProgress ended = answer(answer(answer(started, "verify", "done"), "confirmed", "no"), "record_cause", "done");

    assertThat(ended.answer("record_cause", "done", "li", T0).refusal())
        .hasValueSatisfying(r -> assertThat(r.reason()).contains("complete"));
  }

  @Test
  void aSkipReasonLongerThanTwoHundredCharactersIsRefused() {
    assertThat(started.skip("verify", "很".repeat(201), "li", T0).refusal())
        .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("skip_step.reason"));
  }

  // ---- the procedure itself ----

  @Test
  void aProcedureWithAStepLeadingToAnUnknownStepIsRefused() {
    assertThatThrownBy(() -> new Sop("broken", List.of(plain("a", true, "nowhere"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
  }

  @Test
  void aProcedureWithAnAnswerLeadingToAnUnknownStepIsRefused() {
    SopStep ask = question("ask", true, Optional.empty(), new SopOption("yes", "是", "Yes", Optional.of("gone")));

    assertThatThrownBy(() -> new Sop("broken", List.of(ask))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProcedureWithoutStepsIsRefused() {
    assertThatThrownBy(() -> new Sop("empty", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProcedureRepeatingAStepIdIsRefused() {
    assertThatThrownBy(() -> new Sop("twice", List.of(plain("a", false, null), plain("a", false, null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
  }

  private static SopProgress answer(SopProgress progress, String step, String answer) {
    SopProgress.Result result = progress.answer(step, answer, "li", T0);
    assertThat(result.refusal()).isEmpty();
    return result.progress();
  }

  private static SopProgress skip(SopProgress progress, String step, String reason) {
    SopProgress.Result result = progress.skip(step, reason, "li", T0);
    assertThat(result.refusal()).isEmpty();
    return result.progress();
  }

  private static Optional<String> currentId(SopProgress progress) {
    return progress.currentStep().map(SopStep::id);
  }
}
