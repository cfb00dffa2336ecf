package io.cordon.map;

/** The kinds of things on the map an operator can hover, select, search and focus. */
public enum FeatureKind {
  ZONE,
  PERIMETER_SEGMENT,
  ROAD,
  GATE,
  CAMERA,
  SENSOR,
  PARKING_LOT,
  ENTERPRISE,
  VEHICLE,
  ALARM,
  /** A bare position, e.g. an alarm location without a park feature. */
  POINT
}
