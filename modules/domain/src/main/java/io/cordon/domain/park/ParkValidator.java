package io.cordon.domain.park;

import io.cordon.domain.geo.LocalProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a park plan against the guideline (§7.1.1 perimeter, §6.3 zones, §7.1.2 gates) and the
 * sample-park rules of DESIGN §7. Reports every broken rule, never only the first.
 *
 * <p>Geometry is checked in a local metric plane around the park, with tolerances in metres:
 * segment joints and zone edges within {@value #JOIN_TOLERANCE_M} m, gates and sensors within
 * {@value #ON_PERIMETER_TOLERANCE_M} m of the perimeter.
 *
 * <p>Zones of different classes must not overlap. The general area is therefore drawn as the
 * park polygon with holes cut out for the core and key areas; zones of the same class may touch
 * or overlap.
 */
public final class ParkValidator {
  public static final double JOIN_TOLERANCE_M = 1.0;
  public static final double ON_PERIMETER_TOLERANCE_M = 10.0;

  private ParkValidator() {}

  /** Every broken rule of the park, in a stable order; empty when the park is valid. */
  public static List<ParkViolation> validate(Park park) {
    return new Run(park).check();
  }

  /** The park itself when valid, otherwise an {@link InvalidParkException} listing every rule. */
  public static Park requireValid(Park park) {
    List<ParkViolation> violations = validate(park);
    if (!violations.isEmpty()) {
      throw new InvalidParkException("park " + park.id(), violations);
    }
    return park;
  }

  /** One validation pass; holds the projection and the metric copies of the geometry. */
  private static final class Run {
    private final Park park;
    private final List<ParkViolation> violations = new ArrayList<>();
    private final LocalProjection projection;
    private final GeometryFactory factory = new GeometryFactory();
    /** The perimeter lines in the metric plane, index-aligned with {@code park.perimeter()}. */
    private final List<LineString> metricRing = new ArrayList<>();
    /** The same lines by segment id (first of any duplicates), for sensors. */
    private final Map<SegmentId, LineString> metricSegments = new HashMap<>();
    private Polygon metricPerimeter;

    Run(Park park) {
      this.park = park;
      this.projection = LocalProjection.around(centreOf(park));
      for (PerimeterSegment segment : park.perimeter()) {
        LineString line = projection.toMetres(segment.line());
        metricRing.add(line);
        metricSegments.putIfAbsent(segment.id(), line);
      }
    }

    List<ParkViolation> check() {
      checkVersion();
      checkUniqueIds();
      boolean ringOk = checkRingClosed();
      ringOk &= checkRingSimple();
      if (ringOk) {
        metricPerimeter = buildPerimeterPolygon();
      }
      checkZones();
      checkGates();
      checkSensors();
      checkRoads();
      checkParkingLots();
      return List.copyOf(violations);
    }

    private void report(Object featureId, ParkRule rule, String message, Object... args) {
      violations.add(
          new ParkViolation(
              String.valueOf(featureId), rule, String.format(Locale.ROOT, message, args)));
    }

    // ---- park ----

    private void checkVersion() {
      if (park.version() < 1) {
        report(park.id(), ParkRule.PARK_VERSION_POSITIVE,
            "park version is %d; it must be at least 1", park.version());
      }
    }

    private void checkUniqueIds() {
      unique(park.perimeter(), PerimeterSegment::id, "perimeter segments");
      unique(park.zones(), ControlZone::id, "zones");
      unique(park.gates(), Gate::id, "gates");
      unique(park.roads(), Road::id, "roads");
      unique(park.cameras(), Camera::id, "cameras");
      unique(park.sensors(), Sensor::id, "sensors");
      unique(park.parkingLots(), ParkingLot::id, "parking lots");
      unique(park.enterprises(), Enterprise::id, "enterprises");
      for (Gate gate : park.gates()) {
        duplicates(gate.lanes(), Lane::id).forEach((laneId, count) ->
            report(gate.id(), ParkRule.UNIQUE_ID, "%d lanes of the gate share the id %s",
                count, laneId));
      }
      for (Enterprise enterprise : park.enterprises()) {
        duplicates(enterprise.loadingPoints(), LoadingPoint::id).forEach((pointId, count) ->
            report(enterprise.id(), ParkRule.UNIQUE_ID,
                "%d loading points of the enterprise share the id %s", count, pointId));
      }
    }

    private <T> void unique(List<T> features, Function<T, ?> id, String kind) {
      duplicates(features, id).forEach((value, count) ->
          report(value, ParkRule.UNIQUE_ID, "%d %s share this id", count, kind));
    }

    private static <T> Map<Object, Long> duplicates(Collection<T> features, Function<T, ?> id) {
      Map<Object, Long> counts =
          features.stream()
              .collect(Collectors.groupingBy(id, LinkedHashMap::new, Collectors.counting()));
      counts.values().removeIf(count -> count < 2);
      return counts;
    }

    // ---- perimeter ----

    private boolean checkRingClosed() {
      List<PerimeterSegment> segments = park.perimeter();
      if (segments.isEmpty()) {
        report(park.id(), ParkRule.PERIMETER_CLOSED, "the park has no perimeter segments");
        return false;
      }
      boolean ok = true;
      for (int i = 0; i < segments.size(); i++) {
        PerimeterSegment segment = segments.get(i);
        PerimeterSegment previous = segments.get((i + segments.size() - 1) % segments.size());
        LineString line = metricRing.get(i);
        LineString previousLine = metricRing.get((i + segments.size() - 1) % segments.size());
        if (line.isEmpty() || previousLine.isEmpty()) {
          if (line.isEmpty()) {
            report(segment.id(), ParkRule.PERIMETER_CLOSED, "segment has no points");
          }
          ok = false;
          continue;
        }
        double gap = previousLine.getEndPoint().distance(line.getStartPoint());
        if (gap > JOIN_TOLERANCE_M) {
          report(segment.id(), ParkRule.PERIMETER_CLOSED,
              "segment starts %.1f m away from the end of %s; the ring is open",
              gap, previous.id());
          ok = false;
        }
      }
      return ok;
    }

    private boolean checkRingSimple() {
      List<PerimeterSegment> segments = park.perimeter();
      int n = segments.size();
      boolean ok = true;
      for (int i = 0; i < n; i++) {
        LineString a = metricRing.get(i);
        if (a.isEmpty()) {
          continue;
        }
        // Closed segments too: a one-segment perimeter drawn as a figure 8 is closed.
        Coordinate selfCrossing = IsSimpleOp.getNonSimpleLocation(a);
        if (selfCrossing != null) {
          Coordinate where = projection.toLonLat(selfCrossing);
          report(segments.get(i).id(), ParkRule.PERIMETER_SIMPLE,
              "segment crosses or touches itself near (%.6f, %.6f)", where.x, where.y);
          ok = false;
        }
        for (int j = i + 1; j < n; j++) {
          LineString b = metricRing.get(j);
          if (b.isEmpty() || !a.intersects(b)) {
            continue;
          }
          Geometry crossing = a.intersection(b);
          List<Coordinate> joints = joints(i, j);
          for (int k = 0; k < crossing.getNumGeometries(); k++) {
            Geometry part = crossing.getGeometryN(k);
            if (part.getDimension() > 0 || !nearAny(part.getCoordinate(), joints)) {
              Coordinate where = projection.toLonLat(part.getCoordinate());
              report(segments.get(i).id(), ParkRule.PERIMETER_SIMPLE,
                  "segment %s %s near (%.6f, %.6f); the ring must not touch itself",
                  part.getDimension() > 0 ? "runs along" : "crosses",
                  segments.get(j).id(), where.x, where.y);
              ok = false;
              break;
            }
          }
        }
      }
      return ok;
    }

    /** Where segments i and j (i < j) legitimately meet: their shared ring joints. */
    private List<Coordinate> joints(int i, int j) {
      List<Coordinate> joints = new ArrayList<>();
      if (j == i + 1) {
        joints.add(metricRing.get(i).getEndPoint().getCoordinate());
        joints.add(metricRing.get(j).getStartPoint().getCoordinate());
      }
      if (i == 0 && j == metricRing.size() - 1) {
        joints.add(metricRing.get(j).getEndPoint().getCoordinate());
        joints.add(metricRing.get(i).getStartPoint().getCoordinate());
      }
      return joints;
    }

    private static boolean nearAny(Coordinate c, List<Coordinate> candidates) {
      return candidates.stream().anyMatch(j -> j.distance(c) <= JOIN_TOLERANCE_M);
    }

    /**
     * The polygon the closed ring encloses, or null after reporting why there is none. The
     * segment checks above allow joints within the tolerance; this checks the ring as a whole,
     * which also catches a ring that passes twice through the same joint.
     */
    private Polygon buildPerimeterPolygon() {
      Coordinate[] ring = joinedRing();
      if (ring.length < 4) {
        report(park.id(), ParkRule.PERIMETER_SIMPLE, "the perimeter ring encloses no area");
        return null;
      }
      Coordinate touch = IsSimpleOp.getNonSimpleLocation(factory.createLineString(ring));
      if (touch != null) {
        Coordinate where = projection.toLonLat(touch);
        report(segmentNear(touch), ParkRule.PERIMETER_SIMPLE,
            "the ring crosses or touches itself near (%.6f, %.6f)", where.x, where.y);
        return null;
      }
      Polygon polygon = factory.createPolygon(ring);
      TopologyValidationError error = new IsValidOp(polygon).getValidationError();
      if (error != null) {
        Coordinate where = projection.toLonLat(error.getCoordinate());
        report(segmentNear(error.getCoordinate()), ParkRule.PERIMETER_SIMPLE,
            "the ring does not enclose a valid polygon: %s near (%.6f, %.6f)",
            error.getMessage(), where.x, where.y);
        return null;
      }
      return polygon;
    }

    /** All segments joined end to start (each joint taken once) and closed exactly. */
    private Coordinate[] joinedRing() {
      List<Coordinate> ring = new ArrayList<>();
      for (LineString line : metricRing) {
        Coordinate[] coords = line.getCoordinates();
        for (int k = ring.isEmpty() ? 0 : 1; k < coords.length; k++) {
          ring.add(coords[k]);
        }
      }
      ring.set(ring.size() - 1, ring.get(0).copy());
      return ring.toArray(Coordinate[]::new);
    }

    /** The id of the perimeter segment nearest a metric position. */
    private SegmentId segmentNear(Coordinate metric) {
      Geometry point = factory.createPoint(metric);
      int nearest = 0;
      for (int i = 1; i < metricRing.size(); i++) {
        if (metricRing.get(i).distance(point) < metricRing.get(nearest).distance(point)) {
          nearest = i;
        }
      }
      return park.perimeter().get(nearest).id();
    }

    // ---- zones ----

    private void checkZones() {
      Map<ControlZone, Polygon> valid = new LinkedHashMap<>();
      for (ControlZone zone : park.zones()) {
        IsValidOp op = new IsValidOp(zone.area());
        if (zone.area().isEmpty()) {
          report(zone.id(), ParkRule.ZONE_VALID, "zone polygon is empty");
        } else if (!op.isValid()) {
          TopologyValidationError error = op.getValidationError();
          Coordinate at = error.getCoordinate();
          report(zone.id(), ParkRule.ZONE_VALID, "zone polygon is invalid: %s near (%.6f, %.6f)",
              error.getMessage(), at.x, at.y);
        } else {
          valid.put(zone, projection.toMetres(zone.area()));
        }
      }
      if (metricPerimeter != null) {
        Geometry allowed = metricPerimeter.buffer(JOIN_TOLERANCE_M);
        valid.forEach((zone, area) -> {
          if (!allowed.covers(area)) {
            report(zone.id(), ParkRule.ZONE_INSIDE_PERIMETER,
                "zone reaches %.0f m outside the perimeter", farthestOutside(area));
          }
        });
      }
      List<ControlZone> zones = new ArrayList<>(valid.keySet());
      Map<ControlZone, Geometry> shrunk = new HashMap<>();
      for (ControlZone zone : zones) {
        shrunk.put(zone, valid.get(zone).buffer(-JOIN_TOLERANCE_M / 2));
      }
      for (int i = 0; i < zones.size(); i++) {
        for (int j = i + 1; j < zones.size(); j++) {
          ControlZone a = zones.get(i);
          ControlZone b = zones.get(j);
          if (a.zoneClass() != b.zoneClass() && shrunk.get(a).intersects(shrunk.get(b))) {
            double area = valid.get(a).intersection(valid.get(b)).getArea();
            report(a.id(), ParkRule.ZONE_OVERLAP,
                "%s zone overlaps %s zone %s by %.0f m²; zones of different classes must not"
                    + " overlap", name(a.zoneClass()), name(b.zoneClass()), b.id(), area);
          }
        }
      }
    }

    private double farthestOutside(Polygon area) {
      double farthest = 0;
      for (Coordinate c : area.difference(metricPerimeter).getCoordinates()) {
        farthest = Math.max(farthest, metricPerimeter.distance(factory.createPoint(c)));
      }
      return farthest;
    }

    // ---- gates ----

    private void checkGates() {
      for (Gate gate : park.gates()) {
        double distance = distanceToPerimeter(gate.position().getCoordinate());
        if (gate.isCheckpoint()) {
          checkCheckpoint(gate);
        } else if (distance > ON_PERIMETER_TOLERANCE_M) {
          report(gate.id(), ParkRule.GATE_ON_PERIMETER,
              "gate stands %.0f m from the perimeter; it must sit on it (within %.0f m)",
              distance, ON_PERIMETER_TOLERANCE_M);
        }
        if (gate.lanes().isEmpty()) {
          report(gate.id(), ParkRule.GATE_HAS_LANE, "gate has no lanes");
        }
        checkLaneClasses(gate);
        boolean emergency = gate.type() == GateType.EMERGENCY;
        if (emergency && !gate.normallyClosed()) {
          report(gate.id(), ParkRule.EMERGENCY_GATE_NORMALLY_CLOSED,
              "emergency gate must be normally closed");
        }
        if (!emergency && gate.normallyClosed()) {
          report(gate.id(), ParkRule.OTHER_GATE_NORMALLY_OPEN,
              "%s gate is normally closed; only emergency gates are", name(gate.type()));
        }
      }
    }

    private void checkCheckpoint(Gate gate) {
      ZoneId guarded = gate.guardedZone().orElseThrow();
      Optional<ControlZone> zone = park.zone(guarded);
      if (zone.isEmpty() || zone.get().zoneClass() != ZoneClass.CORE) {
        report(gate.id(), ParkRule.CHECKPOINT_ON_CORE_ZONE,
            "checkpoint guards %s, which is not a core zone of the park", guarded);
        return;
      }
      Geometry boundary = projection.toMetres(zone.get().area()).getBoundary();
      double distance = boundary.distance(factory.createPoint(projection.toMetres(gate.position().getCoordinate())));
      if (distance > ON_PERIMETER_TOLERANCE_M) {
        report(gate.id(), ParkRule.CHECKPOINT_ON_CORE_ZONE,
            "checkpoint stands %.0f m from the boundary of %s; it must sit on it (within %.0f m)",
            distance, guarded, ON_PERIMETER_TOLERANCE_M);
      }
    }

    private void checkLaneClasses(Gate gate) {
      if (gate.type() == GateType.ORDINARY) {
        String dangerous = laneIds(gate, true);
        if (!dangerous.isEmpty()) {
          report(gate.id(), ParkRule.ORDINARY_GATE_NO_DANGEROUS_GOODS,
              "ordinary gate has hazmat/hazwaste lanes %s (guideline 7.1.2.2 c)", dangerous);
        }
      }
      if (gate.type() == GateType.DEDICATED) {
        String other = laneIds(gate, false);
        if (!other.isEmpty()) {
          report(gate.id(), ParkRule.DEDICATED_GATE_DANGEROUS_GOODS_ONLY,
              "dedicated gate has lanes %s that are not hazmat/hazwaste (guideline 7.1.2.2 b)",
              other);
        }
      }
    }

    private static String laneIds(Gate gate, boolean dangerousGoods) {
      return gate.lanes().stream()
          .filter(lane -> lane.laneClass().carriesDangerousGoods() == dangerousGoods)
          .map(lane -> lane.id() + " (" + name(lane.laneClass()) + ")")
          .collect(Collectors.joining(", "));
    }

    private double distanceToPerimeter(Coordinate lonLat) {
      Geometry point = factory.createPoint(projection.toMetres(lonLat));
      return metricRing.stream()
          .filter(line -> !line.isEmpty())
          .mapToDouble(line -> line.distance(point))
          .min()
          .orElse(0); // no perimeter at all is reported once, as perimeter-closed
    }

    // ---- sensors, roads, parking ----

    private void checkSensors() {
      for (Sensor sensor : park.sensors()) {
        LineString segment = metricSegments.get(sensor.segmentId());
        if (segment == null) {
          report(sensor.id(), ParkRule.SENSOR_SEGMENT_EXISTS,
              "sensor guards segment %s, which does not exist", sensor.segmentId());
          continue;
        }
        double distance =
            segment.isEmpty()
                ? 0
                : segment.distance(
                    factory.createPoint(projection.toMetres(sensor.position().getCoordinate())));
        if (distance > ON_PERIMETER_TOLERANCE_M) {
          report(sensor.id(), ParkRule.SENSOR_ON_SEGMENT,
              "sensor stands %.0f m from its segment %s (at most %.0f m)",
              distance, sensor.segmentId(), ON_PERIMETER_TOLERANCE_M);
        }
      }
    }

    private void checkRoads() {
      for (Road road : park.roads()) {
        double limit = road.speedLimitKmh();
        if (!(limit > 0) || Double.isInfinite(limit)) {
          report(road.id(), ParkRule.ROAD_SPEED_LIMIT_POSITIVE,
              "speed limit is %s km/h; it must be a positive number", limit);
        }
      }
    }

    private void checkParkingLots() {
      for (ParkingLot lot : park.parkingLots()) {
        if (lot.capacity() <= 0) {
          report(lot.id(), ParkRule.PARKING_CAPACITY_POSITIVE,
              "capacity is %d vehicles; it must be at least 1", lot.capacity());
        }
      }
    }

    // ---- helpers ----

    private static String name(Enum<?> value) {
      return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Coordinate centreOf(Park park) {
      Envelope envelope = new Envelope();
      park.perimeter().forEach(s -> envelope.expandToInclude(s.line().getEnvelopeInternal()));
      if (envelope.isNull()) {
        park.zones().forEach(z -> envelope.expandToInclude(z.area().getEnvelopeInternal()));
      }
      if (envelope.isNull()) {
        park.gates().forEach(g -> envelope.expandToInclude(g.position().getCoordinate()));
      }
      return envelope.isNull() ? new Coordinate(0, 0) : envelope.centre();
    }
  }
}
