package io.cordon.map.plan;

/** Which label wins when two would overlap: the earlier constant is placed first. */
enum LabelPriority {
  EMERGENCY_GATE,
  GATE,
  ZONE,
  PARKING_LOT,
  ENTERPRISE,
  ROAD,
  CAMERA
}
