package io.cordon.bench.wall;

import java.time.Duration;

/** Polls a condition up to a limit; the limits guard against hangs, they are not what is measured. */
final class Await {
  /** A condition that may need the FX thread. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  private Await() {
  }

  static boolean until(Duration limit, Check check) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(20);
    }
    return check.holds();
  }
}
