package io.cordon.server.alarm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits, on an intake thread, for the alarm center to commit a report. */
final class CenterCalls {

  /** Longer than any healthy round; a device whose call gives up retries with the same request id. */
  static final long TIMEOUT_SECONDS = 10;

  private CenterCalls() {
  }

  /**
   * The result, or the center's failure rethrown as it was (an {@link IllegalArgumentException} means
   * the report can never be stored; anything else, retry).
   */
  static <T> T await(CompletableFuture<T> result) {
    try {
      return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the alarm center recorded a report", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the alarm center did not record the report within " + TIMEOUT_SECONDS
          + " s", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the alarm center could not record the report", e.getCause());
    }
  }
}
