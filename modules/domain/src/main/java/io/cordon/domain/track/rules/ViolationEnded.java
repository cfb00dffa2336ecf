package io.cordon.domain.track.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The violation that started earlier is over; clear its alarm.
 *
 * @param violation the same violation as in its {@link ViolationStarted}
 * @param endedAt when the end condition began to hold (not before the violation started)
 * @param detectedAt the fix or tick that confirmed the end
 * @param place where the vehicle was then
 */
public record ViolationEnded(Violation violation, Instant endedAt, Instant detectedAt, Place place)
    implements RuleEvent {
  public ViolationEnded {
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(place, "place");
  }

  /** How long the violation lasted. */
  public Duration lasted() {
    return Duration.between(violation.startedAt(), endedAt);
  }
}
