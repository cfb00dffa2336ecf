package io.cordon.server.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Caps how many password checks run at once. Every check (the decoy for an unknown user too)
 * runs Argon2 with {@link PasswordHasher#MEMORY_KIB} of memory, so a flood of logins could
 * otherwise exhaust the heap; a caller that finds every permit taken for {@code wait} is turned
 * away rather than queued.
 */
public final class PasswordCheckLimiter {

  /** 4 × 19 MiB at most, whatever the number of callers. */
  public static final int DEFAULT_PERMITS = 4;
  public static final Duration DEFAULT_WAIT = Duration.ofMillis(200);

  private final Semaphore permits;
  private final Duration wait;

  public PasswordCheckLimiter(int permits, Duration wait) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be positive");
    }
    this.permits = new Semaphore(permits, true);
    this.wait = wait;
  }

  public static PasswordCheckLimiter withDefaults() {
    return new PasswordCheckLimiter(DEFAULT_PERMITS, DEFAULT_WAIT);
  }

  /**
   * Runs the check when a permit frees up within the wait.
   *
   * @return the check's result, or empty when too many checks are running (nothing was run)
   */
  public <T> Optional<T> tryRun(Supplier<T> check) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (!acquired) {
      return Optional.empty();
    }
    try {
      return Optional.of(check.get());
    } finally {
      permits.release();
    }
  }
}
