package io.cordon.client.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds; the generous timeout only bounds a broken test, it measures nothing. */
public final class Eventually {
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) {
    await(what, condition, () -> "");
  }

  public static void await(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " " + state.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
