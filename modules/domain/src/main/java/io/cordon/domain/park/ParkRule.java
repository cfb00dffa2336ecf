package io.cordon.domain.park;

/**
 * A rule a park plan must keep. Each has a short stable code that appears in every violation
 * message. The first group is checked by {@link ParkValidator} on the model (guideline §7.1,
 * DESIGN §7); the second by readers of park files before a model exists.
 */
public enum ParkRule {
  // --- model rules (ParkValidator) ---
  /** The park version is at least 1 (0 means "no park" on the wire). */
  PARK_VERSION_POSITIVE("park-version"),
  /** Every feature id is unique among the features of its kind (lanes within their gate…). */
  UNIQUE_ID("unique-id"),
  /** The perimeter segments, in order, each start where the previous one ends: a closed ring. */
  PERIMETER_CLOSED("perimeter-closed"),
  /** The perimeter ring does not cross or touch itself. */
  PERIMETER_SIMPLE("perimeter-simple"),
  /** A zone polygon is a valid polygon. */
  ZONE_VALID("zone-valid"),
  /** A zone lies inside the perimeter. */
  ZONE_INSIDE_PERIMETER("zone-inside-perimeter"),
  /** Zones of different classes do not overlap. */
  ZONE_OVERLAP("zone-overlap"),
  /** A gate sits on the perimeter. */
  GATE_ON_PERIMETER("gate-on-perimeter"),
  /** An internal checkpoint guards a core zone of the park and sits on its boundary (§5.2.2). */
  CHECKPOINT_ON_CORE_ZONE("checkpoint-on-core-zone"),
  /** A gate has at least one lane. */
  GATE_HAS_LANE("gate-has-lane"),
  /** An ordinary gate has no hazmat or hazwaste lane (§7.1.2.2 c). */
  ORDINARY_GATE_NO_DANGEROUS_GOODS("ordinary-gate-no-hazmat"),
  /** A dedicated gate has only hazmat and hazwaste lanes (§7.1.2.2 b). */
  DEDICATED_GATE_DANGEROUS_GOODS_ONLY("dedicated-gate-hazmat-only"),
  /** An emergency gate is normally closed (§7.1.2.2 d). */
  EMERGENCY_GATE_NORMALLY_CLOSED("emergency-gate-closed"),
  /** Only emergency gates are normally closed. */
  OTHER_GATE_NORMALLY_OPEN("gate-normally-open"),
  /** A sensor guards a perimeter segment that exists. */
  SENSOR_SEGMENT_EXISTS("sensor-segment"),
  /** A sensor stands on (near) the segment it guards. */
  SENSOR_ON_SEGMENT("sensor-on-segment"),
  /** A road has a positive speed limit. */
  ROAD_SPEED_LIMIT_POSITIVE("speed-limit"),
  /** A parking lot holds at least one vehicle. */
  PARKING_CAPACITY_POSITIVE("parking-capacity"),

  // --- file rules (readers) ---
  /** The file is not JSON, or not a GeoJSON FeatureCollection with park metadata. */
  FILE_FORMAT("file-format"),
  /** A feature's properties.kind is missing or unknown. */
  FEATURE_KIND("feature-kind"),
  /** A required property is missing or has the wrong type or value. */
  FEATURE_PROPERTY("feature-property"),
  /** A feature's geometry is missing or of the wrong type for its kind. */
  GEOMETRY_TYPE("geometry-type"),
  /** A polygon ring is not closed or too short. */
  RING_CLOSED("ring-closed"),
  /** A coordinate is not a WGS84 longitude/latitude pair. */
  COORDINATE_RANGE("coordinate-range");

  private final String code;

  ParkRule(String code) {
    this.code = code;
  }

  /** The short, stable code shown in messages, e.g. {@code ordinary-gate-no-hazmat}. */
  public String code() {
    return code;
  }
}
