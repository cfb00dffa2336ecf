package io.cordon.server.park;

import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.Sensor;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Domain park → {@code cordon.v1.Park}. Enum constants map by name ({@code CORE} →
 * {@code ZONE_CLASS_CORE}); the zone of a camera or enterprise is computed as the highest-risk
 * zone containing it.
 */
public final class ParkProtoMapper {
  private ParkProtoMapper() {}

  public static io.cordon.api.v1.Park toProto(Park park) {
    io.cordon.api.v1.Park.Builder out =
        io.cordon.api.v1.Park.newBuilder()
            .setId(park.id())
            .setName(park.name())
            .setVersion(park.version());
    for (PerimeterSegment s : park.perimeter()) {
      out.addPerimeter(io.cordon.api.v1.PerimeterSegment.newBuilder()
          .setId(s.id().value())
          .setType(io.cordon.api.v1.PerimeterType.valueOf("PERIMETER_TYPE_" + s.type().name()))
          .setLine(line(s.line())));
    }
    for (ControlZone z : park.zones()) {
      out.addZones(io.cordon.api.v1.ControlZone.newBuilder()
          .setId(z.id().value())
          .setName(z.name())
          .setZoneClass(io.cordon.api.v1.ZoneClass.valueOf("ZONE_CLASS_" + z.zoneClass().name()))
          .setArea(polygon(z.area())));
    }
    for (Gate g : park.gates()) {
      io.cordon.api.v1.Gate.Builder gate = io.cordon.api.v1.Gate.newBuilder()
          .setId(g.id().value())
          .setName(g.name())
          .setType(io.cordon.api.v1.GateType.valueOf("GATE_TYPE_" + g.type().name()))
          .setPosition(lonLat(g.position()))
          .setNormallyClosed(g.normallyClosed())
          .setGuardsZoneId(g.guardedZone().map(z -> z.value()).orElse(""));
      for (Lane l : g.lanes()) {
        gate.addLanes(io.cordon.api.v1.Lane.newBuilder()
            .setId(l.id())
            .setLaneClass(io.cordon.api.v1.LaneClass.valueOf("LANE_CLASS_" + l.laneClass().name()))
            .setDirection(
                io.cordon.api.v1.LaneDirection.valueOf("LANE_DIRECTION_" + l.direction().name())));
      }
      out.addGates(gate);
    }
    for (Road r : park.roads()) {
      out.addRoads(io.cordon.api.v1.Road.newBuilder()
          .setId(r.id().value())
          .setName(r.name())
          .setRoadClass(io.cordon.api.v1.RoadClass.valueOf("ROAD_CLASS_" + r.roadClass().name()))
          .setLine(line(r.line()))
          .setSpeedLimitKmh(r.speedLimitKmh()));
    }
    for (Camera c : park.cameras()) {
      out.addCameras(io.cordon.api.v1.Camera.newBuilder()
          .setId(c.id().value())
          .setName(c.name())
          .setPosition(lonLat(c.position()))
          .setHeadingDeg(c.headingDeg())
          .setFovDeg(c.fovDeg())
          .setZoneId(zoneIdAt(park, c.position())));
    }
    for (Sensor s : park.sensors()) {
      out.addSensors(io.cordon.api.v1.Sensor.newBuilder()
          .setId(s.id().value())
          .setType(io.cordon.api.v1.SensorType.valueOf("SENSOR_TYPE_" + s.type().name()))
          .setPosition(lonLat(s.position()))
          .setSegmentId(s.segmentId().value()));
    }
    for (ParkingLot p : park.parkingLots()) {
      out.addParkingLots(io.cordon.api.v1.ParkingLot.newBuilder()
          .setId(p.id().value())
          .setName(p.name())
          .setArea(polygon(p.area()))
          .setCapacity(p.capacity())
          .setHazmat(p.hazmat()));
    }
    for (Enterprise e : park.enterprises()) {
      io.cordon.api.v1.Enterprise.Builder enterprise = io.cordon.api.v1.Enterprise.newBuilder()
          .setId(e.id().value())
          .setName(e.name())
          .setPosition(lonLat(e.position()))
          .setZoneId(zoneIdAt(park, e.position()));
      for (LoadingPoint lp : e.loadingPoints()) {
        enterprise.addLoadingPoints(io.cordon.api.v1.LoadingPoint.newBuilder()
            .setId(lp.id())
            .setName(lp.name())
            .setPosition(lonLat(lp.position())));
      }
      out.addEnterprises(enterprise);
    }
    return out.build();
  }

  private static String zoneIdAt(Park park, Point position) {
    return park.zoneAt(position).map(z -> z.id().value()).orElse("");
  }

  static LonLat lonLat(Point point) {
    return lonLat(point.getCoordinate());
  }

  static LonLat lonLat(Coordinate c) {
    return LonLat.newBuilder().setLon(c.x).setLat(c.y).build();
  }

  static io.cordon.api.v1.LineString line(LineString line) {
    io.cordon.api.v1.LineString.Builder out = io.cordon.api.v1.LineString.newBuilder();
    for (Coordinate c : line.getCoordinates()) {
      out.addPoints(lonLat(c));
    }
    return out.build();
  }

  static io.cordon.api.v1.Polygon polygon(Polygon polygon) {
    io.cordon.api.v1.Polygon.Builder out = io.cordon.api.v1.Polygon.newBuilder();
    out.addRings(ring(polygon.getExteriorRing()));
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      out.addRings(ring(polygon.getInteriorRingN(i)));
    }
    return out.build();
  }

  private static LinearRing ring(org.locationtech.jts.geom.LinearRing ring) {
    LinearRing.Builder out = LinearRing.newBuilder();
    for (Coordinate c : ring.getCoordinates()) {
      out.addPoints(lonLat(c));
    }
    return out.build();
  }
}
