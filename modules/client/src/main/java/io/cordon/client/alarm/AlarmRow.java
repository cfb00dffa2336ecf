package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmState;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.park.ZoneClass;
import java.util.Objects;

/**
 * One row of the alarm queue: an alarm, or — when incidents are grouped — the most urgent alarm of
 * an incident standing for all of it, with the number of alarms the incident has in the queue.
 *
 * @param alarm the alarm shown (the incident's lead alarm when grouped)
 * @param priority {@link AlarmProtos#priority} when the queue was last sorted; higher = more urgent
 * @param incidentSize how many alarms of its incident the row stands for (1 when alone or ungrouped)
 */
public record AlarmRow(Alarm alarm, long priority, int incidentSize) {
  public AlarmRow {
    Objects.requireNonNull(alarm, "alarm");
    if (incidentSize < 1) {
      throw new IllegalArgumentException("incidentSize must be at least 1");
    }
  }

  public String id() {
    return alarm.getAlarmId();
  }

  public String incidentId() {
    return alarm.getIncidentId().isEmpty() ? alarm.getAlarmId() : alarm.getIncidentId();
  }

  public Severity severity() {
    return AlarmProtos.severity(alarm.getSeverity());
  }

  public ZoneClass zoneClass() {
    return AlarmProtos.zoneClass(alarm);
  }

  public AlarmState state() {
    return alarm.getState();
  }

  public boolean isNew() {
    return alarm.getState() == AlarmState.ALARM_STATE_NEW;
  }

  /** More than one alarm of one incident behind this row. */
  public boolean isGroup() {
    return incidentSize > 1;
  }
}
