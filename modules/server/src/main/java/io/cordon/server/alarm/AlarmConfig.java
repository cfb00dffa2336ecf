package io.cordon.server.alarm;

import io.cordon.domain.alarm.AlarmSettings;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the alarm windows from the server's settings (file key, or environment variable):
 * <pre>
 * alarm.escalate.critical   CORDON_ALARM_ESCALATE_CRITICAL   PT60S  (also .major, .minor, .info; "off" = never)
 * alarm.escalate.type.SMOKE_FIRE                              per-type override (file only)
 * alarm.reactivation.PERIMETER_INTRUSION                      per-type repeat window (file only)
 * alarm.burst-window        CORDON_ALARM_BURST_WINDOW        PT10S
 * alarm.burst-radius-m      CORDON_ALARM_BURST_RADIUS_M      300
 * alarm.adjacent-window     CORDON_ALARM_ADJACENT_WINDOW     PT60S
 * alarm.auto-ack.info       CORDON_ALARM_AUTO_ACK_INFO       PT2M   ("off" = never)
 * alarm.heartbeat-timeout   CORDON_ALARM_HEARTBEAT_TIMEOUT   PT3M
 * </pre>
 */
public final class AlarmConfig {

  private AlarmConfig() {
  }

  /**
   * @param settings looks a setting up by file key and environment name
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static AlarmCenterSettings read(BiFunction<String, String, Optional<String>> settings,
      AlarmCenterSettings defaults) {
    AlarmSettings d = defaults.rules();
    Map<Severity, Duration> escalate = new EnumMap<>(Severity.class);
    escalate.putAll(d.escalateBySeverity());
    for (Severity severity : Severity.values()) {
      String key = "alarm.escalate." + severity.name().toLowerCase();
      settings.apply(key, "CORDON_ALARM_ESCALATE_" + severity.name()).ifPresent(v -> {
        Optional<Duration> value = durationOrOff(key, v);
        if (value.isPresent()) {
          escalate.put(severity, value.get());
        } else {
          escalate.remove(severity);
        }
      });
    }
    Map<AlarmType, Duration> byType = new EnumMap<>(AlarmType.class);
    byType.putAll(d.escalateByType());
    Map<AlarmType, Duration> reactivation = new EnumMap<>(AlarmType.class);
    reactivation.putAll(d.reactivationWindows());
    for (AlarmType type : AlarmType.values()) {
      String escalateKey = "alarm.escalate.type." + type.name();
      settings.apply(escalateKey, "").ifPresent(v -> byType.put(type, duration(escalateKey, v)));
      String repeatKey = "alarm.reactivation." + type.name();
      settings.apply(repeatKey, "").ifPresent(v -> reactivation.put(type, duration(repeatKey, v)));
    }
    Duration burst = settings.apply("alarm.burst-window", "CORDON_ALARM_BURST_WINDOW")
        .map(v -> duration("alarm.burst-window", v)).orElse(d.burstWindow());
    double radius = settings.apply("alarm.burst-radius-m", "CORDON_ALARM_BURST_RADIUS_M")
        .map(v -> number("alarm.burst-radius-m", v)).orElse(d.burstRadiusMetres());
    Duration adjacent = settings.apply("alarm.adjacent-window", "CORDON_ALARM_ADJACENT_WINDOW")
        .map(v -> duration("alarm.adjacent-window", v)).orElse(d.adjacentSegmentWindow());
    Optional<Duration> autoAck = settings.apply("alarm.auto-ack.info", "CORDON_ALARM_AUTO_ACK_INFO")
        .map(v -> durationOrOff("alarm.auto-ack.info", v)).orElse(d.autoAcknowledgeInfoAfter());
    Duration heartbeat = settings.apply("alarm.heartbeat-timeout", "CORDON_ALARM_HEARTBEAT_TIMEOUT")
        .map(v -> duration("alarm.heartbeat-timeout", v)).orElse(defaults.heartbeatTimeout());
    AlarmSettings rules = new AlarmSettings(reactivation, burst, radius, adjacent, escalate, byType, autoAck);
    return defaults.withRules(rules).withHeartbeatTimeout(heartbeat);
  }

  private static Optional<Duration> durationOrOff(String key, String value) {
    return value.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(duration(key, value));
  }

  private static Duration duration(String key, String value) {
    try {
      Duration duration = Duration.parse(value.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(key + " must be positive, was " + value);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT60S, was " + value);
    }
  }

  private static double number(String key, String value) {
    try {
      double number = Double.parseDouble(value.trim());
      if (!(number > 0)) {
        throw new IllegalArgumentException(key + " must be positive, was " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was " + value);
    }
  }
}
