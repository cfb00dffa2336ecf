package io.cordon.domain.track.rules;

import io.cordon.domain.geo.LocalProjection;
import java.util.Objects;

/**
 * A permit's route as the centre lines of its roads, projected and indexed once (build it with
 * {@link ParkGeometry#route}); the corridor's width is the deviation rule's setting. Immutable and
 * shareable: the server keeps one per route id.
 */
public final class RouteCorridor {
  private final String name;
  private final SegmentIndex segments;
  private final LocalProjection projection;

  RouteCorridor(String name, SegmentIndex segments, LocalProjection projection) {
    this.name = Objects.requireNonNull(name, "name");
    this.segments = segments;
    this.projection = projection;
  }

  /** What the route is, for alarm texts: its road ids joined by "/". */
  public String name() {
    return name;
  }

  /** Distance from a WGS84 position to the route's centre line, metres. */
  public double distanceMetres(double lon, double lat) {
    return segments.distanceToAll(projection.x(lon), projection.y(lat));
  }

  /** Metric distance when within {@code radius}, else +infinity; O(segments nearby). */
  double distanceWithin(double x, double y, double radius, NearestSegment probe) {
    return segments.nearest(x, y, radius, probe) < 0 ? Double.POSITIVE_INFINITY : probe.distance;
  }

  double distance(double x, double y) {
    return segments.distanceToAll(x, y);
  }

  @Override
  public String toString() {
    return "route " + name;
  }
}
