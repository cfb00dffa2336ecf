package io.cordon.client.track;

import java.time.Instant;
import java.util.Map;

/**
 * A rule the vehicle breaks now, as the panel lists it.
 *
 * @param rule RuleKind name, e.g. "OVERSPEED"
 * @param alarmType AlarmType name without its prefix, e.g. "VEHICLE_SPEEDING"
 * @param since when it started
 * @param place road, zone or area name where it started, may be empty
 * @param parameters the rule's parameters and measures, sorted by name
 * @param alarmId the alarm raised for it, may be empty
 */
public record ViolationLine(String rule, String alarmType, Instant since, String place,
    Map<String, String> parameters, String alarmId) {

  /** "limit_kmh=40, speed_kmh=58": the parameters in one line. */
  public String parametersText() {
    StringBuilder text = new StringBuilder();
    parameters.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return text.toString();
  }
}
