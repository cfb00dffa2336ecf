package io.cordon.devices.alarm;

/** Where accepted alarm reports go: the server journals them before the device is answered. */
public interface AlarmReportSink {

  /**
   * Commits the report, idempotent on (reporter, request id), and returns the journal seq that
   * recorded it (the earlier one for a repeated request id).
   *
   * @throws IllegalArgumentException when the store refuses the data (never retry it)
   */
  long record(ReceivedAlarmReport report);
}
