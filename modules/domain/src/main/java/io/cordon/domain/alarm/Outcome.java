package io.cordon.domain.alarm;

import java.util.Objects;

/** The answer to a command on an alarm: the changed alarm with the transition that records it, or a refusal. */
public sealed interface Outcome permits Outcome.Changed, Outcome.Refused {

  /** Accepted: {@code after} is the alarm as the command left it; {@code transition} is its new history entry. */
  record Changed(Alarm after, Transition transition) implements Outcome {
    public Changed {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(transition, "transition");
    }
  }

  /** Refused: nothing changed. */
  record Refused(Refusal refusal) implements Outcome {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  static Outcome refused(Refusal refusal) {
    return new Refused(refusal);
  }
}
