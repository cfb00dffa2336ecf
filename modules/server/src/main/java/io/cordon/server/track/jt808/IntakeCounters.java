package io.cordon.server.track.jt808;

import java.util.concurrent.atomic.LongAdder;

/** What the pipeline did with the positions it was given; read by the benchmark, logs and tests. */
public final class IntakeCounters {

  final LongAdder received = new LongAdder();
  final LongAdder stored = new LongAdder();
  final LongAdder invalidFixes = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder jumps = new LongAdder();
  final LongAdder aheadOfClock = new LongAdder();
  final LongAdder tooOld = new LongAdder();
  final LongAdder outsidePark = new LongAdder();
  final LongAdder unbound = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder failedCommits = new LongAdder();

  /** Positions handed to the pipeline. */
  public long received() {
    return received.sum();
  }

  /** Positions committed (invalid fixes and those outside the park included). */
  public long stored() {
    return stored.sum();
  }

  /** Stored positions without a valid fix (kept for signal-lost evidence, not shown). */
  public long invalidFixes() {
    return invalidFixes.sum();
  }

  /** Dropped: the terminal sent a fix with the same time before. */
  public long duplicates() {
    return duplicates.sum();
  }

  /** Dropped: impossible move from the terminal's previous fix. */
  public long jumps() {
    return jumps.sum();
  }

  /** Dropped: fix time too far after the server's clock. */
  public long aheadOfClock() {
    return aheadOfClock.sum();
  }

  /** Dropped: fix time too far in the past. */
  public long tooOld() {
    return tooOld.sum();
  }

  /** Stored flagged: far outside the park, ignored by the rules and the live view. */
  public long outsidePark() {
    return outsidePark.sum();
  }

  /** Stored flagged: from terminals bound to no vehicle. */
  public long unbound() {
    return unbound.sum();
  }

  /** Group commits done. */
  public long commits() {
    return commits.sum();
  }

  /** Group commits that failed (their terminals were answered "failed" and send again). */
  public long failedCommits() {
    return failedCommits.sum();
  }

  /** Everything dropped by the filter. */
  public long dropped() {
    return duplicates() + jumps() + aheadOfClock() + tooOld();
  }

  @Override
  public String toString() {
    return "received=" + received() + " stored=" + stored() + " invalid=" + invalidFixes() + " duplicates="
        + duplicates() + " jumps=" + jumps() + " ahead=" + aheadOfClock() + " tooOld=" + tooOld() + " outside="
        + outsidePark() + " unbound=" + unbound() + " commits=" + commits() + " failedCommits=" + failedCommits();
  }
}
