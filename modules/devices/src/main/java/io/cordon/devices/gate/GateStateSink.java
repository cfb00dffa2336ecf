package io.cordon.devices.gate;

/**
 * Where accepted gate state reports go: the server keeps the current state of every gate and
 * journals each change. Implementations commit before returning and are idempotent on {@link
 * GateStateObservation#requestId()} within its {@link GateStateObservation#reporter()}.
 */
@FunctionalInterface
public interface GateStateSink {

  /**
   * Commits the report.
   *
   * @return the journal seq of the state-change event that recorded the reported state (a new one
   *     when the report changed the state, the earlier one otherwise)
   * @throws IllegalArgumentException when the store refuses the report's data; the same report
   *     would fail again, so the device is told not to retry
   * @throws RuntimeException when it could not be committed for now; the device may retry
   */
  long record(GateStateObservation observation);
}
