package io.cordon.map.plan;

/**
 * From which scale (pixels per metre) the plan shows its details. Absolute scales, so that the
 * same detail appears at the same real-world zoom whatever the window size: the sample park
 * (about 5 km wide) fits a full-HD map at about 0.3 px/m.
 */
final class PlanZoom {
  /** Perimeter sensors: one every few dozen metres would blur into the perimeter line below this. */
  static final double SENSORS_FROM = 0.45;
  /** Road names and speed-limit signs. */
  static final double ROAD_DETAILS_FROM = 0.5;
  /** Enterprises' loading points. */
  static final double LOADING_POINTS_FROM = 1.0;
  /** Camera names; the cameras themselves are always drawn. */
  static final double CAMERA_LABELS_FROM = 1.6;

  /** A camera's field-of-view wedge covers this many metres, clamped in pixels. */
  static final double CAMERA_WEDGE_METRES = 60;
  static final double CAMERA_WEDGE_MIN_PX = 9;
  static final double CAMERA_WEDGE_MAX_PX = 70;

  private PlanZoom() {}

  static double cameraWedgePx(double scale) {
    return Math.max(CAMERA_WEDGE_MIN_PX, Math.min(CAMERA_WEDGE_MAX_PX, CAMERA_WEDGE_METRES * scale));
  }
}
