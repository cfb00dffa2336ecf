package io.cordon.domain.alarm;

import java.time.Duration;

/**
 * What raised an alarm, with the defaults a monitoring room expects: its source family, its default
 * severity and whether it is about the site (an intruder, a fire) or about equipment (a dead camera).
 */
public enum AlarmType {
  PERIMETER_INTRUSION(Family.PERIMETER, Severity.MAJOR),
  VIDEO_INTRUSION(Family.VIDEO, Severity.MAJOR),
  LINE_CROSSING(Family.VIDEO, Severity.MAJOR),
  LOITERING(Family.VIDEO, Severity.MINOR),
  CROWDING(Family.VIDEO, Severity.MAJOR),
  VEHICLE_LINGERING(Family.VIDEO, Severity.MINOR),
  SMOKE_FIRE(Family.VIDEO, Severity.CRITICAL),
  LEFT_OBJECT(Family.VIDEO, Severity.MINOR),
  FORCED_PASSAGE(Family.GATE, Severity.CRITICAL),
  TAILGATING(Family.GATE, Severity.MAJOR),
  HAZMAT_DENIED(Family.GATE, Severity.MAJOR),
  VEHICLE_SPEEDING(Family.VEHICLE, Severity.MINOR),
  ROUTE_DEVIATION(Family.VEHICLE, Severity.MAJOR),
  FORBIDDEN_ZONE(Family.VEHICLE, Severity.CRITICAL),
  PARKING_ANOMALY(Family.VEHICLE, Severity.MINOR),
  DEVICE_OFFLINE(Family.DEVICE, Severity.MINOR),
  DEVICE_TAMPER(Family.DEVICE, Severity.MAJOR),
  DEVICE_FAULT(Family.DEVICE, Severity.MINOR),
  HEARTBEAT_MISSING(Family.DEVICE, Severity.INFO),
  MANUAL(Family.MANUAL, Severity.MAJOR);

  /** Where alarms of a type come from. */
  public enum Family {
    PERIMETER,
    VIDEO,
    GATE,
    VEHICLE,
    DEVICE,
    MANUAL
  }

  private final Family family;
  private final Severity defaultSeverity;

  AlarmType(Family family, Severity defaultSeverity) {
    this.family = family;
    this.defaultSeverity = defaultSeverity;
  }

  public Family family() {
    return family;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** Device-health types repeat while the device stays broken; a site alarm re-fires on new activity. */
  public Duration defaultReactivationWindow() {
    return family == Family.DEVICE ? Duration.ofMinutes(30) : Duration.ofMinutes(2);
  }
}
