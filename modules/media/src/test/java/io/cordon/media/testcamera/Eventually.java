package io.cordon.media.testcamera;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition; the limits are generous timeouts against hangs, not speed targets. */
public final class Eventually {
  private Eventually() {}

  public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
