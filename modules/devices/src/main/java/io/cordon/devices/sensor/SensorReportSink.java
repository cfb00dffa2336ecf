package io.cordon.devices.sensor;

/**
 * Where accepted sensor observations go: the server implements it on the event journal.
 * Implementations commit before returning and are idempotent on {@link
 * SensorObservation#requestId()} within its {@link SensorObservation#reporter()}: recording the
 * same request id again returns the original sequence number and records nothing new.
 */
@FunctionalInterface
public interface SensorReportSink {

  /**
   * Commits the observation.
   *
   * @return the journal sequence number of the recorded (or previously recorded) event
   * @throws IllegalArgumentException when the store refuses the observation's data; the same
   *     report would fail again, so the device is told not to retry
   * @throws RuntimeException when it could not be committed for now; the device may retry
   */
  long record(SensorObservation observation);

  /**
   * Commits several observations of one call; the sequence numbers in their order. Implementations
   * may share transactions between them; the default records them one by one.
   */
  default java.util.List<Long> recordAll(java.util.List<SensorObservation> observations) {
    return observations.stream().map(this::record).toList();
  }
}
