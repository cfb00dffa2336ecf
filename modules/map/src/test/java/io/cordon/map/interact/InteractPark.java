package io.cordon.map.interact;

import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A 3.8 × 3.3 km park with one of every feature the operator can point at: a general zone with a
 * core and a key zone cut out, four gates (one emergency), a camera, a perimeter sensor, an
 * enterprise, the hazmat parking lot and a hazmat road.
 */
final class InteractPark {
  static final GeometryFactory GEO = new GeometryFactory();
  static final double W = 118.80;
  static final double S = 32.10;
  static final double E = 118.84;
  static final double N = 32.13;

  static final Gate SOUTH_GATE = gate("G1", "南一门（综合卡口）", GateType.COMPREHENSIVE, 118.81, S);
  static final Gate EAST_GATE = gate("G2", "东二门（专用卡口）", GateType.DEDICATED, E, 32.115);
  static final Gate SOUTH_EAST_GATE = gate("G3", "南三门（普通卡口）", GateType.ORDINARY, 118.83, S);
  static final Gate EMERGENCY_GATE = gate("G4", "西应急门", GateType.EMERGENCY, W, 32.12);
  static final Camera EAST_CAMERA =
      new Camera(new CameraId("CAM-07"), "东二门入口抓拍", point(118.8385, 32.1162), 270, 60);
  static final Sensor SOUTH_SENSOR =
      new Sensor(new SensorId("SNS-S-03"), SensorType.FENCE_VIBRATION, point(118.82, S), new SegmentId("SEG-S"));
  static final Enterprise REFINERY =
      new Enterprise(new EnterpriseId("ENT-01"), "江澄石化储运有限公司", point(118.8085, 32.1085), List.of());
  static final ParkingLot HAZMAT_LOT = new ParkingLot(
      new ParkingLotId("LOT-H"), "危险物品运输车辆停车场", box(118.832, 32.102, 118.837, 32.106), 120, true);
  static final Road HAZMAT_ROAD = new Road(
      new RoadId("R1"), "危化品专用道", RoadClass.HAZMAT,
      GEO.createLineString(new Coordinate[] {new Coordinate(E, 32.115), new Coordinate(118.815, 32.115)}), 30);

  private InteractPark() {}

  static Park park() {
    Polygon core = box(118.805, 32.105, 118.812, 32.112);
    Polygon key = box(118.818, 32.104, 118.828, 32.113);
    Polygon general = GEO.createPolygon(ring(W, S, E, N), new LinearRing[] {core.getExteriorRing(), key.getExteriorRing()});
    return new Park(
        "P-INTERACT", "交互测试园区", 1,
        List.of(
            segment("SEG-S", PerimeterType.WALL, W, S, E, S),
            segment("SEG-E", PerimeterType.FENCE, E, S, E, N),
            segment("SEG-N", PerimeterType.RIVER, E, N, W, N),
            segment("SEG-W", PerimeterType.ELECTRONIC_FENCE, W, N, W, S)),
        List.of(
            new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, general),
            new ControlZone(new ZoneId("Z-CORE-1"), "核心控制区一（储罐区）", ZoneClass.CORE, core),
            new ControlZone(new ZoneId("Z-KEY-1"), "关键控制区一（装卸区）", ZoneClass.KEY, key)),
        List.of(SOUTH_GATE, EAST_GATE, SOUTH_EAST_GATE, EMERGENCY_GATE),
        List.of(HAZMAT_ROAD),
        List.of(EAST_CAMERA),
        List.of(SOUTH_SENSOR),
        List.of(HAZMAT_LOT),
        List.of(REFINERY));
  }

  static Point point(double lon, double lat) {
    return GEO.createPoint(new Coordinate(lon, lat));
  }

  static Polygon box(double w, double s, double e, double n) {
    return GEO.createPolygon(ring(w, s, e, n));
  }

  static LinearRing ring(double w, double s, double e, double n) {
    return GEO.createLinearRing(new Coordinate[] {
        new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
  }

  static PerimeterSegment segment(String id, PerimeterType type, double x1, double y1, double x2, double y2) {
    return new PerimeterSegment(new SegmentId(id), type,
        GEO.createLineString(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)}));
  }

  static Gate gate(String id, String name, GateType type, double lon, double lat) {
    LaneClass laneClass = type == GateType.EMERGENCY ? LaneClass.EMERGENCY
        : type == GateType.DEDICATED ? LaneClass.HAZMAT : LaneClass.ORDINARY;
    return new Gate(new GateId(id), name, type, point(lon, lat),
        List.of(new Lane(id + "-L1", laneClass, LaneDirection.BOTH)), type == GateType.EMERGENCY);
  }
}
