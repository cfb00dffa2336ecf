package io.cordon.map.interact;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.Sensor;
import io.cordon.map.FeatureKind;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapViewport;
import io.cordon.map.live.AlarmMarker;
import io.cordon.map.live.LiveVehicles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Answers "what is under the cursor?" and "where is 南一门 / 苏E12345?" for hover, click, context
 * menu and the search box. The park's features are projected to metres once per park (polygons
 * prepared, lines and polygons in STR-trees); live vehicles and alarms are read when asked, so
 * the answer always matches what is drawn. FX thread only.
 */
public final class FeatureIndex {
  /** Point symbols within this many pixels of the cursor are hit. */
  public static final double POINT_HIT_PX = 8;
  /** Gate symbols are bigger (emergency gates 12 px radius). */
  public static final double GATE_HIT_PX = 13;
  /** Lines within this many pixels of the cursor are hit. */
  public static final double LINE_HIT_PX = 4;

  private static final GeometryFactory METRES = new GeometryFactory();
  private static final Map<FeatureKind, LayerKind> LAYER_OF = new EnumMap<>(FeatureKind.class);

  static {
    LAYER_OF.put(FeatureKind.ALARM, LayerKind.ALARMS);
    LAYER_OF.put(FeatureKind.VEHICLE, LayerKind.VEHICLES);
    LAYER_OF.put(FeatureKind.GATE, LayerKind.GATES);
    LAYER_OF.put(FeatureKind.CAMERA, LayerKind.CAMERAS);
    LAYER_OF.put(FeatureKind.SENSOR, LayerKind.SENSORS);
    LAYER_OF.put(FeatureKind.ENTERPRISE, LayerKind.ENTERPRISES);
    LAYER_OF.put(FeatureKind.PARKING_LOT, LayerKind.PARKING);
    LAYER_OF.put(FeatureKind.ZONE, LayerKind.ZONES);
    LAYER_OF.put(FeatureKind.ROAD, LayerKind.ROADS);
    LAYER_OF.put(FeatureKind.PERIMETER_SEGMENT, LayerKind.PERIMETER);
  }

  private final MapState state;
  private MapContext context;
  private List<PointEntry> points = List.of();
  private STRtree lines = new STRtree();
  private STRtree areas = new STRtree();
  private List<MapFeature> searchable = List.of();

  /** An index that rebuilds itself whenever the state's park changes. */
  public FeatureIndex(MapState state) {
    this.state = state;
    state.contextProperty().addListener((obs, old, now) -> rebuild(now));
    rebuild(state.context());
  }

  /** Re-projects and re-indexes the park's features; null clears the index. */
  public void rebuild(MapContext value) {
    context = value;
    List<PointEntry> newPoints = new ArrayList<>();
    STRtree newLines = new STRtree();
    STRtree newAreas = new STRtree();
    List<MapFeature> all = new ArrayList<>();
    if (value != null) {
      Park park = value.park();
      LocalProjection p = value.projection();
      for (Gate g : park.gates()) {
        MapFeature f = gate(g);
        double hit = g.type() == GateType.EMERGENCY ? GATE_HIT_PX : GATE_HIT_PX - 2;
        newPoints.add(new PointEntry(f, value.x(f.lon()), value.y(f.lat()), hit));
        all.add(f);
      }
      for (Camera c : park.cameras()) {
        MapFeature f = camera(c);
        newPoints.add(new PointEntry(f, value.x(f.lon()), value.y(f.lat()), POINT_HIT_PX));
        all.add(f);
      }
      for (Sensor s : park.sensors()) {
        MapFeature f = sensor(s);
        newPoints.add(new PointEntry(f, value.x(f.lon()), value.y(f.lat()), POINT_HIT_PX));
        all.add(f);
      }
      for (Enterprise e : park.enterprises()) {
        MapFeature f = enterprise(e);
        newPoints.add(new PointEntry(f, value.x(f.lon()), value.y(f.lat()), POINT_HIT_PX));
        all.add(f);
      }
      for (ParkingLot lot : park.parkingLots()) {
        MapFeature f = parkingLot(lot);
        addArea(newAreas, f, p.toMetres(lot.area()), 0);
        all.add(f);
      }
      for (ControlZone zone : park.zones()) {
        MapFeature f = zone(zone);
        addArea(newAreas, f, p.toMetres(zone.area()), 1 + zone.zoneClass().ordinal());
        all.add(f);
      }
      for (Road road : park.roads()) {
        MapFeature f = road(road);
        LineString metres = p.toMetres(road.line());
        newLines.insert(metres.getEnvelopeInternal(), new LineEntry(f, metres));
        all.add(f);
      }
      for (PerimeterSegment segment : park.perimeter()) {
        MapFeature f = segment(segment);
        LineString metres = p.toMetres(segment.line());
        newLines.insert(metres.getEnvelopeInternal(), new LineEntry(f, metres));
        all.add(f);
      }
    }
    newLines.build();
    newAreas.build();
    points = List.copyOf(newPoints);
    lines = newLines;
    areas = newAreas;
    searchable = List.copyOf(all);
  }

  private static void addArea(STRtree tree, MapFeature f, Polygon metres, int rank) {
    tree.insert(metres.getEnvelopeInternal(), new AreaEntry(f, PreparedGeometryFactory.prepare(metres), rank, metres.getArea()));
  }

  /**
   * The feature drawn at the screen position, if any: point symbols within a few pixels first
   * (alarm, vehicle, gate, camera, sensor, enterprise; nearest within a kind), then roads and
   * perimeter segments within a few pixels, then the parking lot or zone containing the point
   * (lots before core, key and general zones). Features on hidden layers are not hit.
   */
  public Optional<MapFeature> featureAt(double screenX, double screenY) {
    MapContext c = context;
    if (c == null) {
      return Optional.empty();
    }
    MapViewport v = state.viewport();
    Hit best = new Hit();
    if (shown(FeatureKind.ALARM)) {
      for (AlarmMarker a : List.copyOf(state.alarms())) {
        best.offer(alarm(a), pixelDistance(v, c.x(a.lon()), c.y(a.lat()), screenX, screenY), POINT_HIT_PX + 4);
      }
    }
    if (shown(FeatureKind.VEHICLE)) {
      LiveVehicles vehicles = state.vehiclesProperty().get();
      if (vehicles != null) {
        vehicles.forEach((plate, vehicleClass, current, trail) -> {
          double d = pixelDistance(v, c.x(current.lon()), c.y(current.lat()), screenX, screenY);
          if (d <= POINT_HIT_PX && best.wouldTake(FeatureKind.VEHICLE, d)) {
            best.offer(vehicle(plate, current.lon(), current.lat()), d, POINT_HIT_PX);
          }
        });
      }
    }
    for (PointEntry e : points) {
      if (shown(e.feature().kind())) {
        best.offer(e.feature(), pixelDistance(v, e.x(), e.y(), screenX, screenY), e.hitPx());
      }
    }
    if (best.feature != null) {
      return Optional.of(best.feature);
    }
    double wx = v.worldX(screenX);
    double wy = v.worldY(screenY);
    Point cursor = METRES.createPoint(new Coordinate(wx, wy));
    double lineTolerance = LINE_HIT_PX / v.scale();
    Envelope near = new Envelope(wx - lineTolerance, wx + lineTolerance, wy - lineTolerance, wy + lineTolerance);
    LineEntry nearestLine = null;
    double nearestLineDistance = Double.MAX_VALUE;
    for (Object o : lines.query(near)) {
      LineEntry e = (LineEntry) o;
      if (!shown(e.feature().kind())) {
        continue;
      }
      double d = e.line().distance(cursor);
      if (d <= lineTolerance && d < nearestLineDistance) {
        nearestLine = e;
        nearestLineDistance = d;
      }
    }
    if (nearestLine != null) {
      return Optional.of(nearestLine.feature());
    }
    AreaEntry inside = null;
    for (Object o : areas.query(new Envelope(wx, wx, wy, wy))) {
      AreaEntry e = (AreaEntry) o;
      if (shown(e.feature().kind()) && e.area().covers(cursor) && (inside == null || e.before(inside))) {
        inside = e;
      }
    }
    return inside == null ? Optional.empty() : Optional.of(inside.feature());
  }

  /**
   * Features whose name or id contains the query, and live vehicles whose plate does, ignoring
   * case, spaces and plate separators: exact matches first, then prefixes, then the rest; alarms,
   * vehicles and gates before other kinds at the same quality.
   */
  public List<MapFeature> search(String query, int limit) {
    String q = normalise(query);
    if (q.isEmpty() || limit <= 0) {
      return List.of();
    }
    List<Match> matches = new ArrayList<>();
    for (MapFeature f : searchable) {
      offer(matches, f, q);
    }
    for (AlarmMarker a : List.copyOf(state.alarms())) {
      offer(matches, alarm(a), q);
    }
    LiveVehicles vehicles = state.vehiclesProperty().get();
    if (vehicles != null) {
      vehicles.forEach((plate, vehicleClass, current, trail) -> {
        int quality = quality(normalise(plate), q);
        if (quality >= 0) {
          matches.add(new Match(vehicle(plate, current.lon(), current.lat()), quality));
        }
      });
    }
    matches.sort(
        Comparator.comparingInt(Match::quality)
            .thenComparingInt(m -> priority(m.feature().kind()))
            .thenComparingInt(m -> m.feature().name().length())
            .thenComparing(m -> m.feature().name()));
    return matches.stream().limit(limit).map(Match::feature).toList();
  }

  /** The live vehicle with this plate as a feature at its latest fix, if it is on the map. */
  public Optional<MapFeature> vehicle(String plate) {
    LiveVehicles vehicles = state.vehiclesProperty().get();
    MapFeature[] found = new MapFeature[1];
    if (vehicles != null) {
      vehicles.forEach((p, vehicleClass, current, trail) -> {
        if (p.equals(plate)) {
          found[0] = vehicle(p, current.lon(), current.lat());
        }
      });
    }
    return Optional.ofNullable(found[0]);
  }

  private static void offer(List<Match> matches, MapFeature f, String q) {
    int quality = Math.min(positive(quality(normalise(f.name()), q)), positive(quality(normalise(f.id()), q)));
    if (quality != Integer.MAX_VALUE) {
      matches.add(new Match(f, quality));
    }
  }

  private static int positive(int quality) {
    return quality < 0 ? Integer.MAX_VALUE : quality;
  }

  /** 0 exact, 1 prefix, 2 substring, -1 no match. */
  private static int quality(String text, String q) {
    if (text.equals(q)) {
      return 0;
    }
    if (text.startsWith(q)) {
      return 1;
    }
    return text.contains(q) ? 2 : -1;
  }

  /** Lower case without spaces or the separators people type in plates (苏E·12345, 苏E-12345). */
  static String normalise(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isWhitespace(ch) && ch != '·' && ch != '-' && ch != '•' && ch != '\u3000') {
        b.append(ch);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private boolean shown(FeatureKind kind) {
    LayerKind layer = LAYER_OF.get(kind);
    return layer == null || state.visibleProperty(layer).get();
  }

  private static double pixelDistance(MapViewport v, double x, double y, double sx, double sy) {
    return Math.hypot(v.screenX(x) - sx, v.screenY(y) - sy);
  }

  /** Lower is more important when symbols overlap. */
  static int priority(FeatureKind kind) {
    switch (kind) {
      case ALARM:
        return 0;
      case VEHICLE:
        return 1;
      case GATE:
        return 2;
      case CAMERA:
        return 3;
      case SENSOR:
        return 4;
      case ENTERPRISE:
        return 5;
      case PARKING_LOT:
        return 6;
      case ROAD:
        return 7;
      case PERIMETER_SEGMENT:
        return 8;
      case ZONE:
        return 9;
      default:
        return 10;
    }
  }

  // --- features of the park model -------------------------------------------------------------

  public static MapFeature gate(Gate g) {
    return new MapFeature(FeatureKind.GATE, g.id().value(), g.name(), g.position().getX(), g.position().getY(), g);
  }

  public static MapFeature camera(Camera c) {
    return new MapFeature(FeatureKind.CAMERA, c.id().value(), c.name(), c.position().getX(), c.position().getY(), c);
  }

  public static MapFeature sensor(Sensor s) {
    return new MapFeature(FeatureKind.SENSOR, s.id().value(), s.id().value(), s.position().getX(), s.position().getY(), s);
  }

  public static MapFeature enterprise(Enterprise e) {
    return new MapFeature(FeatureKind.ENTERPRISE, e.id().value(), e.name(), e.position().getX(), e.position().getY(), e);
  }

  public static MapFeature parkingLot(ParkingLot lot) {
    Point anchor = lot.area().getInteriorPoint();
    return new MapFeature(FeatureKind.PARKING_LOT, lot.id().value(), lot.name(), anchor.getX(), anchor.getY(), lot);
  }

  public static MapFeature zone(ControlZone zone) {
    Point anchor = zone.area().getInteriorPoint();
    return new MapFeature(FeatureKind.ZONE, zone.id().value(), zone.name(), anchor.getX(), anchor.getY(), zone);
  }

  public static MapFeature road(Road road) {
    Coordinate mid = midpoint(road.line());
    return new MapFeature(FeatureKind.ROAD, road.id().value(), road.name(), mid.x, mid.y, road);
  }

  public static MapFeature segment(PerimeterSegment s) {
    Coordinate mid = midpoint(s.line());
    return new MapFeature(FeatureKind.PERIMETER_SEGMENT, s.id().value(), s.id().value(), mid.x, mid.y, s);
  }

  /** An alarm; its source is the marker, so details can show severity and time. */
  public static MapFeature alarm(AlarmMarker a) {
    return new MapFeature(FeatureKind.ALARM, a.id(), a.label(), a.lon(), a.lat(), a);
  }

  /** A vehicle at a fix; id and name are the plate (live data is looked up by plate when shown). */
  public static MapFeature vehicle(String plate, double lon, double lat) {
    return new MapFeature(FeatureKind.VEHICLE, plate, plate, lon, lat, null);
  }

  private static Coordinate midpoint(Geometry line) {
    if (line instanceof LineString ls && !ls.isEmpty()) {
      return new LengthIndexedLine(ls).extractPoint(ls.getLength() / 2);
    }
    return line.getCentroid().getCoordinate();
  }

  private record PointEntry(MapFeature feature, double x, double y, double hitPx) {}

  private record LineEntry(MapFeature feature, LineString line) {}

  /** rank: lots 0, then zones by class (core 1, key 2, general 3); smaller area wins a tie. */
  private record AreaEntry(MapFeature feature, PreparedGeometry area, int rank, double squareMetres) {
    boolean before(AreaEntry other) {
      return rank != other.rank ? rank < other.rank : squareMetres < other.squareMetres;
    }
  }

  private record Match(MapFeature feature, int quality) {}

  /** The best point hit so far: the most important kind, then the nearest. */
  private static final class Hit {
    MapFeature feature;
    int priority = Integer.MAX_VALUE;
    double distance = Double.MAX_VALUE;

    boolean wouldTake(FeatureKind kind, double d) {
      int p = priority(kind);
      return p < priority || (p == priority && d < distance);
    }

    void offer(MapFeature f, double d, double hitPx) {
      if (d <= hitPx && wouldTake(f.kind(), d)) {
        feature = f;
        priority = priority(f.kind());
        distance = d;
      }
    }
  }
}
