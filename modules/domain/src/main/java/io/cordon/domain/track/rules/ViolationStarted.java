package io.cordon.domain.track.rules;

import java.util.Objects;

/** A violation began; raise its alarm. */
public record ViolationStarted(Violation violation) implements RuleEvent {
  public ViolationStarted {
    Objects.requireNonNull(violation, "violation");
  }
}
