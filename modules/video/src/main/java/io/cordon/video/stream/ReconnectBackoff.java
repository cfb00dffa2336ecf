package io.cordon.video.stream;

import java.time.Duration;

/** Delay before reconnect attempt n: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s for ever. */
public final class ReconnectBackoff {
  private static final long FIRST_MS = 500;
  private static final long MAX_MS = 10_000;

  private ReconnectBackoff() {
  }

  public static Duration delayBefore(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1: " + attempt);
    }
    long ms = FIRST_MS << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(ms, MAX_MS));
  }
}
