package io.cordon.map.live;

/** Pure screen-space helpers for trails: decimation and culling. */
final class TrailGeometry {
  private TrailGeometry() {}

  /**
   * Thins a trail in place (interleaved x, y in {@code xy}, an age bucket per point in
   * {@code buckets}) and returns how many points remain. A point is dropped when it is closer than
   * {@code minStepPx} to the last kept point, or when it lies within {@code straightPx} of the
   * straight line from the last kept point to the next one (vehicles mostly drive straight: a
   * five-minute trail along a road becomes a handful of points). The first and the last point are
   * always kept, so a trail starts where it started and reaches the vehicle; so is the first
   * point of every age bucket, so the fading stays where it was.
   */
  static int decimate(double[] xy, int[] buckets, int count, double minStepPx, double straightPx) {
    if (count <= 2) {
      return count;
    }
    double min2 = minStepPx * minStepPx;
    int kept = 1;
    for (int i = 1; i < count; i++) {
      double kx = xy[2 * (kept - 1)];
      double ky = xy[2 * (kept - 1) + 1];
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      boolean last = i == count - 1;
      boolean keep;
      if (last) {
        keep = true;
        double dx = x - kx;
        double dy = y - ky;
        if (kept > 1 && dx * dx + dy * dy < min2 && buckets[kept - 1] == buckets[i]) {
          kept--; // the last point replaces a kept point it is too close to
        }
      } else if (buckets[i] != buckets[kept - 1]) {
        keep = true;
      } else {
        double dx = x - kx;
        double dy = y - ky;
        keep = dx * dx + dy * dy >= min2
            && distanceToLine(x, y, kx, ky, xy[2 * i + 2], xy[2 * i + 3]) > straightPx;
      }
      if (keep) {
        xy[2 * kept] = x;
        xy[2 * kept + 1] = y;
        buckets[kept] = buckets[i];
        kept++;
      }
    }
    return kept;
  }

  /** Distance from (px, py) to the line through a and b (to a when a = b). */
  static double distanceToLine(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len = Math.hypot(dx, dy);
    if (len < 1e-9) {
      return Math.hypot(px - ax, py - ay);
    }
    return Math.abs((px - ax) * dy - (py - ay) * dx) / len;
  }

  /** True when the segment lies wholly beyond one edge of the 0..w × 0..h view grown by margin. */
  static boolean segmentOutside(double x0, double y0, double x1, double y1, double w, double h, double margin) {
    return (x0 < -margin && x1 < -margin)
        || (y0 < -margin && y1 < -margin)
        || (x0 > w + margin && x1 > w + margin)
        || (y0 > h + margin && y1 > h + margin);
  }
}
