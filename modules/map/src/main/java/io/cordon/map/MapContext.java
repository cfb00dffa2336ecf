package io.cordon.map;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.Park;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * The park being shown with the local metric projection fitted to it; every layer draws in these
 * metres (x east, y north) and converts to pixels with the current {@link MapViewport}.
 *
 * @param park the park model
 * @param projection WGS84 ↔ local metres, centred on the park
 * @param metreBounds the park's extent in local metres (perimeter, zones, gates)
 */
public record MapContext(Park park, LocalProjection projection, Envelope metreBounds) {
  public MapContext {
    Objects.requireNonNull(park, "park");
    Objects.requireNonNull(projection, "projection");
    metreBounds = new Envelope(metreBounds);
  }

  /** Fits a projection to the park's perimeter, zones and gates. */
  public static MapContext of(Park park) {
    Envelope lonLat = new Envelope();
    park.perimeter().forEach(s -> lonLat.expandToInclude(s.line().getEnvelopeInternal()));
    park.zones().forEach(z -> lonLat.expandToInclude(z.area().getEnvelopeInternal()));
    park.gates().forEach(g -> lonLat.expandToInclude(g.position().getCoordinate()));
    if (lonLat.isNull()) {
      lonLat.expandToInclude(0, 0);
    }
    LocalProjection projection = LocalProjection.around(lonLat.centre());
    Envelope metres = new Envelope(
        projection.x(lonLat.getMinX()), projection.x(lonLat.getMaxX()),
        projection.y(lonLat.getMinY()), projection.y(lonLat.getMaxY()));
    return new MapContext(park, projection, metres);
  }

  @Override
  public Envelope metreBounds() {
    return new Envelope(metreBounds);
  }

  /** Local metres east of the origin for a longitude. */
  public double x(double lon) {
    return projection.x(lon);
  }

  /** Local metres north of the origin for a latitude. */
  public double y(double lat) {
    return projection.y(lat);
  }
}
