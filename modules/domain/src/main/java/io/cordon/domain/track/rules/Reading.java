package io.cordon.domain.track.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * A rule's parameters at the moment it fired: the threshold it compares with, the value measured,
 * their unit ("m", "km/h", "s") and the minimum duration the condition had to hold.
 */
public record Reading(double threshold, double measured, String unit, Duration minimumDuration) {
  public Reading {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(minimumDuration, "minimumDuration");
  }
}
