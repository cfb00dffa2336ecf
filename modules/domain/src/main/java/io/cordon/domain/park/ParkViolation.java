package io.cordon.domain.park;

import java.util.Objects;

/**
 * One broken rule of a park plan. {@code featureId} names the offending feature (its id, or
 * {@code #index} for a file feature without one, or the park id for park-wide problems).
 */
public record ParkViolation(String featureId, ParkRule rule, String message) {
  public ParkViolation {
    Objects.requireNonNull(featureId, "featureId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** One line naming the feature and the rule, e.g. {@code G3 [ordinary-gate-no-hazmat] …}. */
  @Override
  public String toString() {
    return featureId + " [" + rule.code() + "] " + message;
  }
}
