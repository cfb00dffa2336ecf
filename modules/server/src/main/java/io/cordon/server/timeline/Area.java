package io.cordon.server.timeline;

import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Polygon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An area of a timeline: a WGS-84 polygon, its bounding box for the database's prefilter and a prepared
 * geometry for the exact test in Java (points on the edge count as inside).
 */
final class Area {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final PreparedGeometry shape;
  private final Envelope box;

  private Area(org.locationtech.jts.geom.Polygon polygon) {
    this.shape = PreparedGeometryFactory.prepare(polygon);
    this.box = polygon.getEnvelopeInternal();
  }

  /** A park zone's outline. */
  static Area of(org.locationtech.jts.geom.Polygon polygon) {
    return new Area(polygon);
  }

  /**
   * The requested polygon, checked: each ring at least 4 points, closed, coordinates in range; the whole a
   * valid polygon (no self-intersection). Refusals name the field under {@code field}.
   */
  static Area parse(Polygon polygon, String field) {
    if (polygon.getRingsCount() == 0) {
      throw RequestRefusal.invalid(field + ".rings", "an area needs an outline ring");
    }
    org.locationtech.jts.geom.LinearRing shell = ring(polygon.getRings(0), field + ".rings[0]");
    org.locationtech.jts.geom.LinearRing[] holes = new org.locationtech.jts.geom.LinearRing[polygon.getRingsCount() - 1];
    for (int i = 1; i < polygon.getRingsCount(); i++) {
      holes[i - 1] = ring(polygon.getRings(i), field + ".rings[" + i + "]");
    }
    org.locationtech.jts.geom.Polygon shape = GEOMETRY.createPolygon(shell, holes);
    if (!shape.isValid()) {
      throw RequestRefusal.invalid(field, "is not a valid polygon (self-intersecting, or a hole outside)");
    }
    return new Area(shape);
  }

  private static org.locationtech.jts.geom.LinearRing ring(LinearRing ring, String field) {
    if (ring.getPointsCount() < 4) {
      throw RequestRefusal.invalid(field + ".points", "a ring needs at least 4 points (the first repeated last)");
    }
    Coordinate[] coordinates = new Coordinate[ring.getPointsCount()];
    for (int i = 0; i < ring.getPointsCount(); i++) {
      LonLat p = ring.getPoints(i);
      if (!Double.isFinite(p.getLon()) || !Double.isFinite(p.getLat()) || Math.abs(p.getLon()) > 180
          || Math.abs(p.getLat()) > 90) {
        throw RequestRefusal.invalid(field + ".points[" + i + "]", "lon must be -180..180 and lat -90..90");
      }
      coordinates[i] = new Coordinate(p.getLon(), p.getLat());
    }
    if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
      throw RequestRefusal.invalid(field, "a ring must be closed: its last point equal to its first");
    }
    return GEOMETRY.createLinearRing(coordinates);
  }

  boolean covers(double lon, double lat) {
    return box.covers(lon, lat) && shape.covers(GEOMETRY.createPoint(new Coordinate(lon, lat)));
  }

  Envelope box() {
    return box;
  }
}
