package io.cordon.domain.track.rules;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A (multi)polygon in the metric plane as flat coordinate arrays: point-in-area by even-odd ray
 * casting behind an envelope check, without allocating. Zones and lots have a handful of vertices,
 * so a scan beats building an index per polygon.
 */
final class PlanarArea {
  static final PlanarArea EMPTY = new PlanarArea(List.of());

  private final double[][] rings;
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;

  private PlanarArea(List<double[]> rings) {
    this.rings = rings.toArray(new double[0][]);
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (double[] r : this.rings) {
      for (int i = 0; i < r.length; i += 2) {
        x0 = Math.min(x0, r[i]);
        x1 = Math.max(x1, r[i]);
        y0 = Math.min(y0, r[i + 1]);
        y1 = Math.max(y1, r[i + 1]);
      }
    }
    minX = x0;
    minY = y0;
    maxX = x1;
    maxY = y1;
  }

  /** The polygons of a metric geometry (other parts ignored); empty geometry gives {@link #EMPTY}. */
  static PlanarArea of(Geometry metric) {
    List<double[]> rings = new ArrayList<>();
    for (int i = 0; i < metric.getNumGeometries(); i++) {
      if (metric.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        rings.add(flat(p.getExteriorRing()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          rings.add(flat(p.getInteriorRingN(h)));
        }
      }
    }
    return rings.isEmpty() ? EMPTY : new PlanarArea(rings);
  }

  private static double[] flat(LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    double[] xy = new double[cs.length * 2];
    for (int i = 0; i < cs.length; i++) {
      xy[2 * i] = cs[i].x;
      xy[2 * i + 1] = cs[i].y;
    }
    return xy;
  }

  boolean isEmpty() {
    return rings.length == 0;
  }

  boolean contains(double x, double y) {
    if (x < minX || x > maxX || y < minY || y > maxY) {
      return false;
    }
    boolean inside = false;
    for (double[] r : rings) {
      int n = r.length / 2;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        double xi = r[2 * i];
        double yi = r[2 * i + 1];
        double xj = r[2 * j];
        double yj = r[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  /** Distance to the nearest edge, metres (for readings, not the hot path). */
  double distanceToEdge(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] r : rings) {
      for (int i = 0; i + 3 < r.length; i += 2) {
        best = Math.min(best, SegmentIndex.pointToSegment(x, y, r[i], r[i + 1], r[i + 2], r[i + 3]));
      }
    }
    return best;
  }
}
