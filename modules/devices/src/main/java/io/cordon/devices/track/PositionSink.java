package io.cordon.devices.track;

/**
 * Where accepted position batches go: the server stores them in its positions table and then
 * shows them live. Implementations commit the whole batch (or nothing) before returning and are
 * idempotent on {@link PositionReport#requestId()} within its {@link PositionReport#reporter()}.
 */
@FunctionalInterface
public interface PositionSink {

  /**
   * Commits the batch.
   *
   * @throws IllegalArgumentException when the store refuses the data; the same batch would fail
   *     again, so the device is told not to retry
   * @throws RuntimeException when it could not be committed for now; the device may retry
   */
  BatchReceipt accept(PositionReport report);
}
