package io.cordon.map;

import org.locationtech.jts.geom.Envelope;

/**
 * A local equirectangular projection: WGS84 lon/lat to metres east/north of an origin. Over a
 * park of a few kilometres the error is far below a pixel, and it is cheap enough for thousands
 * of moving vehicles per frame.
 */
public final class LocalProjection {
  /** Mean Earth radius, metres (IUGG). */
  static final double EARTH_RADIUS_M = 6_371_008.8;

  private final double originLon;
  private final double originLat;
  private final double metresPerDegreeLon;
  private final double metresPerDegreeLat;

  public LocalProjection(double originLon, double originLat) {
    this.originLon = originLon;
    this.originLat = originLat;
    this.metresPerDegreeLat = Math.toRadians(EARTH_RADIUS_M);
    this.metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(originLat));
  }

  /** A projection centred on the middle of {@code lonLatEnvelope}. */
  public static LocalProjection centredOn(Envelope lonLatEnvelope) {
    return new LocalProjection(lonLatEnvelope.centre().x, lonLatEnvelope.centre().y);
  }

  /** Metres east of the origin. */
  public double x(double lon) {
    return (lon - originLon) * metresPerDegreeLon;
  }

  /** Metres north of the origin. */
  public double y(double lat) {
    return (lat - originLat) * metresPerDegreeLat;
  }

  public double lon(double x) {
    return originLon + x / metresPerDegreeLon;
  }

  public double lat(double y) {
    return originLat + y / metresPerDegreeLat;
  }
}
