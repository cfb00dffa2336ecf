package io.cordon.server.alarm;

import io.cordon.devices.alarm.ReceivedAlarmReport;
import java.time.Instant;
import java.util.Optional;

/**
 * Alarms whose source also says when their condition ends (issue 8: track rule violations, the
 * parking lot's overflow and overstay). Blocking calls: use them off event loops.
 */
public interface ConditionAlarmSink {

  /**
   * Commits the report like {@link io.cordon.devices.alarm.AlarmReportSink#record} and returns the
   * id of the alarm it raised or was counted on; empty when a snooze held it (or the request id was
   * recorded before).
   *
   * @throws IllegalArgumentException when the store refuses the data (never retry it)
   */
  Optional<String> raise(ReceivedAlarmReport report);

  /**
   * The condition of that alarm ended at {@code at}: sets its {@code condition_ended_at} with a
   * "condition_ended" transition by "system". Does nothing for an alarm already closed.
   */
  void conditionEnded(String alarmId, Instant at, String note);
}
