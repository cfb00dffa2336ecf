package io.cordon.domain.alarm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard operating procedure (处置流程) for one or more alarm types: steps in order, where a
 * question step branches on the operator's answer. The first step is where every alarm starts.
 */
public record Sop(String id, List<SopStep> steps) {

  public Sop {
    Objects.requireNonNull(id, "id");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("SOP " + id + " has no steps");
    }
    Map<String, SopStep> byId = new HashMap<>();
    for (SopStep step : steps) {
      if (byId.put(step.id(), step) != null) {
        throw new IllegalArgumentException("SOP " + id + " repeats step " + step.id());
      }
    }
    for (SopStep step : steps) {
      for (String next : step.successors()) {
        if (!byId.containsKey(next)) {
          throw new IllegalArgumentException("SOP " + id + " step " + step.id() + " leads to unknown step " + next);
        }
      }
    }
  }

  public SopStep first() {
    return steps.get(0);
  }

  public Optional<SopStep> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  /** One step: a plain action marked done, or a question whose answers lead to different next steps. */
  public record SopStep(String id, String textZh, String textEn, boolean mandatory, List<SopOption> options,
      Optional<String> next) {

    public static final String DONE = "done";

    public SopStep {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(textZh, "textZh");
      Objects.requireNonNull(textEn, "textEn");
      options = List.copyOf(options);
      Objects.requireNonNull(next, "next");
    }

    public boolean isQuestion() {
      return !options.isEmpty();
    }

    /** The step an answer leads to; empty at the end of the procedure. */
    public Optional<String> nextAfter(String answerId) {
      if (!isQuestion()) {
        return next;
      }
      return options.stream().filter(o -> o.answerId().equals(answerId)).findFirst().flatMap(SopOption::next);
    }

    /** Whether {@code answerId} answers this step: an option's id, or {@link #DONE} for a plain step. */
    public boolean accepts(String answerId) {
      return isQuestion()
          ? options.stream().anyMatch(o -> o.answerId().equals(answerId))
          : DONE.equals(answerId);
    }

    List<String> successors() {
      List<String> all = new java.util.ArrayList<>();
      next.ifPresent(all::add);
      options.forEach(o -> o.next().ifPresent(all::add));
      return all;
    }
  }

  /** An answer to a question step. */
  public record SopOption(String answerId, String textZh, String textEn, Optional<String> next) {

    public SopOption {
      Objects.requireNonNull(answerId, "answerId");
      Objects.requireNonNull(textZh, "textZh");
      Objects.requireNonNull(textEn, "textEn");
      Objects.requireNonNull(next, "next");
    }
  }
}
