package io.cordon.map.plan;

/**
 * A line in local metres that can answer "where am I at this fraction of my length, and which
 * way do I run there" — for names and signs along roads.
 */
final class Polyline {
  private final double[] xy;
  private final double[] cumulative;

  Polyline(double[] xy) {
    this.xy = xy.clone();
    int n = xy.length / 2;
    cumulative = new double[Math.max(1, n)];
    for (int i = 1; i < n; i++) {
      cumulative[i] = cumulative[i - 1] + Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    }
  }

  double lengthM() {
    return cumulative[cumulative.length - 1];
  }

  /** The point at {@code fraction} (0–1) of the length: {x, y, angle of the segment in radians (east = 0, north = π/2)}. */
  double[] at(double fraction) {
    int n = xy.length / 2;
    if (n < 2) {
      return new double[] {xy.length > 0 ? xy[0] : 0, xy.length > 1 ? xy[1] : 0, 0};
    }
    double target = Math.max(0, Math.min(1, fraction)) * lengthM();
    int i = 1;
    while (i < n - 1 && cumulative[i] < target) {
      i++;
    }
    double segment = cumulative[i] - cumulative[i - 1];
    double t = segment == 0 ? 0 : (target - cumulative[i - 1]) / segment;
    double x0 = xy[2 * i - 2];
    double y0 = xy[2 * i - 1];
    double x1 = xy[2 * i];
    double y1 = xy[2 * i + 1];
    return new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0), Math.atan2(y1 - y0, x1 - x0)};
  }

  /** Screen rotation (clockwise degrees, y down) that lays text along a direction, never upside down. */
  static double readableRotation(double angleRad) {
    double deg = -Math.toDegrees(angleRad);
    while (deg > 90) {
      deg -= 180;
    }
    while (deg <= -90) {
      deg += 180;
    }
    return deg;
  }
}
