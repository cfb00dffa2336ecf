package io.cordon.client.connection;

import java.time.Duration;

/** Exponential retry delays, capped; {@link #reset()} after a success. Not thread-safe. */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.nextMillis = initialMillis;
  }

  /** The delay before the next attempt; each call doubles the following one up to the cap. */
  public Duration next() {
    long current = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return Duration.ofMillis(current);
  }

  public void reset() {
    nextMillis = initialMillis;
  }
}
