package io.cordon.devices.sensor;

import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated sensor report, enriched from the park model (segment and position), ready to be
 * journaled. {@code requestId} is the device's idempotency key, unique per {@code reporter}.
 *
 * @param reporter the device account that sent the report, empty when unknown
 * @param lon WGS84 longitude of the sensor, degrees
 * @param lat WGS84 latitude of the sensor, degrees
 * @param detail free text from the device, empty when none
 */
public record SensorObservation(
    String requestId,
    String reporter,
    SensorId sensorId,
    SensorType sensorType,
    SegmentId segmentId,
    ObservationKind kind,
    Instant observedAt,
    double lon,
    double lat,
    String detail) {

  public SensorObservation {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(sensorType, "sensorType");
    Objects.requireNonNull(segmentId, "segmentId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(observedAt, "observedAt");
    detail = detail == null ? "" : detail;
  }

  /** The journal event type, e.g. {@code sensor.heartbeat}. */
  public String eventType() {
    return kind.eventType();
  }

  /** One line for event lists, in the server's words. */
  public String summary() {
    String line = kind.label() + " at sensor " + sensorId + " on segment " + segmentId;
    return detail.isEmpty() ? line : line + ": " + detail;
  }

  /** Type-specific details for the journal. */
  public Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sensor_type", sensorType.name());
    if (!detail.isEmpty()) {
      attributes.put("detail", detail);
    }
    return attributes;
  }
}
