package io.cordon.client.park;

import io.cordon.api.v1.LonLat;
import io.cordon.domain.geo.Wgs84;
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
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code cordon.v1.Park} as received from GetPark → the domain park the client draws. The server
 * sent a validated park, so this only translates; an UNSPECIFIED or unknown enum value (a newer
 * server) is refused with an {@link IllegalArgumentException} naming the feature.
 */
public final class ParkFromProto {
  private ParkFromProto() {}

  public static Park toDomain(io.cordon.api.v1.Park p) {
    return new Park(
        p.getId(),
        p.getName(),
        p.getVersion(),
        p.getPerimeterList().stream().map(ParkFromProto::segment).toList(),
        p.getZonesList().stream().map(ParkFromProto::zone).toList(),
        p.getGatesList().stream().map(ParkFromProto::gate).toList(),
        p.getRoadsList().stream().map(ParkFromProto::road).toList(),
        p.getCamerasList().stream().map(ParkFromProto::camera).toList(),
        p.getSensorsList().stream().map(ParkFromProto::sensor).toList(),
        p.getParkingLotsList().stream().map(ParkFromProto::parkingLot).toList(),
        p.getEnterprisesList().stream().map(ParkFromProto::enterprise).toList());
  }

  private static PerimeterSegment segment(io.cordon.api.v1.PerimeterSegment s) {
    return new PerimeterSegment(new SegmentId(s.getId()),
        domainEnum(PerimeterType.class, "PERIMETER_TYPE_", s.getType(), s.getId()),
        line(s.getLine()));
  }

  private static ControlZone zone(io.cordon.api.v1.ControlZone z) {
    return new ControlZone(new ZoneId(z.getId()), z.getName(),
        domainEnum(ZoneClass.class, "ZONE_CLASS_", z.getZoneClass(), z.getId()),
        polygon(z.getArea()));
  }

  private static Gate gate(io.cordon.api.v1.Gate g) {
    List<Lane> lanes = g.getLanesList().stream()
        .map(l -> new Lane(l.getId(),
            domainEnum(LaneClass.class, "LANE_CLASS_", l.getLaneClass(), g.getId()),
            domainEnum(LaneDirection.class, "LANE_DIRECTION_", l.getDirection(), g.getId())))
        .toList();
    return new Gate(new GateId(g.getId()), g.getName(),
        domainEnum(GateType.class, "GATE_TYPE_", g.getType(), g.getId()),
        point(g.getPosition()), lanes, g.getNormallyClosed(),
        g.getGuardsZoneId().isEmpty() ? java.util.Optional.empty()
            : java.util.Optional.of(new io.cordon.domain.park.ZoneId(g.getGuardsZoneId())));
  }

  private static Road road(io.cordon.api.v1.Road r) {
    return new Road(new RoadId(r.getId()), r.getName(),
        domainEnum(RoadClass.class, "ROAD_CLASS_", r.getRoadClass(), r.getId()),
        line(r.getLine()), r.getSpeedLimitKmh());
  }

  private static Camera camera(io.cordon.api.v1.Camera c) {
    return new Camera(new CameraId(c.getId()), c.getName(), point(c.getPosition()),
        c.getHeadingDeg(), c.getFovDeg());
  }

  private static Sensor sensor(io.cordon.api.v1.Sensor s) {
    return new Sensor(new SensorId(s.getId()),
        domainEnum(SensorType.class, "SENSOR_TYPE_", s.getType(), s.getId()),
        point(s.getPosition()), new SegmentId(s.getSegmentId()));
  }

  private static ParkingLot parkingLot(io.cordon.api.v1.ParkingLot p) {
    return new ParkingLot(new ParkingLotId(p.getId()), p.getName(), polygon(p.getArea()),
        p.getCapacity(), p.getHazmat());
  }

  private static Enterprise enterprise(io.cordon.api.v1.Enterprise e) {
    List<LoadingPoint> loadingPoints = e.getLoadingPointsList().stream()
        .map(lp -> new LoadingPoint(lp.getId(), lp.getName(), point(lp.getPosition())))
        .toList();
    return new Enterprise(new EnterpriseId(e.getId()), e.getName(), point(e.getPosition()),
        loadingPoints);
  }

  // ---- geometry ----

  private static Point point(LonLat p) {
    return Wgs84.point(p.getLon(), p.getLat());
  }

  private static Coordinate[] coordinates(List<LonLat> points) {
    return points.stream().map(p -> new Coordinate(p.getLon(), p.getLat()))
        .toArray(Coordinate[]::new);
  }

  private static LineString line(io.cordon.api.v1.LineString line) {
    return Wgs84.FACTORY.createLineString(coordinates(line.getPointsList()));
  }

  private static Polygon polygon(io.cordon.api.v1.Polygon polygon) {
    if (polygon.getRingsCount() == 0) {
      return Wgs84.FACTORY.createPolygon();
    }
    LinearRing shell = ring(polygon.getRings(0));
    LinearRing[] holes = polygon.getRingsList().subList(1, polygon.getRingsCount()).stream()
        .map(ParkFromProto::ring)
        .toArray(LinearRing[]::new);
    return Wgs84.polygon(shell, holes);
  }

  private static LinearRing ring(io.cordon.api.v1.LinearRing ring) {
    return Wgs84.FACTORY.createLinearRing(coordinates(ring.getPointsList()));
  }

  /** PROTO_PREFIX_NAME → NAME; refuses UNSPECIFIED and values this client does not know. */
  private static <E extends Enum<E>> E domainEnum(Class<E> type, String prefix,
      Enum<?> protoValue, String featureId) {
    String name = protoValue.name();
    if (name.startsWith(prefix)) {
      try {
        return Enum.valueOf(type, name.substring(prefix.length()));
      } catch (IllegalArgumentException unknown) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException(
        featureId + ": " + type.getSimpleName() + " " + name + " is not supported by this client");
  }
}
