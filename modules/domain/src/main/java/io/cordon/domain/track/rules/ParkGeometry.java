package io.cordon.domain.track.rules;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.ZoneClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * A park projected once into a local metric plane for the track rules: the park's area, the roads
 * behind a spatial index, control zones, parking lots and loading points. Immutable and shareable
 * between threads; build it again when the park plan changes.
 *
 * <p>The park's area is the polygon its perimeter encloses; when the perimeter does not close, the
 * union of its control zones; when there is neither, everywhere counts as inside.
 */
public final class ParkGeometry {
  private final Park park;
  private final LocalProjection projection;
  private final PlanarArea parkArea;
  private final List<Road> roads;
  private final SegmentIndex roadIndex;
  private final Map<RoadId, LineString> metricRoads = new HashMap<>();
  private final List<Polygon> metricZones;
  private final PlanarArea[] lots;
  private final double[] loadingXy;

  private ParkGeometry(Park park) {
    this.park = park;
    this.projection = LocalProjection.around(centre(park));
    this.roads = park.roads();
    List<LineString> lines = new ArrayList<>();
    for (Road road : roads) {
      LineString metric = projection.toMetres(road.line());
      lines.add(metric);
      metricRoads.put(road.id(), metric);
    }
    this.roadIndex = new SegmentIndex(lines);
    this.metricZones = park.zones().stream().map(z -> projection.toMetres(z.area())).toList();
    this.parkArea = PlanarArea.of(area(park, metricZones));
    this.lots = park.parkingLots().stream().map(l -> PlanarArea.of(projection.toMetres(l.area())))
        .toArray(PlanarArea[]::new);
    List<LoadingPoint> points = park.enterprises().stream().flatMap(e -> e.loadingPoints().stream()).toList();
    this.loadingXy = new double[points.size() * 2];
    for (int i = 0; i < points.size(); i++) {
      loadingXy[2 * i] = projection.x(points.get(i).position().getX());
      loadingXy[2 * i + 1] = projection.y(points.get(i).position().getY());
    }
  }

  public static ParkGeometry of(Park park) {
    return new ParkGeometry(Objects.requireNonNull(park, "park"));
  }

  public Park park() {
    return park;
  }

  /** The metric plane every distance in the rules is measured in. */
  public LocalProjection projection() {
    return projection;
  }

  /** A route along these roads, in this order. Throws IllegalArgumentException naming an unknown road. */
  public RouteCorridor route(List<RoadId> roadIds) {
    if (roadIds.isEmpty()) {
      throw new IllegalArgumentException("a route has at least one road");
    }
    List<LineString> lines = new ArrayList<>();
    for (RoadId id : roadIds) {
      LineString line = metricRoads.get(id);
      if (line == null) {
        throw new IllegalArgumentException("road " + id + " is not in park " + park.id());
      }
      lines.add(line);
    }
    String name = roadIds.stream().map(RoadId::value).collect(Collectors.joining("/"));
    return new RouteCorridor(name, new SegmentIndex(lines), projection);
  }

  /** A route drawn as a WGS84 line (a planned path that does not follow the park's road ids). */
  public RouteCorridor route(String name, LineString lonLatLine) {
    return new RouteCorridor(name, new SegmentIndex(List.of(projection.toMetres(lonLatLine))), projection);
  }

  /**
   * The park's dedicated dangerous-goods roads as one corridor (§6.5.2.1), for dangerous vehicles
   * whose permit names no route; empty when the park has none.
   */
  public Optional<RouteCorridor> dedicatedRoads() {
    List<RoadId> ids = roads.stream().filter(r -> r.roadClass() == RoadClass.HAZMAT).map(Road::id).toList();
    return ids.isEmpty() ? Optional.empty() : Optional.of(route(ids));
  }

  /** True when the position is inside the park's area (or the park has no area). */
  public boolean inParkArea(double lon, double lat) {
    return parkContains(projection.x(lon), projection.y(lat));
  }

  /** The road nearest to the position within {@code metres}, if any. */
  public Optional<Road> roadNear(double lon, double lat, double metres) {
    return Optional.ofNullable(roadAt(projection.x(lon), projection.y(lat), metres, new NearestSegment()));
  }

  // ---- for the rules (metric plane) ----

  boolean parkContains(double x, double y) {
    return parkArea.isEmpty() || parkArea.contains(x, y);
  }

  Road roadAt(double x, double y, double radius, NearestSegment probe) {
    int s = roadIndex.nearest(x, y, radius, probe);
    return s < 0 ? null : roads.get(roadIndex.owner(s));
  }

  List<Polygon> metricZones() {
    return metricZones;
  }

  boolean inParkingLot(double x, double y) {
    for (PlanarArea lot : lots) {
      if (lot.contains(x, y)) {
        return true;
      }
    }
    return false;
  }

  boolean nearAnyLoadingPoint(double x, double y, double radius) {
    double r2 = radius * radius;
    for (int i = 0; i < loadingXy.length; i += 2) {
      double dx = loadingXy[i] - x;
      double dy = loadingXy[i + 1] - y;
      if (dx * dx + dy * dy <= r2) {
        return true;
      }
    }
    return false;
  }

  /** How far from a road a violation's place still names it. */
  static final double PLACE_ROAD_METRES = 30;

  /** Where a violation is: the highest-risk zone at the position and the given road, else the road nearby. */
  Place place(double lon, double lat, Optional<RoadId> road) {
    if (!Wgs84.inRange(lon, lat) || !Double.isFinite(lon) || !Double.isFinite(lat)) {
      return new Place(0, 0, Optional.empty(), ZoneClass.GENERAL, road);
    }
    Optional<ControlZone> zone = park.zoneAt(Wgs84.point(lon, lat));
    Optional<RoadId> on = road.isPresent() ? road : roadNear(lon, lat, PLACE_ROAD_METRES).map(Road::id);
    return new Place(lon, lat, zone.map(ControlZone::id), zone.map(ControlZone::zoneClass).orElse(ZoneClass.GENERAL),
        on);
  }

  // ---- building ----

  private static Coordinate centre(Park park) {
    Envelope env = new Envelope();
    park.perimeter().forEach(s -> env.expandToInclude(s.line().getEnvelopeInternal()));
    park.zones().forEach(z -> env.expandToInclude(z.area().getEnvelopeInternal()));
    park.roads().forEach(r -> env.expandToInclude(r.line().getEnvelopeInternal()));
    park.parkingLots().forEach(l -> env.expandToInclude(l.area().getEnvelopeInternal()));
    for (Enterprise e : park.enterprises()) {
      env.expandToInclude(e.position().getCoordinate());
    }
    return env.isNull() ? new Coordinate(0, 0) : env.centre();
  }

  private Geometry area(Park park, List<Polygon> zones) {
    Polygonizer polygonizer = new Polygonizer();
    for (PerimeterSegment segment : park.perimeter()) {
      polygonizer.add(projection.toMetres(segment.line()));
    }
    Collection<?> polygons = polygonizer.getPolygons();
    List<Geometry> parts = new ArrayList<>();
    for (Object p : polygons) {
      parts.add((Geometry) p);
    }
    if (parts.isEmpty()) {
      parts.addAll(zones);
    }
    if (parts.isEmpty()) {
      return Wgs84.FACTORY.createPolygon();
    }
    Geometry union = UnaryUnionOp.union(parts);
    return union == null ? Wgs84.FACTORY.createPolygon() : union;
  }
}
