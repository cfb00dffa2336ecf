package io.cordon.map;

/** What the operator can switch on and off; bottom to top in drawing order. */
public enum LayerKind {
  TILES,
  ZONES,
  ROADS,
  PERIMETER,
  SENSORS,
  PARKING,
  ENTERPRISES,
  CAMERAS,
  GATES,
  LABELS,
  TRAILS,
  VEHICLES,
  ALARMS
}
