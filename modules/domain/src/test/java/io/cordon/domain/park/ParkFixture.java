package io.cordon.domain.park;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.geo.Wgs84;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Small parks built in code. The minimal valid park is a 1 km square drawn in metres east/north
 * of an origin on the Yangtze (x 0..1000, y 0..1000), with one feature of every kind and one gate
 * of every type, each gate on a different side of the square.
 */
public final class ParkFixture {
  public static final Coordinate ORIGIN = new Coordinate(120.95, 31.95);

  private final LocalProjection projection;
  private final AffineTransformation plan;

  private ParkFixture(Coordinate origin, AffineTransformation plan) {
    this.projection = LocalProjection.around(origin);
    this.plan = plan;
  }

  /** The fixture's drawing helpers at {@link #ORIGIN}, untransformed. */
  public static ParkFixture metres() {
    return new ParkFixture(ORIGIN, new AffineTransformation());
  }

  public static Park minimalValidPark() {
    return metres().park();
  }

  /** The minimal park, its metric plan transformed (rotated, scaled…) and placed at origin. */
  public static Park minimalValidPark(Coordinate origin, AffineTransformation plan) {
    return new ParkFixture(origin, plan).park();
  }

  private Park park() {
    List<PerimeterSegment> perimeter = List.of(
        segment("SEG-1", PerimeterType.WALL, 0, 0, 1000, 0),
        segment("SEG-2", PerimeterType.FENCE, 1000, 0, 1000, 1000),
        segment("SEG-3", PerimeterType.RIVER, 1000, 1000, 0, 1000),
        segment("SEG-4", PerimeterType.ELECTRONIC_FENCE, 0, 1000, 0, 0));
    List<ControlZone> zones = List.of(
        new ControlZone(new ZoneId("Z-CORE"), "核心控制区", ZoneClass.CORE,
            rect(100, 100, 300, 300)),
        new ControlZone(new ZoneId("Z-KEY"), "关键控制区", ZoneClass.KEY,
            rect(600, 600, 800, 800)),
        new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL,
            polygonWithHoles(rectRing(0, 0, 1000, 1000), rectRing(100, 100, 300, 300),
                rectRing(600, 600, 800, 800))));
    List<Gate> gates = List.of(
        gate("G-COMP", GateType.COMPREHENSIVE, 500, 0, false,
            lane("P1", LaneClass.PEDESTRIAN), lane("L1", LaneClass.ORDINARY),
            lane("L2", LaneClass.HAZMAT), lane("L3", LaneClass.HAZWASTE)),
        gate("G-DED", GateType.DEDICATED, 1000, 500, false,
            lane("L1", LaneClass.HAZMAT), lane("L2", LaneClass.HAZWASTE)),
        gate("G-ORD", GateType.ORDINARY, 500, 1000, false,
            lane("P1", LaneClass.PEDESTRIAN), lane("L1", LaneClass.ORDINARY)),
        gate("G-EMG", GateType.EMERGENCY, 0, 500, true, lane("L1", LaneClass.EMERGENCY)));
    List<Road> roads = List.of(
        new Road(new RoadId("R-1"), "经一路", RoadClass.HAZMAT, line(500, 0, 500, 500), 30));
    List<Camera> cameras = List.of(
        new Camera(new CameraId("CAM-1"), "南门", point(500, 20), 180, 60));
    List<Sensor> sensors = List.of(
        new Sensor(new SensorId("S-1"), SensorType.INFRARED, point(250, 0),
            new SegmentId("SEG-1")));
    List<ParkingLot> lots = List.of(
        new ParkingLot(new ParkingLotId("PL-1"), "危险物品运输车辆停车场",
            rect(400, 100, 450, 150), 20, true));
    List<Enterprise> enterprises = List.of(
        new Enterprise(new EnterpriseId("ENT-1"), "示例化工有限公司", point(200, 200),
            List.of(new LoadingPoint("LP1", "装车台", point(220, 180)))));
    return new Park("TEST", "测试园区", 1, perimeter, zones, gates, roads, cameras, sensors, lots,
        enterprises);
  }

  /** A copy of the park after the change has edited its parts. */
  public static Park edit(Park park, Consumer<Parts> change) {
    Parts parts = new Parts(park);
    change.accept(parts);
    return parts.build();
  }

  /** The mutable parts of a park, for tests that break one rule. */
  public static final class Parts {
    public String id;
    public String name;
    public long version;
    public final List<PerimeterSegment> perimeter;
    public final List<ControlZone> zones;
    public final List<Gate> gates;
    public final List<Road> roads;
    public final List<Camera> cameras;
    public final List<Sensor> sensors;
    public final List<ParkingLot> parkingLots;
    public final List<Enterprise> enterprises;

    Parts(Park p) {
      id = p.id();
      name = p.name();
      version = p.version();
      perimeter = new ArrayList<>(p.perimeter());
      zones = new ArrayList<>(p.zones());
      gates = new ArrayList<>(p.gates());
      roads = new ArrayList<>(p.roads());
      cameras = new ArrayList<>(p.cameras());
      sensors = new ArrayList<>(p.sensors());
      parkingLots = new ArrayList<>(p.parkingLots());
      enterprises = new ArrayList<>(p.enterprises());
    }

    /** Replaces the gate with the same id. */
    public void replace(Gate gate) {
      gates.replaceAll(g -> g.id().equals(gate.id()) ? gate : g);
    }

    public Gate gate(String id) {
      return gates.stream().filter(g -> g.id().value().equals(id)).findFirst().orElseThrow();
    }

    Park build() {
      return new Park(id, name, version, perimeter, zones, gates, roads, cameras, sensors,
          parkingLots, enterprises);
    }
  }

  // ---- drawing in metres ----

  public Coordinate lonLat(double x, double y) {
    Coordinate planned = plan.transform(new Coordinate(x, y), new Coordinate());
    return projection.toLonLat(planned);
  }

  public Point point(double x, double y) {
    return Wgs84.FACTORY.createPoint(lonLat(x, y));
  }

  /** A line through (x, y) pairs. */
  public LineString line(double... xy) {
    return Wgs84.FACTORY.createLineString(coordinates(xy));
  }

  /** A polygon through (x, y) pairs; closes itself. */
  public Polygon polygon(double... xy) {
    double[] closed = Arrays.copyOf(xy, xy.length + 2);
    closed[xy.length] = xy[0];
    closed[xy.length + 1] = xy[1];
    return Wgs84.FACTORY.createPolygon(coordinates(closed));
  }

  public Polygon rect(double x1, double y1, double x2, double y2) {
    return Wgs84.FACTORY.createPolygon(rectRing(x1, y1, x2, y2));
  }

  public LinearRing rectRing(double x1, double y1, double x2, double y2) {
    return Wgs84.FACTORY.createLinearRing(coordinates(x1, y1, x2, y1, x2, y2, x1, y2, x1, y1));
  }

  public Polygon polygonWithHoles(LinearRing shell, LinearRing... holes) {
    return Wgs84.polygon(shell, holes);
  }

  public PerimeterSegment segment(String id, PerimeterType type, double... xy) {
    return new PerimeterSegment(new SegmentId(id), type, line(xy));
  }

  public Gate gate(String id, GateType type, double x, double y, boolean normallyClosed,
      Lane... lanes) {
    return new Gate(new GateId(id), id + "门", type, point(x, y), List.of(lanes), normallyClosed);
  }

  public static Lane lane(String id, LaneClass laneClass) {
    return new Lane(id, laneClass, LaneDirection.BOTH);
  }

  private Coordinate[] coordinates(double... xy) {
    Coordinate[] result = new Coordinate[xy.length / 2];
    for (int i = 0; i < result.length; i++) {
      result[i] = lonLat(xy[2 * i], xy[2 * i + 1]);
    }
    return result;
  }
}
