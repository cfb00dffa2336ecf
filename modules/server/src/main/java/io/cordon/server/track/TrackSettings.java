package io.cordon.server.track;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live view behaves.
 *
 * @param trailWindow how far back trails reach
 * @param trailSpacing at most one trail point per this interval (the latest fix is always kept)
 * @param staleAfter a vehicle silent for this long is removed from the live view
 * @param flushInterval how often each subscriber gets the vehicles that moved
 * @param snapshotChunk vehicles per snapshot message, so no message nears gRPC's 4 MB limit
 */
public record TrackSettings(
    Duration trailWindow, Duration trailSpacing, Duration staleAfter, Duration flushInterval, int snapshotChunk) {

  public TrackSettings {
    Objects.requireNonNull(trailWindow, "trailWindow");
    Objects.requireNonNull(trailSpacing, "trailSpacing");
    Objects.requireNonNull(staleAfter, "staleAfter");
    Objects.requireNonNull(flushInterval, "flushInterval");
    if (trailWindow.isNegative() || trailSpacing.isNegative() || staleAfter.isNegative()
        || flushInterval.isNegative() || flushInterval.isZero() || snapshotChunk < 1) {
      throw new IllegalArgumentException("durations must not be negative, flush and chunk must be positive");
    }
  }

  /** Five minutes of trail at one point per 5 s, stale after 2 minutes, flushed every 200 ms. */
  public static TrackSettings defaults() {
    return new TrackSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(120),
        Duration.ofMillis(200), 200);
  }
}
