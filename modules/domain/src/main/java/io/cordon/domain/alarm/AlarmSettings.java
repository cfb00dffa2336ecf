package io.cordon.domain.alarm;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alarm-fatigue and SLA windows (all configurable; the defaults follow the reference proposal's
 * "respond within 1 minute").
 *
 * @param reactivationWindows per type: a repeat of the same source within this window of the open
 *     alarm's last report is counted on it instead of raising a new one (types not listed use
 *     {@link AlarmType#defaultReactivationWindow()})
 * @param burstWindow alarms of one type raised within this time of each other …
 * @param burstRadiusMetres … and within this distance form one incident
 * @param adjacentSegmentWindow perimeter alarms on the same or touching segments within this time form one incident
 * @param escalateBySeverity an unacknowledged alarm of this severity escalates after this long
 * @param escalateByType per-type overrides of {@code escalateBySeverity}
 * @param autoAcknowledgeInfoAfter info alarms are acknowledged by the system after this long; empty = never
 */
public record AlarmSettings(
    Map<AlarmType, Duration> reactivationWindows,
    Duration burstWindow,
    double burstRadiusMetres,
    Duration adjacentSegmentWindow,
    Map<Severity, Duration> escalateBySeverity,
    Map<AlarmType, Duration> escalateByType,
    Optional<Duration> autoAcknowledgeInfoAfter) {

  public AlarmSettings {
    reactivationWindows = Map.copyOf(reactivationWindows);
    Objects.requireNonNull(burstWindow, "burstWindow");
    Objects.requireNonNull(adjacentSegmentWindow, "adjacentSegmentWindow");
    escalateBySeverity = Map.copyOf(escalateBySeverity);
    escalateByType = Map.copyOf(escalateByType);
    Objects.requireNonNull(autoAcknowledgeInfoAfter, "autoAcknowledgeInfoAfter");
  }

  /** Critical alarms escalate after 60 s, major after 5 min; info alarms acknowledge themselves after 2 min. */
  public static AlarmSettings defaults() {
    Map<Severity, Duration> escalate = new EnumMap<>(Severity.class);
    escalate.put(Severity.CRITICAL, Duration.ofSeconds(60));
    escalate.put(Severity.MAJOR, Duration.ofMinutes(5));
    return new AlarmSettings(Map.of(), Duration.ofSeconds(10), 300, Duration.ofSeconds(60), escalate, Map.of(),
        Optional.of(Duration.ofMinutes(2)));
  }

  public Duration reactivationWindow(AlarmType type) {
    return reactivationWindows.getOrDefault(type, type.defaultReactivationWindow());
  }

  /** How long an alarm may wait unacknowledged before it escalates; empty = it never escalates. */
  public Optional<Duration> escalateAfter(AlarmType type, Severity severity) {
    Duration byType = escalateByType.get(type);
    return byType != null ? Optional.of(byType) : Optional.ofNullable(escalateBySeverity.get(severity));
  }
}
