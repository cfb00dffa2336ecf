package io.cordon.devices.track;

import io.cordon.domain.park.Park;
import org.locationtech.jts.geom.Envelope;

/**
 * Where fixes may come from: the park's bounding box grown by a margin. Vehicles are tracked on
 * their way in and out, so the margin is generous (kilometres); a fix far outside is a broken
 * receiver or a wrong coordinate system (GCJ-02 instead of WGS84 is off by only ~500 m, so that
 * one passes), not a vehicle of ours.
 */
public final class ServiceArea {

  /** Default margin around the park, metres. */
  public static final double DEFAULT_MARGIN_METRES = 5_000;
  private static final double METRES_PER_DEGREE_LAT = 111_320;

  private final Envelope box;

  private ServiceArea(Envelope box) {
    this.box = box;
  }

  /** Anywhere on Earth (for a park without geometry, and for tests). */
  public static ServiceArea anywhere() {
    return new ServiceArea(new Envelope(-180, 180, -90, 90));
  }

  /** The bounding box of everything in the park plan, grown by {@code marginMetres}. */
  public static ServiceArea around(Park park, double marginMetres) {
    Envelope envelope = new Envelope();
    park.perimeter().forEach(s -> envelope.expandToInclude(s.line().getEnvelopeInternal()));
    park.zones().forEach(z -> envelope.expandToInclude(z.area().getEnvelopeInternal()));
    park.roads().forEach(r -> envelope.expandToInclude(r.line().getEnvelopeInternal()));
    park.gates().forEach(g -> envelope.expandToInclude(g.position().getCoordinate()));
    if (envelope.isNull()) {
      return anywhere();
    }
    double marginLat = marginMetres / METRES_PER_DEGREE_LAT;
    double cosLat = Math.max(0.01, Math.cos(Math.toRadians(envelope.centre().y)));
    double marginLon = marginMetres / (METRES_PER_DEGREE_LAT * cosLat);
    return new ServiceArea(new Envelope(envelope.getMinX() - marginLon, envelope.getMaxX() + marginLon,
        envelope.getMinY() - marginLat, envelope.getMaxY() + marginLat));
  }

  public boolean contains(double lon, double lat) {
    return box.contains(lon, lat);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "lon %.4f..%.4f, lat %.4f..%.4f",
        box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY());
  }
}
