package io.cordon.domain.track.rules;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Line segments in the metric plane behind a JTS STRtree, so the nearest segment to a fix costs
 * O(segments nearby), not O(all roads). Built once, then only read: safe to share across threads.
 * Each segment remembers the line it came from ({@link #owner}).
 */
final class SegmentIndex {
  private final double[] seg; // x1, y1, x2, y2 per segment
  private final int[] owner;
  private final STRtree tree = new STRtree();

  /** Segments of the metric lines; {@code owner(i)} is the index in {@code lines} of segment i's line. */
  SegmentIndex(List<LineString> lines) {
    int count = 0;
    for (LineString line : lines) {
      count += Math.max(0, line.getNumPoints() - 1);
    }
    seg = new double[count * 4];
    owner = new int[count];
    int s = 0;
    for (int l = 0; l < lines.size(); l++) {
      Coordinate[] cs = lines.get(l).getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++, s++) {
        seg[4 * s] = cs[i].x;
        seg[4 * s + 1] = cs[i].y;
        seg[4 * s + 2] = cs[i + 1].x;
        seg[4 * s + 3] = cs[i + 1].y;
        owner[s] = l;
        tree.insert(new Envelope(cs[i], cs[i + 1]), Integer.valueOf(s));
      }
    }
    tree.build(); // build before sharing: queries on a built tree only read
  }

  boolean isEmpty() {
    return owner.length == 0;
  }

  int owner(int segment) {
    return owner[segment];
  }

  /**
   * The segment nearest to (x, y) within {@code radius} metres, or -1; its distance is left in
   * {@code probe.distance}. Allocation-free: the probe is the caller's scratch.
   */
  int nearest(double x, double y, double radius, NearestSegment probe) {
    probe.begin(this, x, y, radius);
    if (!isEmpty()) {
      probe.envelope.init(x - radius, x + radius, y - radius, y + radius);
      tree.query(probe.envelope, probe);
    }
    return probe.best;
  }

  double distance(int segment, double x, double y) {
    int i = 4 * segment;
    return pointToSegment(x, y, seg[i], seg[i + 1], seg[i + 2], seg[i + 3]);
  }

  /** Distance to the nearest segment, scanning all (readings only, not per fix). */
  double distanceToAll(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (int s = 0; s < owner.length; s++) {
      best = Math.min(best, distance(s, x, y));
    }
    return best;
  }

  static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    double cx = ax + t * dx - px;
    double cy = ay + t * dy - py;
    return Math.sqrt(cx * cx + cy * cy);
  }
}
