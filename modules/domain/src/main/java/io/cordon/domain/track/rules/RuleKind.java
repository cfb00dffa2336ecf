package io.cordon.domain.track.rules;

import io.cordon.domain.alarm.AlarmType;

/** The rules applied to a vehicle's track, with the alarm type each raises in the alarm center. */
public enum RuleKind {
  /** 路线偏离: off the permit's route corridor. */
  ROUTE_DEVIATION(AlarmType.ROUTE_DEVIATION),
  /** 超速: above the road segment's limit plus tolerance. */
  OVERSPEED(AlarmType.VEHICLE_SPEEDING),
  /** Inside a core control zone the permit does not authorise (§6.4 a). */
  FORBIDDEN_ZONE(AlarmType.FORBIDDEN_ZONE),
  /** 滞留: stopped outside loading points and parking lots. */
  LINGERING(AlarmType.PARKING_ANOMALY),
  /** In the park before the permit's time window opens (限时). */
  OUTSIDE_TIME_WINDOW(AlarmType.PARKING_ANOMALY),
  /** Still in the park well after the window closed or the exit was confirmed. */
  OVERSTAY(AlarmType.PARKING_ANOMALY),
  /** No valid fix for a while inside the park. */
  SIGNAL_LOST(AlarmType.DEVICE_OFFLINE),
  /** The terminal's own alarm bits; the alarm type depends on the bit ({@link TerminalAlarm#alarmType()}). */
  TERMINAL_ALARM(AlarmType.DEVICE_TAMPER);

  private final AlarmType alarmType;

  RuleKind(AlarmType alarmType) {
    this.alarmType = alarmType;
  }

  /** The closest alarm type the alarm center knows today. */
  public AlarmType alarmType() {
    return alarmType;
  }
}
