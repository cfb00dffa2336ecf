package io.cordon.map;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** A small park shaped like the sample: a general zone with holes for two key and one core zone. */
public final class SampleLikePark {
  static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
  static final double W = 118.80;
  static final double S = 32.10;
  static final double E = 118.84;
  static final double N = 32.13;

  private SampleLikePark() {}

  public static Park park() {
    Polygon core = box(118.805, 32.105, 118.812, 32.112);
    Polygon key1 = box(118.818, 32.104, 118.828, 32.113);
    Polygon key2 = box(118.806, 32.118, 118.830, 32.126);
    LinearRing outer = ring(W, S, E, N);
    Polygon general =
        GEO.createPolygon(
            outer,
            new LinearRing[] {core.getExteriorRing(), key1.getExteriorRing(), key2.getExteriorRing()});
    List<ControlZone> zones =
        List.of(
            new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, general),
            new ControlZone(new ZoneId("Z-CORE-1"), "核心区 1", ZoneClass.CORE, core),
            new ControlZone(new ZoneId("Z-KEY-1"), "关键区 1", ZoneClass.KEY, key1),
            new ControlZone(new ZoneId("Z-KEY-2"), "关键区 2", ZoneClass.KEY, key2));
    List<PerimeterSegment> perimeter =
        List.of(
            segment("SEG-S", PerimeterType.WALL, W, S, E, S),
            segment("SEG-E", PerimeterType.FENCE, E, S, E, N),
            segment("SEG-N", PerimeterType.RIVER, E, N, W, N),
            segment("SEG-W", PerimeterType.ELECTRONIC_FENCE, W, N, W, S));
    List<Gate> gates = new ArrayList<>();
    gates.add(gate("G1", "1号综合卡口", GateType.COMPREHENSIVE, 118.81, S, false));
    gates.add(gate("G2", "2号专用卡口", GateType.DEDICATED, E, 32.115, false));
    gates.add(gate("G3", "3号普通卡口", GateType.ORDINARY, 118.83, S, false));
    gates.add(gate("G4", "4号应急卡口", GateType.EMERGENCY, W, 32.12, true));
    List<Road> roads =
        List.of(
            new Road(
                new RoadId("R1"),
                "危化品专用道",
                RoadClass.HAZMAT,
                GEO.createLineString(new Coordinate[] {new Coordinate(E, 32.115), new Coordinate(118.815, 32.115)}),
                30));
    return new Park("P-TEST", "测试园区", 1, perimeter, zones, gates, roads, List.of(), List.of(), List.of(), List.of());
  }

  static Polygon box(double w, double s, double e, double n) {
    return GEO.createPolygon(ring(w, s, e, n));
  }

  static LinearRing ring(double w, double s, double e, double n) {
    return GEO.createLinearRing(
        new Coordinate[] {
          new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)
        });
  }

  static PerimeterSegment segment(String id, PerimeterType type, double x1, double y1, double x2, double y2) {
    return new PerimeterSegment(
        new SegmentId(id),
        type,
        GEO.createLineString(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)}));
  }

  static Gate gate(String id, String name, GateType type, double lon, double lat, boolean closed) {
    LaneClass laneClass = type == GateType.EMERGENCY ? LaneClass.EMERGENCY
        : type == GateType.DEDICATED ? LaneClass.HAZMAT
        : LaneClass.ORDINARY;
    return new Gate(
        new GateId(id),
        name,
        type,
        GEO.createPoint(new Coordinate(lon, lat)),
        List.of(new Lane(id + "-L1", laneClass, LaneDirection.BOTH)),
        closed);
  }
}
