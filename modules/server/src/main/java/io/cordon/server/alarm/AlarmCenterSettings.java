package io.cordon.server.alarm;

import io.cordon.domain.alarm.AlarmSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The alarm center's configuration.
 *
 * @param rules the domain's fatigue and SLA windows
 * @param heartbeatTimeout a sensor silent this long raises HEARTBEAT_MISSING
 * @param closedRetention closed alarms stay in the live queue (and its snapshots) this long
 * @param tick how often timers (escalation, auto-acknowledge, forwards, snoozes, heartbeats) are checked
 */
public record AlarmCenterSettings(AlarmSettings rules, Duration heartbeatTimeout, Duration closedRetention,
    Duration tick) {

  public AlarmCenterSettings {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(closedRetention, "closedRetention");
    Objects.requireNonNull(tick, "tick");
  }

  public static AlarmCenterSettings defaults() {
    return new AlarmCenterSettings(AlarmSettings.defaults(), Duration.ofMinutes(3), Duration.ofHours(1),
        Duration.ofMillis(500));
  }

  public AlarmCenterSettings withRules(AlarmSettings newRules) {
    return new AlarmCenterSettings(newRules, heartbeatTimeout, closedRetention, tick);
  }

  public AlarmCenterSettings withHeartbeatTimeout(Duration timeout) {
    return new AlarmCenterSettings(rules, timeout, closedRetention, tick);
  }
}
