package io.cordon.map.plan;

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
import io.cordon.domain.park.LoadingPoint;
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
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A park of about 3.8 × 3.3 km with one or more of every feature the plan draws: four perimeter
 * types, three zone classes, three road classes, four gate types, cameras (one a 360° dome), a
 * sensor of each type, a hazmat and an ordinary parking lot, and a cluster of enterprises close
 * enough together that their names compete for room at the fitted zoom.
 */
final class PlanTestPark {
  static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
  static final double W = 118.80;
  static final double S = 32.10;
  static final double E = 118.84;
  static final double N = 32.13;
  static final int CLUSTERED_ENTERPRISES = 12;

  private PlanTestPark() {}

  static Park park() {
    Polygon core = box(118.805, 32.105, 118.812, 32.112);
    Polygon key = box(118.818, 32.104, 118.828, 32.113);
    Polygon general = GEO.createPolygon(ring(W, S, E, N), new LinearRing[] {core.getExteriorRing(), key.getExteriorRing()});
    List<ControlZone> zones = List.of(
        new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, general),
        new ControlZone(new ZoneId("Z-CORE"), "核心控制区一（储罐区）", ZoneClass.CORE, core),
        new ControlZone(new ZoneId("Z-KEY"), "关键控制区一（危险物品运输车辆停车场）", ZoneClass.KEY, key));
    List<PerimeterSegment> perimeter = List.of(
        segment("SEG-S", PerimeterType.WALL, W, S, E, S),
        segment("SEG-E", PerimeterType.FENCE, E, S, E, N),
        segment("SEG-N", PerimeterType.RIVER, E, N, W, N),
        segment("SEG-W", PerimeterType.ELECTRONIC_FENCE, W, N, W, S));
    List<Gate> gates = List.of(
        gate("G1", "1号综合卡口", GateType.COMPREHENSIVE, 118.81, S),
        gate("G2", "2号专用卡口", GateType.DEDICATED, E, 32.115),
        gate("G3", "3号普通卡口", GateType.ORDINARY, 118.83, S),
        gate("G4", "4号应急卡口", GateType.EMERGENCY, W, 32.12));
    List<Road> roads = List.of(
        new Road(new RoadId("R-HAZ"), "危化品专用道", RoadClass.HAZMAT, line(E, 32.115, 118.815, 32.115), 30),
        new Road(new RoadId("R-ORD"), "纬一路", RoadClass.ORDINARY, line(W, 32.102, E, 32.102), 40),
        new Road(new RoadId("R-EMG"), "西区应急通道", RoadClass.EMERGENCY, line(W, 32.12, 118.82, 32.12), 50));
    List<Camera> cameras = List.of(
        new Camera(new CameraId("CAM-1"), "1号门入口抓拍", point(118.8101, 32.1003), 180, 60),
        new Camera(new CameraId("CAM-2"), "核心区高点监控", point(118.8085, 32.1085), 0, 360));
    List<Sensor> sensors = new ArrayList<>();
    SensorType[] types = SensorType.values();
    for (int i = 0; i < types.length; i++) {
      sensors.add(new Sensor(new SensorId("S-" + (i + 1)), types[i], point(118.803 + 0.008 * i, S), new SegmentId("SEG-S")));
    }
    List<ParkingLot> lots = List.of(
        new ParkingLot(new ParkingLotId("PL-HAZ"), "危险物品运输车辆停车场", box(118.820, 32.106, 118.826, 32.111), 40, true),
        new ParkingLot(new ParkingLotId("PL-ORD"), "社会车辆停车场", box(118.832, 32.104, 118.837, 32.108), 100, false));
    List<Enterprise> enterprises = new ArrayList<>();
    for (int i = 0; i < CLUSTERED_ENTERPRISES; i++) {
      double lon = 118.803 + 0.0012 * (i % 4);
      double lat = 32.122 + 0.0009 * (i / 4);
      String id = String.format("ENT-%02d", i + 1);
      enterprises.add(new Enterprise(new EnterpriseId(id), "示例化工有限公司" + (i + 1), point(lon, lat),
          List.of(new LoadingPoint("LP1", "装车台", point(lon + 0.0003, lat - 0.0002)))));
    }
    return new Park("P-PLAN", "测试园区", 1, perimeter, zones, gates, roads, cameras, sensors, lots, enterprises);
  }

  static Point point(double lon, double lat) {
    return GEO.createPoint(new Coordinate(lon, lat));
  }

  static LineString line(double x1, double y1, double x2, double y2) {
    return GEO.createLineString(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)});
  }

  static Polygon box(double w, double s, double e, double n) {
    return GEO.createPolygon(ring(w, s, e, n));
  }

  static LinearRing ring(double w, double s, double e, double n) {
    return GEO.createLinearRing(new Coordinate[] {
        new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
  }

  static PerimeterSegment segment(String id, PerimeterType type, double x1, double y1, double x2, double y2) {
    return new PerimeterSegment(new SegmentId(id), type, line(x1, y1, x2, y2));
  }

  static Gate gate(String id, String name, GateType type, double lon, double lat) {
    LaneClass laneClass = type == GateType.EMERGENCY ? LaneClass.EMERGENCY
        : type == GateType.DEDICATED ? LaneClass.HAZMAT
        : LaneClass.ORDINARY;
    return new Gate(new GateId(id), name, type, point(lon, lat),
        List.of(new Lane(id + "-L1", laneClass, LaneDirection.BOTH)), type == GateType.EMERGENCY);
  }
}
