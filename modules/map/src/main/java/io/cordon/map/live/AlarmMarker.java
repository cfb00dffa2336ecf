package io.cordon.map.live;

import io.cordon.domain.alarm.Severity;
import java.util.Objects;

/**
 * An active alarm as the map shows it: a pulsing marker coloured by severity.
 *
 * @param id the alarm id
 * @param severity decides colour and pulse
 * @param lon WGS84 longitude, degrees
 * @param lat WGS84 latitude, degrees
 * @param label what the tooltip and search show (type and place, localised by the caller)
 * @param raisedAtMillis when it was raised, epoch milliseconds
 */
public record AlarmMarker(String id, Severity severity, double lon, double lat, String label, long raisedAtMillis) {
  public AlarmMarker {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(label, "label");
  }
}
