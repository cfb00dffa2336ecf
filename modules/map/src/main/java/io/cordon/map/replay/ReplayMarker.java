package io.cordon.map.replay;

import java.util.Objects;

/**
 * An event placed along the replayed track.
 *
 * @param kind what it is, which decides its colour
 * @param label the operator's text, e.g. "超速 58 km/h（限速 40）", shown for the current event
 */
public record ReplayMarker(Kind kind, double lon, double lat, String label) {
  public ReplayMarker {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
  }

  public enum Kind {
    /** A rule started being broken: red. */
    VIOLATION_STARTED,
    /** It ended: green. */
    VIOLATION_ENDED,
    /** Gate, terminal, parking lot, signal…: blue. */
    OTHER
  }
}
