package io.cordon.domain.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Geometry in WGS84 (EPSG:4326) with x = longitude and y = latitude, in degrees. */
public final class Wgs84 {
  public static final int SRID = 4326;

  /** Floating precision: positions keep exactly the doubles they were given. */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private Wgs84() {}

  public static Point point(double lon, double lat) {
    return FACTORY.createPoint(new Coordinate(lon, lat));
  }

  public static LineString line(Coordinate... lonLats) {
    return FACTORY.createLineString(lonLats);
  }

  /** A polygon without holes; the ring must be closed (first == last). */
  public static Polygon polygon(Coordinate... closedRing) {
    return FACTORY.createPolygon(closedRing);
  }

  public static Polygon polygon(LinearRing shell, LinearRing... holes) {
    return FACTORY.createPolygon(shell, holes);
  }

  public static boolean inRange(double lon, double lat) {
    return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
  }

  /** Great-circle distance on the mean Earth sphere, in metres (haversine). */
  public static double distanceMetres(Coordinate a, Coordinate b) {
    double lat1 = Math.toRadians(a.y);
    double lat2 = Math.toRadians(b.y);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.x - a.x);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
