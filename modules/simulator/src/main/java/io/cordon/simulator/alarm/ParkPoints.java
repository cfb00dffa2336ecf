package io.cordon.simulator.alarm;

import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Polygon;
import io.cordon.api.v1.Road;
import java.util.List;
import java.util.Random;

/** Points of the park plan where a vehicle can be: on a road, inside a lot or zone. */
final class ParkPoints {

  private static final double METRES_PER_DEGREE = 111_320;

  private ParkPoints() {
  }

  /** Approximate ground distance, good enough within a park. */
  static double metresBetween(LonLat a, LonLat b) {
    double cosLat = Math.cos(Math.toRadians((a.getLat() + b.getLat()) / 2));
    double dx = (a.getLon() - b.getLon()) * METRES_PER_DEGREE * cosLat;
    double dy = (a.getLat() - b.getLat()) * METRES_PER_DEGREE;
    return Math.hypot(dx, dy);
  }

  /** A uniformly drawn point along the road's line. */
  static LonLat onRoad(Road road, Random random) {
    List<LonLat> points = road.getLine().getPointsList();
    if (points.size() == 1) {
      return points.get(0);
    }
    double[] lengths = new double[points.size() - 1];
    double total = 0;
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = metresBetween(points.get(i), points.get(i + 1));
      total += lengths[i];
    }
    double at = random.nextDouble() * total;
    for (int i = 0; i < lengths.length; i++) {
      if (at <= lengths[i] || i == lengths.length - 1) {
        double t = lengths[i] == 0 ? 0 : Math.min(1, at / lengths[i]);
        LonLat a = points.get(i);
        LonLat b = points.get(i + 1);
        return Protos.lonLat(a.getLon() + t * (b.getLon() - a.getLon()), a.getLat() + t * (b.getLat() - a.getLat()));
      }
      at -= lengths[i];
    }
    return points.get(points.size() - 1);
  }

  /** The mean of the outer ring's vertices (inside for the park's convex lots), or null for an empty polygon. */
  static LonLat centre(Polygon polygon) {
    if (polygon.getRingsCount() == 0 || polygon.getRings(0).getPointsCount() == 0) {
      return null;
    }
    List<LonLat> ring = polygon.getRings(0).getPointsList();
    int n = ring.size();
    if (n > 1 && ring.get(0).equals(ring.get(n - 1))) {
      n--; // closed ring: count the repeated first vertex once
    }
    double lon = 0;
    double lat = 0;
    for (int i = 0; i < n; i++) {
      lon += ring.get(i).getLon();
      lat += ring.get(i).getLat();
    }
    return Protos.lonLat(lon / n, lat / n);
  }

  /** Whether the point lies inside the polygon's outer ring and outside its holes (even-odd rule). */
  static boolean inside(Polygon polygon, LonLat point) {
    if (polygon.getRingsCount() == 0 || !inside(polygon.getRings(0), point)) {
      return false;
    }
    for (int i = 1; i < polygon.getRingsCount(); i++) {
      if (inside(polygon.getRings(i), point)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inside(LinearRing ring, LonLat point) {
    boolean inside = false;
    List<LonLat> p = ring.getPointsList();
    for (int i = 0, j = p.size() - 1; i < p.size(); j = i++) {
      double yi = p.get(i).getLat();
      double yj = p.get(j).getLat();
      if ((yi > point.getLat()) != (yj > point.getLat())) {
        double x = p.get(j).getLon() + (point.getLat() - yj) / (yi - yj) * (p.get(i).getLon() - p.get(j).getLon());
        if (point.getLon() < x) {
          inside = !inside;
        }
      }
    }
    return inside;
  }
}
