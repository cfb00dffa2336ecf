package io.cordon.domain.park;

/** Perimeter intrusion detectors. */
public enum SensorType {
  FENCE_VIBRATION,
  BURIED_CABLE,
  ELECTRONIC_FENCE,
  INFRARED
}
