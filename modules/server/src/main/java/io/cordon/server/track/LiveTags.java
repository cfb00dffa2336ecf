package io.cordon.server.track;

import java.util.List;
import java.util.Objects;

/**
 * What the JT/T 808 pipeline adds to a live vehicle: the terminal reporting it, its trip and permit,
 * whether the terminal is bound to no vehicle, and the rules it breaks now (RuleKind names).
 * {@link #NONE} for vehicles reported through PositionIngestService.
 */
public record LiveTags(String terminalNumber, String tripId, String permitId, boolean unbound,
    List<String> violations) {

  public static final LiveTags NONE = new LiveTags("", "", "", false, List.of());

  public LiveTags {
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(tripId, "tripId");
    Objects.requireNonNull(permitId, "permitId");
    violations = List.copyOf(violations);
  }
}
