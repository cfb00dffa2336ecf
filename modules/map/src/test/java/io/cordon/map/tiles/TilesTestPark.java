package io.cordon.map.tiles;

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
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** A small park where the sample park lies (Jiangsu riverside, about 5 × 3 km) for the tile tests. */
final class TilesTestPark {
  static final double W = 120.919;
  static final double S = 31.929;
  static final double E = 120.969;
  static final double N = 31.957;
  /** The park with a wide margin: the tile sets written by the tests cover this. */
  static final LonLatBounds SURROUNDINGS = new LonLatBounds(W - 0.06, S - 0.04, E + 0.06, N + 0.04);
  private static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);

  private TilesTestPark() {}

  static Park park() {
    Polygon core = box(120.925, 31.933, 120.935, 31.941);
    Polygon key = box(120.945, 31.945, 120.962, 31.953);
    Polygon general = GEO.createPolygon(ring(W, S, E, N), new LinearRing[] {core.getExteriorRing(), key.getExteriorRing()});
    List<ControlZone> zones = List.of(
        new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, general),
        new ControlZone(new ZoneId("Z-CORE"), "核心区一（储罐区）", ZoneClass.CORE, core),
        new ControlZone(new ZoneId("Z-KEY"), "关键区一（合成车间）", ZoneClass.KEY, key));
    List<PerimeterSegment> perimeter = List.of(
        segment("SEG-S", PerimeterType.WALL, W, S, E, S),
        segment("SEG-E", PerimeterType.FENCE, E, S, E, N),
        segment("SEG-N", PerimeterType.RIVER, E, N, W, N),
        segment("SEG-W", PerimeterType.ELECTRONIC_FENCE, W, N, W, S));
    List<Gate> gates = List.of(
        gate("G1", "1号综合卡口", GateType.COMPREHENSIVE, 120.94, S),
        gate("G2", "2号应急卡口", GateType.EMERGENCY, W, 31.948));
    List<Road> roads = List.of(new Road(new RoadId("R1"), "危化品专用道", RoadClass.HAZMAT,
        GEO.createLineString(new Coordinate[] {new Coordinate(120.94, S), new Coordinate(120.94, 31.95)}), 30));
    return new Park("P-TILES", "瓦片测试园区", 1, perimeter, zones, gates, roads, List.of(), List.of(), List.of(), List.of());
  }

  private static Polygon box(double w, double s, double e, double n) {
    return GEO.createPolygon(ring(w, s, e, n));
  }

  private static LinearRing ring(double w, double s, double e, double n) {
    return GEO.createLinearRing(new Coordinate[] {
        new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
  }

  private static PerimeterSegment segment(String id, PerimeterType type, double x1, double y1, double x2, double y2) {
    return new PerimeterSegment(new SegmentId(id), type,
        GEO.createLineString(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)}));
  }

  private static Gate gate(String id, String name, GateType type, double lon, double lat) {
    LaneClass laneClass = type == GateType.EMERGENCY ? LaneClass.EMERGENCY : LaneClass.ORDINARY;
    return new Gate(new GateId(id), name, type, GEO.createPoint(new Coordinate(lon, lat)),
        List.of(new Lane(id + "-L1", laneClass, LaneDirection.BOTH)), type == GateType.EMERGENCY);
  }
}
