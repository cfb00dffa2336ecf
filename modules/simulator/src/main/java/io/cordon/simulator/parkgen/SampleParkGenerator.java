package io.cordon.simulator.parkgen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.ZoneClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Writes the sample park (DESIGN §7): a fictional riverside chemical park on the south bank of
 * the Yangtze in Jiangsu, about 13 km², whose northern perimeter is the river bank. The plan is
 * drawn in metres east/north of a fixed origin and projected to WGS84; nothing is random, so the
 * output is the same on every run. Regenerate with the command in resources/park/README.md.
 */
public final class SampleParkGenerator {
  /** The south-west corner of the plan, WGS84 (lon, lat). */
  static final Coordinate ORIGIN = new Coordinate(120.92, 31.93);

  static final String PARK_ID = "JS-BJ-CHEM";
  static final String PARK_NAME = "江苏滨江化学工业园区（示例）";
  static final long PARK_VERSION = 2;

  /** Where the committed file lives, relative to the repository root. */
  static final Path DEFAULT_OUTPUT = Paths.get("resources", "park", "sample-park.geojson");

  private static final double SENSOR_SPACING_M = 100;
  private static final double PERIMETER_CAMERA_SPACING_M = 600;

  private final GeoJsonFeatures out = new GeoJsonFeatures(LocalProjection.around(ORIGIN));
  private final MetricRing ring = new MetricRing();
  private final List<PerimeterType> segmentTypes = new ArrayList<>();
  private final List<double[]> innerAreas = new ArrayList<>();
  private final List<String> roadNames = new ArrayList<>();
  private final List<LineString> roadLines = new ArrayList<>();
  private final GeometryFactory metric = new GeometryFactory();
  private int cameraCount;

  private SampleParkGenerator() {}

  /** The GeoJSON text of the sample park. */
  public static String generate() {
    return new SampleParkGenerator().build();
  }

  /** Writes the sample park to {@code args[0]}, or to resources/park/sample-park.geojson. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Paths.get(args[0]) : DEFAULT_OUTPUT;
    Files.writeString(target, generate(), StandardCharsets.UTF_8);
    System.out.println("wrote " + target.toAbsolutePath());
  }

  private String build() {
    perimeter();
    zones();
    gates();
    roads();
    parkingLots();
    perimeterCameras();
    crossingCameras();
    sensors();
    enterprises();
    checkpoints();
    return out.write(PARK_ID, PARK_NAME, PARK_VERSION);
  }

  // ---- perimeter: counter-clockwise from the south-west corner; the north side is the river ----

  private void perimeter() {
    segment(PerimeterType.WALL, c(0, 0), c(750, -40));
    segment(PerimeterType.WALL, c(750, -40), c(1500, -80));
    segment(PerimeterType.WALL, c(1500, -80), c(2250, -40));
    segment(PerimeterType.WALL, c(2250, -40), c(3000, 0));
    segment(PerimeterType.WALL, c(3000, 0), c(3750, 50));
    segment(PerimeterType.WALL, c(3750, 50), c(4500, 100));
    segment(PerimeterType.FENCE, c(4500, 100), c(4575, 650), c(4650, 1200));
    segment(PerimeterType.ELECTRONIC_FENCE, c(4650, 1200), c(4625, 1850));
    segment(PerimeterType.ELECTRONIC_FENCE, c(4625, 1850), c(4600, 2500));
    segment(PerimeterType.RIVER, c(4600, 2500), c(4200, 2660), c(3800, 2800));
    segment(PerimeterType.RIVER, c(3800, 2800), c(3150, 2900), c(2500, 2950));
    segment(PerimeterType.RIVER, c(2500, 2950), c(1850, 2920), c(1200, 2850));
    segment(PerimeterType.RIVER, c(1200, 2850), c(650, 2770), c(100, 2650));
    segment(PerimeterType.FENCE, c(100, 2650), c(0, 1975));
    segment(PerimeterType.FENCE, c(0, 1975), c(-100, 1300));
    segment(PerimeterType.ELECTRONIC_FENCE, c(-100, 1300), c(-50, 650));
    segment(PerimeterType.ELECTRONIC_FENCE, c(-50, 650), c(0, 0));
  }

  private void segment(PerimeterType type, Coordinate... points) {
    ring.add(points);
    segmentTypes.add(type);
    out.add(segmentId(segmentTypes.size() - 1), "perimeter-segment", out.lineString(List.of(points)))
        .put("perimeterType", GeoJsonFeatures.spelling(type));
  }

  private static String segmentId(int index) {
    return String.format("SEG-%02d", index + 1);
  }

  // ---- zones: core and key areas are rectangles; the general area is the rest of the park ----

  private void zones() {
    area("Z-CORE-1", "核心控制区一（储罐区）", ZoneClass.CORE, 3300, 2000, 4100, 2500);
    area("Z-CORE-2", "核心控制区二（液氯储存区）", ZoneClass.CORE, 1500, 2050, 2100, 2500);
    area("Z-CORE-3", "核心控制区三（光气化装置区）", ZoneClass.CORE, 2600, 1200, 3100, 1600);
    area("Z-KEY-1", "关键控制区一（危险物品运输车辆停车场）", ZoneClass.KEY, 300, 300, 700, 700);
    area("Z-KEY-2", "关键控制区二（码头作业区）", ZoneClass.KEY, 200, 2100, 1200, 2550);
    area("Z-KEY-3", "关键控制区三（危化品仓储区）", ZoneClass.KEY, 3700, 1100, 4300, 1600);
    area("Z-KEY-4", "关键控制区四（危险废物处置中心）", ZoneClass.KEY, 1500, 1100, 2100, 1550);
    area("Z-KEY-5", "关键控制区五（精细化工生产区）", ZoneClass.KEY, 850, 1250, 1200, 1750);
    area("Z-KEY-6", "关键控制区六（污水处理厂）", ZoneClass.KEY, 3600, 250, 4200, 650);
    List<List<Coordinate>> rings = new ArrayList<>();
    rings.add(ringPoints());
    for (double[] r : innerAreas) {
      rings.add(clockwise(r[0], r[1], r[2], r[3]));
    }
    out.add("Z-GEN", "zone", out.polygon(rings))
        .put("name", "一般控制区")
        .put("zoneClass", GeoJsonFeatures.spelling(ZoneClass.GENERAL));
  }

  private void area(String id, String name, ZoneClass zoneClass, double x1, double y1,
      double x2, double y2) {
    innerAreas.add(new double[] {x1, y1, x2, y2});
    out.add(id, "zone", out.polygon(List.of(counterClockwise(x1, y1, x2, y2))))
        .put("name", name)
        .put("zoneClass", GeoJsonFeatures.spelling(zoneClass));
  }

  private List<Coordinate> ringPoints() {
    List<Coordinate> points = new ArrayList<>();
    for (MetricRing.Segment segment : ring.segments()) {
      List<Coordinate> p = segment.points();
      points.addAll(points.isEmpty() ? p : p.subList(1, p.size()));
    }
    return points;
  }

  private static List<Coordinate> counterClockwise(double x1, double y1, double x2, double y2) {
    return List.of(c(x1, y1), c(x2, y1), c(x2, y2), c(x1, y2), c(x1, y1));
  }

  private static List<Coordinate> clockwise(double x1, double y1, double x2, double y2) {
    return List.of(c(x1, y1), c(x1, y2), c(x2, y2), c(x2, y1), c(x1, y1));
  }

  // ---- gates ----

  private MetricRing.Station g1;
  private MetricRing.Station g2;
  private MetricRing.Station g3;
  private MetricRing.Station g4;
  private MetricRing.Station g5;
  private MetricRing.Station g6;
  private MetricRing.Station g7;
  private MetricRing.Station g8;
  private MetricRing.Station g9;

  private void gates() {
    LaneSpec pedestrian = new LaneSpec("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH);
    g1 = gate("G1", "南一门（综合卡口）", GateType.COMPREHENSIVE, ring.where(3, 'x', 2300),
        pedestrian,
        lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
        lane("L2", LaneClass.ORDINARY, LaneDirection.EXIT),
        lane("L3", LaneClass.HAZMAT, LaneDirection.ENTRY),
        lane("L4", LaneClass.HAZMAT, LaneDirection.EXIT),
        lane("L5", LaneClass.HAZWASTE, LaneDirection.ENTRY),
        lane("L6", LaneClass.HAZWASTE, LaneDirection.EXIT));
    g2 = gate("G2", "西南门（危化品专用卡口）", GateType.DEDICATED, ring.where(1, 'x', 750),
        lane("L1", LaneClass.HAZMAT, LaneDirection.ENTRY),
        lane("L2", LaneClass.HAZMAT, LaneDirection.ENTRY),
        lane("L3", LaneClass.HAZMAT, LaneDirection.EXIT),
        lane("L4", LaneClass.HAZWASTE, LaneDirection.BOTH));
    g3 = gate("G3", "南二门（普通卡口）", GateType.ORDINARY, ring.where(4, 'x', 3450),
        pedestrian,
        lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
        lane("L2", LaneClass.ORDINARY, LaneDirection.EXIT));
    g4 = gate("G4", "东门（综合卡口）", GateType.COMPREHENSIVE, ring.where(8, 'y', 1900),
        pedestrian,
        lane("L1", LaneClass.ORDINARY, LaneDirection.BOTH),
        lane("L2", LaneClass.HAZMAT, LaneDirection.ENTRY),
        lane("L3", LaneClass.HAZMAT, LaneDirection.EXIT),
        lane("L4", LaneClass.HAZWASTE, LaneDirection.BOTH));
    g5 = gate("G5", "东二门（危化品专用卡口）", GateType.DEDICATED, ring.where(6, 'y', 1000),
        lane("L1", LaneClass.HAZMAT, LaneDirection.ENTRY),
        lane("L2", LaneClass.HAZMAT, LaneDirection.EXIT),
        lane("L3", LaneClass.HAZWASTE, LaneDirection.ENTRY),
        lane("L4", LaneClass.HAZWASTE, LaneDirection.EXIT));
    g6 = gate("G6", "西门（普通卡口）", GateType.ORDINARY, ring.where(15, 'y', 950),
        pedestrian,
        lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
        lane("L2", LaneClass.ORDINARY, LaneDirection.EXIT));
    g7 = gate("G7", "西侧应急卡口", GateType.EMERGENCY, ring.where(16, 'y', 200),
        lane("L1", LaneClass.EMERGENCY, LaneDirection.BOTH),
        lane("L2", LaneClass.EMERGENCY, LaneDirection.BOTH),
        lane("P1", LaneClass.PEDESTRIAN, LaneDirection.EXIT));
    g8 = gate("G8", "东侧应急卡口", GateType.EMERGENCY, ring.where(6, 'y', 800),
        lane("L1", LaneClass.EMERGENCY, LaneDirection.BOTH),
        lane("L2", LaneClass.EMERGENCY, LaneDirection.BOTH),
        lane("P1", LaneClass.PEDESTRIAN, LaneDirection.EXIT));
    g9 = gate("G9", "西北门（普通卡口）", GateType.ORDINARY, ring.where(14, 'y', 1900),
        pedestrian,
        lane("L1", LaneClass.ORDINARY, LaneDirection.BOTH));
  }

  /** Added last so that the ids of every earlier feature (cameras above all) stay as they were. */
  private void checkpoints() {
    checkpoint("G10", "液氯储存区检查站", "Z-CORE-2", c(1800, 2050),
        new LaneSpec("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH),
        lane("L1", LaneClass.ORDINARY, LaneDirection.BOTH),
        lane("L2", LaneClass.HAZMAT, LaneDirection.BOTH));
  }

  /** An internal checkpoint (§5.2.2) on the south boundary of the core zone it guards. */
  private void checkpoint(String id, String name, String zone, Coordinate at, LaneSpec... lanes) {
    ObjectNode properties = out.add(id, "gate", out.point(at))
        .put("name", name)
        .put("gateType", GeoJsonFeatures.spelling(GateType.COMPREHENSIVE))
        .put("normallyClosed", false)
        .put("guardsZone", zone);
    ArrayNode laneArray = properties.putArray("lanes");
    for (LaneSpec lane : lanes) {
      laneArray.add(GeoJsonFeatures.object()
          .put("id", lane.id())
          .put("laneClass", GeoJsonFeatures.spelling(lane.laneClass()))
          .put("direction", GeoJsonFeatures.spelling(lane.direction())));
    }
    camera(name + "入口抓拍", c(at.x, at.y - 20), 180, 60);
    camera(name + "区内监控", c(at.x, at.y + 8), 0, 90);
  }

  private record LaneSpec(String id, LaneClass laneClass, LaneDirection direction) {}

  private static LaneSpec lane(String id, LaneClass laneClass, LaneDirection direction) {
    return new LaneSpec(id, laneClass, direction);
  }

  private MetricRing.Station gate(String id, String name, GateType type,
      MetricRing.Station at, LaneSpec... lanes) {
    ObjectNode properties = out.add(id, "gate", out.point(at.point()))
        .put("name", name)
        .put("gateType", GeoJsonFeatures.spelling(type))
        .put("normallyClosed", type == GateType.EMERGENCY);
    ArrayNode laneArray = properties.putArray("lanes");
    for (LaneSpec lane : lanes) {
      laneArray.add(GeoJsonFeatures.object()
          .put("id", lane.id())
          .put("laneClass", GeoJsonFeatures.spelling(lane.laneClass()))
          .put("direction", GeoJsonFeatures.spelling(lane.direction())));
    }
    // Each gate has a capture camera looking out at arriving vehicles and one looking inside.
    String shortName = name.substring(0, name.indexOf('（') > 0 ? name.indexOf('（') : name.length());
    double outward = at.outwardHeading();
    camera(shortName + "入口抓拍", at.inward(20), outward, 60);
    camera(shortName + "场内监控", at.inward(8), (outward + 180) % 360, 90);
    return at;
  }

  // ---- roads ----

  private void roads() {
    road("R-01", "纬一路", RoadClass.ORDINARY, 40, g6.point(), c(3450, 950));
    road("R-02", "滨江化工大道", RoadClass.HAZMAT, 30, c(750, 1900), g4.point());
    road("R-03", "经一路（危化品专用）", RoadClass.HAZMAT, 30, g1.point(), c(2300, 1900));
    road("R-04", "经二路", RoadClass.ORDINARY, 40, c(1300, 100), c(1300, 1900));
    road("R-05", "经三路", RoadClass.ORDINARY, 40, g3.point(), c(3450, 1900));
    road("R-06", "危化品运输专用通道", RoadClass.HAZMAT, 30, g2.point(), c(750, 1900));
    road("R-07", "西区应急通道", RoadClass.EMERGENCY, 50, g7.point(), c(3450, 200));
    road("R-08", "东区应急通道", RoadClass.EMERGENCY, 50, g8.point(), c(3450, 800));
    road("R-09", "东区危化品通道", RoadClass.HAZMAT, 30, g5.point(), c(4450, 1000), c(4450, 1900));
    road("R-10", "纬二路西段", RoadClass.ORDINARY, 40, g9.point(), c(750, 1900));
    road("R-11", "码头作业通道", RoadClass.HAZMAT, 20, c(750, 1900), c(750, 2100));
  }

  private void road(String id, String name, RoadClass roadClass, double speedLimitKmh,
      Coordinate... points) {
    roadNames.add(name);
    roadLines.add(metric.createLineString(points));
    out.add(id, "road", out.lineString(List.of(points)))
        .put("name", name)
        .put("roadClass", GeoJsonFeatures.spelling(roadClass))
        .put("speedLimitKmh", speedLimitKmh);
  }

  // ---- parking lots ----

  private void parkingLots() {
    out.add("PL-1", "parking-lot", out.polygon(List.of(counterClockwise(350, 350, 650, 650))))
        .put("name", "危险物品运输车辆停车场")
        .put("capacity", 120)
        .put("hazmat", true);
    out.add("PL-2", "parking-lot", out.polygon(List.of(counterClockwise(1900, 320, 2200, 520))))
        .put("name", "社会车辆停车场")
        .put("capacity", 300)
        .put("hazmat", false);
  }

  // ---- cameras ----

  private void perimeterCameras() {
    double length = ring.length();
    int n = 0;
    for (double d = PERIMETER_CAMERA_SPACING_M / 2; d < length; d += PERIMETER_CAMERA_SPACING_M) {
      MetricRing.Station s = ring.at(d);
      n++;
      camera(String.format("周界监控%02d（%s）", n, segmentId(s.segmentIndex())), s.inward(5),
          s.heading(), 40);
    }
    for (int i = 0; i < 3; i++) {
      double[] r = innerAreas.get(i);
      camera("核心控制区" + "一二三".charAt(i) + "高点监控", c((r[0] + r[2]) / 2, (r[1] + r[3]) / 2),
          0, 360);
    }
  }

  private void crossingCameras() {
    for (int i = 0; i < roadLines.size(); i++) {
      for (int j = i + 1; j < roadLines.size(); j++) {
        Geometry crossing = roadLines.get(i).intersection(roadLines.get(j));
        for (Coordinate c : crossing.getCoordinates()) {
          camera(roadNames.get(i) + "与" + roadNames.get(j) + "路口", c(c.x + 8, c.y + 8), 225, 90);
        }
      }
    }
  }

  private void camera(String name, Coordinate at, double headingDeg, double fovDeg) {
    cameraCount++;
    out.add(String.format("CAM-%03d", cameraCount), "camera", out.point(at))
        .put("name", name)
        .put("headingDeg", GeoJsonFeatures.decimal(headingDeg, 1))
        .put("fovDeg", fovDeg);
  }

  // ---- sensors: one about every 100 m along the whole perimeter ----

  private void sensors() {
    double length = ring.length();
    int n = 0;
    for (double d = SENSOR_SPACING_M / 2; d < length; d += SENSOR_SPACING_M) {
      MetricRing.Station s = ring.at(d);
      n++;
      out.add(String.format("S-%04d", n), "sensor", out.point(s.point()))
          .put("sensorType", GeoJsonFeatures.spelling(sensorFor(segmentTypes.get(s.segmentIndex()))))
          .put("segmentId", segmentId(s.segmentIndex()));
    }
  }

  private static SensorType sensorFor(PerimeterType type) {
    switch (type) {
      case WALL:
        return SensorType.INFRARED;
      case FENCE:
        return SensorType.FENCE_VIBRATION;
      case ELECTRONIC_FENCE:
        return SensorType.ELECTRONIC_FENCE;
      case RIVER:
        return SensorType.BURIED_CABLE;
      default:
        throw new IllegalArgumentException(type.name());
    }
  }

  // ---- enterprises ----

  private void enterprises() {
    enterprise("江澄石化储运有限公司", 3700, 2250);
    enterprise("苏滨氯碱化工有限公司", 1800, 2250);
    enterprise("沿江聚氨酯科技有限公司", 2850, 1400);
    enterprise("扬子港务码头有限公司", 700, 2300);
    enterprise("澄华危险品仓储有限公司", 4000, 1350);
    enterprise("滨江危险废物处置有限公司", 1800, 1300);
    enterprise("江海精细化工有限公司", 1000, 1500);
    enterprise("清源水务有限公司", 3900, 450);
    enterprise("新澄医药中间体有限公司", 1000, 600);
    enterprise("润泰新材料有限公司", 1700, 600);
    enterprise("华江涂料有限公司", 2700, 600);
    enterprise("东源工业气体有限公司", 3100, 300);
    enterprise("江南农化有限公司", 2700, 2300);
    enterprise("滨江热电有限公司", 3000, 2150);
    enterprise("利华助剂有限公司", 4300, 2100);
    enterprise("恒信电子化学品有限公司", 2000, 1700);
    enterprise("泰和染料有限公司", 400, 1300);
    enterprise("中澄化工物流有限公司", 400, 1650);
    enterprise("金港化学有限公司", 1300, 2400);
    enterprise("瑞丰树脂有限公司", 3300, 1300);
    enterprise("长江环保科技有限公司", 4250, 900);
    enterprise("苏通表面活性剂有限公司", 1600, 250);
  }

  private static final String[] LOADING_POINT_NAMES = {"装车台", "卸车台", "罐车装卸站"};
  private static final double[][] LOADING_POINT_OFFSETS = {{60, -40}, {-60, -40}, {0, 70}};
  private int enterpriseCount;

  private void enterprise(String name, double x, double y) {
    enterpriseCount++;
    ObjectNode properties = out.add(String.format("ENT-%02d", enterpriseCount), "enterprise",
        out.point(c(x, y))).put("name", name);
    ArrayNode points = properties.putArray("loadingPoints");
    int count = 1 + (enterpriseCount - 1) % 3;
    for (int i = 0; i < count; i++) {
      points.add(GeoJsonFeatures.object()
          .put("id", "LP" + (i + 1))
          .put("name", LOADING_POINT_NAMES[i])
          .set("position", out.position(
              c(x + LOADING_POINT_OFFSETS[i][0], y + LOADING_POINT_OFFSETS[i][1]))));
    }
  }

  // ---- helpers ----

  private static Coordinate c(double x, double y) {
    return new Coordinate(x, y);
  }

  /** Compass heading of a metric direction, degrees clockwise from north in [0, 360). */
  static double heading(double dx, double dy) {
    double degrees = Math.toDegrees(Math.atan2(dx, dy));
    return degrees < 0 ? degrees + 360 : degrees;
  }
}
