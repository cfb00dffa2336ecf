package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.SensorReport;
import java.time.Duration;

/** One device report to send {@link #after()} its episode began, complete with request id and time. */
sealed interface PlannedReport {

  Duration after();

  String requestId();

  /** A perimeter sensor's report, for {@code SensorIngestService.Report}. */
  record ToSensorIngest(Duration after, SensorReport report) implements PlannedReport {
    @Override
    public String requestId() {
      return report.getRequestId();
    }
  }

  /** A video, gate, vehicle or device-health alarm, for {@code AlarmIngestService.Raise}. */
  record ToAlarmIngest(Duration after, AlarmReport report) implements PlannedReport {
    @Override
    public String requestId() {
      return report.getRequestId();
    }
  }
}
