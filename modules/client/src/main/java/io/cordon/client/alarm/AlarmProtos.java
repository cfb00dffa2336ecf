package io.cordon.client.alarm;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.domain.alarm.AlarmPriority;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.park.ZoneClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads the contract's alarm messages in domain terms (severity, zone class, priority, times). */
public final class AlarmProtos {
  private AlarmProtos() {}

  /** The domain severity; an unspecified one counts as INFO (the least urgent). */
  public static Severity severity(AlarmSeverity severity) {
    switch (severity) {
      case ALARM_SEVERITY_CRITICAL:
        return Severity.CRITICAL;
      case ALARM_SEVERITY_MAJOR:
        return Severity.MAJOR;
      case ALARM_SEVERITY_MINOR:
        return Severity.MINOR;
      default:
        return Severity.INFO;
    }
  }

  public static AlarmSeverity toProto(Severity severity) {
    return AlarmSeverity.valueOf("ALARM_SEVERITY_" + severity.name());
  }

  /** The class of the zone the alarm lies in; GENERAL outside every zone. */
  public static ZoneClass zoneClass(Alarm alarm) {
    switch (alarm.getLocation().getZoneClass()) {
      case ZONE_CLASS_CORE:
        return ZoneClass.CORE;
      case ZONE_CLASS_KEY:
        return ZoneClass.KEY;
      default:
        return ZoneClass.GENERAL;
    }
  }

  /** Not yet resolved: still needs someone (NEW … ON_SITE). */
  public static boolean isOpen(AlarmState state) {
    return state == AlarmState.ALARM_STATE_NEW
        || state == AlarmState.ALARM_STATE_ACKNOWLEDGED
        || state == AlarmState.ALARM_STATE_DISPATCHED
        || state == AlarmState.ALARM_STATE_ON_SITE;
  }

  /** How long it has waited for someone to take it: now − first_at while NEW, else zero. */
  public static Duration waiting(Alarm alarm, Instant now) {
    if (alarm.getState() != AlarmState.ALARM_STATE_NEW || !alarm.hasFirstAt()) {
      return Duration.ZERO;
    }
    Duration waited = Duration.between(instant(alarm.getFirstAt()), now);
    return waited.isNegative() ? Duration.ZERO : waited;
  }

  /** The queue's order key: higher is more urgent (domain {@link AlarmPriority}). */
  public static long priority(Alarm alarm, Instant now) {
    return AlarmPriority.score(severity(alarm.getSeverity()), zoneClass(alarm), waiting(alarm, now));
  }

  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  public static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** Time left to acknowledge before it escalates (negative when overdue); empty once acknowledged. */
  public static Optional<Duration> slaRemaining(Alarm alarm, Instant now) {
    if (!alarm.hasAckDue() || alarm.getState() != AlarmState.ALARM_STATE_NEW) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, instant(alarm.getAckDue())));
  }
}
