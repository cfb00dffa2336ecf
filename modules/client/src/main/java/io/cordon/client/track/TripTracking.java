package io.cordon.client.track;

import java.util.List;
import java.util.Objects;

/**
 * What JT/T 808 tracking adds to a live vehicle (issue 8): the terminal reporting it, its open
 * trip and permit, whether the terminal is bound to no vehicle, and the rules it breaks now.
 * Vehicles reported through {@code PositionIngestService} carry {@link #NONE}.
 *
 * @param violations RuleKind names of the rules broken right now, e.g. "OVERSPEED"; empty = none
 */
public record TripTracking(String terminalNumber, String tripId, String permitId, boolean unbound,
    List<String> violations) {

  public static final TripTracking NONE = new TripTracking("", "", "", false, List.of());

  public TripTracking {
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(tripId, "tripId");
    Objects.requireNonNull(permitId, "permitId");
    violations = List.copyOf(violations);
  }

  public boolean violating() {
    return !violations.isEmpty();
  }
}
