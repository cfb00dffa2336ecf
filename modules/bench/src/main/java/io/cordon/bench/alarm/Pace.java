package io.cordon.bench.alarm;

import java.util.concurrent.locks.LockSupport;

/** Open-loop pacing: the i-th send is due at start + i × period, whatever the answers do. */
public final class Pace {

  private final long startNanos;
  private final double periodNanos;

  public Pace(long startNanos, double perSecond) {
    this.startNanos = startNanos;
    this.periodNanos = 1e9 / perSecond;
  }

  public long dueNanos(long index) {
    return startNanos + (long) (index * periodNanos);
  }

  /** Sleeps until the index is due; returns how late it is then (ns; ≥ 0). */
  public long awaitDue(long index) {
    long due = dueNanos(index);
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
    return System.nanoTime() - due;
  }
}
