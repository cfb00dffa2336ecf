package io.cordon.domain.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local east/north metric plane around an origin (equirectangular on the WGS84 ellipsoid):
 * x = metres east of the origin, y = metres north. Over a park of a few kilometres the distortion
 * stays well below a metre, which is all the validation tolerances and area checks need.
 */
public final class LocalProjection {
  private static final double A = 6_378_137.0; // WGS84 semi-major axis, m
  private static final double E2 = 6.694_379_990_14e-3; // WGS84 first eccentricity squared

  private final double originLon;
  private final double originLat;
  private final double metresPerDegreeLon;
  private final double metresPerDegreeLat;

  private LocalProjection(double originLon, double originLat) {
    this.originLon = originLon;
    this.originLat = originLat;
    double phi = Math.toRadians(originLat);
    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
    double meridional = A * (1 - E2) / Math.pow(w, 1.5);
    double primeVertical = A / Math.sqrt(w);
    this.metresPerDegreeLat = Math.toRadians(meridional);
    this.metresPerDegreeLon = Math.toRadians(primeVertical * Math.cos(phi));
  }

  /** A projection centred on the given WGS84 position (x = lon, y = lat). */
  public static LocalProjection around(Coordinate lonLat) {
    return new LocalProjection(lonLat.x, lonLat.y);
  }

  /** A projection centred on the middle of the geometry's envelope. */
  public static LocalProjection around(Geometry lonLatGeometry) {
    return around(lonLatGeometry.getEnvelopeInternal().centre());
  }

  public Coordinate origin() {
    return new Coordinate(originLon, originLat);
  }

  /** Metres east of the origin; allocation-free for renderers projecting many positions. */
  public double x(double lon) {
    return (lon - originLon) * metresPerDegreeLon;
  }

  /** Metres north of the origin. */
  public double y(double lat) {
    return (lat - originLat) * metresPerDegreeLat;
  }

  public Coordinate toMetres(Coordinate lonLat) {
    return new Coordinate(
        (lonLat.x - originLon) * metresPerDegreeLon, (lonLat.y - originLat) * metresPerDegreeLat);
  }

  public Coordinate toLonLat(Coordinate metres) {
    return new Coordinate(
        originLon + metres.x / metresPerDegreeLon, originLat + metres.y / metresPerDegreeLat);
  }

  /** A copy of the WGS84 geometry in this metric plane. */
  public <G extends Geometry> G toMetres(G lonLatGeometry) {
    return transform(lonLatGeometry, true);
  }

  /** A copy of the metric geometry back in WGS84. */
  public <G extends Geometry> G toLonLat(G metricGeometry) {
    return transform(metricGeometry, false);
  }

  @SuppressWarnings("unchecked")
  private <G extends Geometry> G transform(G geometry, boolean forward) {
    G copy = (G) geometry.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            Coordinate c = new Coordinate(seq.getX(i), seq.getY(i));
            Coordinate t = forward ? toMetres(c) : toLonLat(c);
            seq.setOrdinate(i, CoordinateSequence.X, t.x);
            seq.setOrdinate(i, CoordinateSequence.Y, t.y);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }
}
