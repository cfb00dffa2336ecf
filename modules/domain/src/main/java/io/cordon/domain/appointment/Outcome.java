package io.cordon.domain.appointment;

import io.cordon.domain.permit.Permit;
import io.cordon.domain.validation.Refusal;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a command on an application: the changed application with its transition (and the
 * permit an approval issues), or a refusal.
 */
public sealed interface Outcome permits Outcome.Changed, Outcome.Refused {

  record Changed(Application after, Transition transition, Optional<Permit> permit) implements Outcome {
    public Changed {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(transition, "transition");
      Objects.requireNonNull(permit, "permit");
    }
  }

  /** Nothing changed. */
  record Refused(Refusal refusal) implements Outcome {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
