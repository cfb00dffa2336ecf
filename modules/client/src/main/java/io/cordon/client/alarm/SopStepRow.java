package io.cordon.client.alarm;

import java.util.List;
import java.util.Objects;

/**
 * One step of an alarm's procedure (SOP) as the detail pane lists it, in the operator's language.
 *
 * @param stepId the step's id (what answer/skip send)
 * @param text what to do, or the question
 * @param mandatory whether the alarm cannot be resolved before it is answered or skipped
 * @param status done, skipped, to do now, or not (yet) on the path
 * @param outcome the chosen answer's text, or the reason of a skip; empty otherwise
 * @param by who answered or skipped it; empty otherwise
 * @param options the answers of a question (empty for a plain step that is marked done)
 */
public record SopStepRow(String stepId, String text, boolean mandatory, Status status, String outcome, String by,
    List<Option> options) {

  /** Where a step stands. */
  public enum Status { DONE, SKIPPED, NEXT, PENDING }

  /** One answer to a question step. */
  public record Option(String answerId, String text) {}

  /** The answer id that marks a plain step done. */
  public static final String DONE_ANSWER = "done";

  public SopStepRow {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(status, "status");
    options = List.copyOf(options);
  }

  public boolean isNext() {
    return status == Status.NEXT;
  }

  /** A question with answers; otherwise a plain step. */
  public boolean isQuestion() {
    return !options.isEmpty();
  }
}
