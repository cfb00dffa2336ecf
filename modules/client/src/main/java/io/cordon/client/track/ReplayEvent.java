package io.cordon.client.track;

import java.time.Instant;

/**
 * Something that happened along a replayed track.
 *
 * @param kind "violation.started", "gate.entry", "lot.entered"… as the server names it
 * @param rule RuleKind name for violations, else empty
 * @param text short Chinese text from the server, e.g. "超速 58 km/h（限速 40）"
 * @param hasPosition whether lon/lat say where it happened
 */
public record ReplayEvent(Instant time, String kind, String rule, String text, boolean hasPosition, double lon,
    double lat, String alarmId) {

  public boolean violation() {
    return kind.startsWith("violation.");
  }
}
