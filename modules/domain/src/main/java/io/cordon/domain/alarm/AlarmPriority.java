package io.cordon.domain.alarm;

import io.cordon.domain.park.ZoneClass;
import java.time.Duration;

/**
 * The order of the alarm queue: severity × zone class, then age. Severity dominates (a critical
 * alarm in the general area still outranks a major one in a core area), the zone class orders
 * alarms of one severity (an intrusion at a core area outranks one at the general area), and an
 * alarm that waits unacknowledged climbs slowly so it is never buried by newer ones of its class.
 */
public final class AlarmPriority {

  /** Waiting adds one point a minute, at most this many: less than the gap between zone classes. */
  static final long MAX_AGE_POINTS = 30;

  private AlarmPriority() {
  }

  /** Higher is more urgent. {@code waiting} is the time since it was raised while still unacknowledged. */
  public static long score(Severity severity, ZoneClass zoneClass, Duration waiting) {
    long base = severityWeight(severity) * zoneWeight(zoneClass);
    long age = waiting.isNegative() ? 0 : Math.min(MAX_AGE_POINTS, waiting.toMinutes());
    return base + age;
  }

  private static long severityWeight(Severity severity) {
    switch (severity) {
      case CRITICAL:
        return 100_000;
      case MAJOR:
        return 10_000;
      case MINOR:
        return 1_000;
      default:
        return 100;
    }
  }

  /** Core 3, key 2, general 1: within one severity the gap (≥ 100) exceeds the age bonus. */
  private static long zoneWeight(ZoneClass zoneClass) {
    switch (zoneClass) {
      case CORE:
        return 3;
      case KEY:
        return 2;
      default:
        return 1;
    }
  }
}
