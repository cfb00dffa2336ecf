package io.cordon.client.alarm;

import io.cordon.client.event.EventRow;
import io.cordon.domain.alarm.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * An alarm the map marks while it is active.
 *
 * @param id unique key (the journal sequence number of the event that raised it)
 * @param severity its severity
 * @param lon WGS84 longitude, degrees
 * @param lat WGS84 latitude, degrees
 * @param row the event that raised it, for labels and details
 * @param raisedAt when it was raised
 */
public record ActiveAlarm(String id, Severity severity, double lon, double lat, EventRow row, Instant raisedAt) {
  public ActiveAlarm {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(raisedAt, "raisedAt");
  }
}
