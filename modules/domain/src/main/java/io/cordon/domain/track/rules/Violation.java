package io.cordon.domain.track.rules;

import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One violation of a rule by a vehicle, as it started.
 *
 * @param terminalAlarm the alarm bit, for {@link RuleKind#TERMINAL_ALARM} only
 * @param place where the vehicle was when the violation was detected
 * @param startedAt when the condition began to hold (before the minimum duration ran)
 * @param detectedAt the fix or tick that confirmed it
 * @param detail one line for people, e.g. "142 m off route R-1/R-2 (more than 100 m for 30 s)"
 */
public record Violation(VehicleKey vehicle, RuleKind rule, Optional<TerminalAlarm> terminalAlarm, Place place,
    Reading reading, Instant startedAt, Instant detectedAt, String detail) {

  public Violation {
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(terminalAlarm, "terminalAlarm");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(detail, "detail");
    if (terminalAlarm.isPresent() != (rule == RuleKind.TERMINAL_ALARM)) {
      throw new IllegalArgumentException("a terminal alarm bit goes with TERMINAL_ALARM only");
    }
  }

  /** The alarm type to raise. */
  public AlarmType alarmType() {
    return terminalAlarm.map(TerminalAlarm::alarmType).orElse(rule.alarmType());
  }

  /** The severity to raise with, when it differs from the type's default (terminal alarms); else empty. */
  public Optional<Severity> severity() {
    return terminalAlarm.map(TerminalAlarm::severity);
  }

  /** What identifies this violation while it lasts: the rule, and the bit for terminal alarms. */
  public String key() {
    return terminalAlarm.map(a -> rule + ":" + a).orElse(rule.name());
  }
}
