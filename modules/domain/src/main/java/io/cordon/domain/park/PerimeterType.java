package io.cordon.domain.park;

/** What physically closes a stretch of the perimeter. */
public enum PerimeterType {
  WALL,
  FENCE,
  RIVER,
  ELECTRONIC_FENCE
}
