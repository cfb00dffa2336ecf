package io.cordon.domain.track.rules;

/**
 * Hysteresis for one rule of one vehicle: it starts once the start condition has held for a
 * minimum time, then ends once a separate end condition has held for its own minimum time. A single
 * contrary observation resets the pending timer, so jitter across a threshold never flaps. Times
 * are epoch milliseconds.
 */
final class Latch {
  static final long NONE = Long.MIN_VALUE;
  static final int NOTHING = 0;
  static final int STARTED = 1;
  static final int ENDED = -1;

  private boolean active;
  private long pendingSince = NONE;
  private long startedAt = NONE;
  private long endedAt = NONE;
  /** The violation raised when it started, for its end event. */
  Violation open;

  /** Feeds one observation at {@code t}; returns {@link #STARTED}, {@link #ENDED} or {@link #NOTHING}. */
  int step(boolean startCondition, boolean endCondition, long t, long startAfterMillis, long endAfterMillis) {
    boolean condition = active ? endCondition : startCondition;
    if (!condition) {
      pendingSince = NONE;
      return NOTHING;
    }
    if (pendingSince == NONE || t < pendingSince) {
      pendingSince = t;
    }
    if (t - pendingSince < (active ? endAfterMillis : startAfterMillis)) {
      return NOTHING;
    }
    long since = pendingSince;
    pendingSince = NONE;
    if (active) {
      active = false;
      endedAt = Math.max(since, startedAt);
      return ENDED;
    }
    active = true;
    startedAt = since;
    return STARTED;
  }

  /** Drops a pending start or end (the condition was interrupted in a way the caller detected). */
  void clearPending() {
    pendingSince = NONE;
  }

  /** Moves the start back to when the condition really began (signal lost began at the last fix). */
  void backdate(long since) {
    if (active && since < startedAt) {
      startedAt = since;
    }
  }

  boolean active() {
    return active;
  }

  boolean pending() {
    return pendingSince != NONE;
  }

  long startedAt() {
    return startedAt;
  }

  long endedAt() {
    return endedAt;
  }
}
