package io.cordon.domain.alarm;

import io.cordon.domain.alarm.Sop.SopStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How far an alarm's procedure has come. Steps are done in order along the path the answers choose;
 * only the current step can be answered or skipped. A skipped question continues with its default
 * next step (or ends the procedure when it has none).
 */
public record SopProgress(Sop sop, List<SopOutcome> outcomes) {

  static final int MIN_REASON = 2;
  static final int MAX_REASON = 200;

  public SopProgress {
    Objects.requireNonNull(sop, "sop");
    outcomes = List.copyOf(outcomes);
  }

  public static SopProgress start(Sop sop) {
    return new SopProgress(sop, List.of());
  }

  /** The step to do now; empty when the path has reached its end. */
  public Optional<SopStep> currentStep() {
    Set<String> seen = new HashSet<>();
    Optional<SopStep> step = Optional.of(sop.first());
    while (step.isPresent() && seen.add(step.get().id())) {
      Optional<SopOutcome> outcome = outcomeOf(step.get().id());
      if (outcome.isEmpty()) {
        return step;
      }
      step = after(step.get(), outcome.get()).flatMap(sop::step);
    }
    return Optional.empty();
  }

  /**
   * True when no mandatory step is left on the path: the current step and those after it (along
   * default next steps) are all optional, or the path has ended.
   */
  public boolean mandatoryDone() {
    Set<String> seen = new HashSet<>();
    Optional<SopStep> step = currentStep();
    while (step.isPresent() && seen.add(step.get().id())) {
      if (step.get().mandatory()) {
        return false;
      }
      step = step.get().next().flatMap(sop::step);
    }
    return true;
  }

  Result answer(String stepId, String answerId, String by, Instant at) {
    Optional<Refusal> notCurrent = requireCurrent(stepId);
    if (notCurrent.isPresent()) {
      return new Result(this, notCurrent);
    }
    SopStep step = sop.step(stepId).orElseThrow();
    if (!step.accepts(answerId)) {
      return new Result(this, Optional.of(Refusal.invalid("answer_step.answer_id",
          step.isQuestion() ? "is not one of the answers of step " + stepId : "must be \"done\" for a plain step")));
    }
    return new Result(with(new SopOutcome(stepId, answerId, false, "", by, at)), Optional.empty());
  }

  Result skip(String stepId, String reason, String by, Instant at) {
    Optional<Refusal> notCurrent = requireCurrent(stepId);
    if (notCurrent.isPresent()) {
      return new Result(this, notCurrent);
    }
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.length() < MIN_REASON || trimmed.length() > MAX_REASON) {
      return new Result(this, Optional.of(Refusal.invalid("skip_step.reason",
          "a skipped step needs a reason of " + MIN_REASON + ".." + MAX_REASON + " characters")));
    }
    return new Result(with(new SopOutcome(stepId, "", true, trimmed, by, at)), Optional.empty());
  }

  /** The progress after a command, or the unchanged progress and the refusal. */
  record Result(SopProgress progress, Optional<Refusal> refusal) {
  }

  private Optional<Refusal> requireCurrent(String stepId) {
    Optional<SopStep> current = currentStep();
    if (current.isEmpty()) {
      return Optional.of(Refusal.conflict("step_id", "the procedure is complete"));
    }
    if (!current.get().id().equals(stepId)) {
      return Optional.of(Refusal.conflict("step_id", "the current step is " + current.get().id()));
    }
    return Optional.empty();
  }

  private SopProgress with(SopOutcome outcome) {
    List<SopOutcome> all = new ArrayList<>(outcomes);
    all.add(outcome);
    return new SopProgress(sop, all);
  }

  private Optional<SopOutcome> outcomeOf(String stepId) {
    return outcomes.stream().filter(o -> o.stepId().equals(stepId)).reduce((a, b) -> b);
  }

  private static Optional<String> after(SopStep step, SopOutcome outcome) {
    return outcome.skipped() ? step.next() : step.nextAfter(outcome.answerId());
  }
}
