package io.cordon.simulator.gate;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** The park plan's gates (as ParkService sends them) as the domain gates an agent is installed with. */
public final class ParkGates {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private ParkGates() {}

  public static Gate toDomain(io.cordon.api.v1.Gate gate) {
    List<Lane> lanes = new ArrayList<>();
    for (io.cordon.api.v1.Lane lane : gate.getLanesList()) {
      lanes.add(new Lane(lane.getId(), laneClass(lane.getLaneClass()), direction(lane.getDirection())));
    }
    return new Gate(new GateId(gate.getId()), gate.getName(), type(gate.getType()),
        GEOMETRY.createPoint(new Coordinate(gate.getPosition().getLon(), gate.getPosition().getLat())), lanes,
        gate.getNormallyClosed(), gate.getGuardsZoneId().isEmpty() ? Optional.empty()
            : Optional.of(new ZoneId(gate.getGuardsZoneId())));
  }

  /** The core zone an internal checkpoint guards, as the agent's offline decisions need it. */
  public static Optional<ControlZone> guardedZone(io.cordon.api.v1.Park park, io.cordon.api.v1.Gate gate) {
    return park.getZonesList().stream().filter(z -> z.getId().equals(gate.getGuardsZoneId())).findFirst()
        .map(z -> new ControlZone(new ZoneId(z.getId()), z.getName(),
            ZoneClass.valueOf(z.getZoneClass().name().replace("ZONE_CLASS_", "")), polygon(z.getArea())));
  }

  private static Polygon polygon(io.cordon.api.v1.Polygon area) {
    List<LinearRing> rings = new ArrayList<>();
    for (io.cordon.api.v1.LinearRing ring : area.getRingsList()) {
      rings.add(GEOMETRY.createLinearRing(ring.getPointsList().stream()
          .map(p -> new Coordinate(p.getLon(), p.getLat())).toArray(Coordinate[]::new)));
    }
    return GEOMETRY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
  }

  /** The devices a simulated lane of that class has. */
  public static List<String> devices(LaneClass laneClass) {
    return switch (laneClass) {
      case PEDESTRIAN -> List.of("face", "card", "loop", "barrier");
      case HAZMAT, HAZWASTE -> List.of("plate_camera", "rfid", "loop", "barrier");
      default -> List.of("plate_camera", "loop", "barrier");
    };
  }

  private static GateType type(io.cordon.api.v1.GateType type) {
    return switch (type) {
      case GATE_TYPE_DEDICATED -> GateType.DEDICATED;
      case GATE_TYPE_ORDINARY -> GateType.ORDINARY;
      case GATE_TYPE_EMERGENCY -> GateType.EMERGENCY;
      default -> GateType.COMPREHENSIVE;
    };
  }

  private static LaneClass laneClass(io.cordon.api.v1.LaneClass c) {
    return switch (c) {
      case LANE_CLASS_PEDESTRIAN -> LaneClass.PEDESTRIAN;
      case LANE_CLASS_HAZMAT -> LaneClass.HAZMAT;
      case LANE_CLASS_HAZWASTE -> LaneClass.HAZWASTE;
      case LANE_CLASS_EMERGENCY -> LaneClass.EMERGENCY;
      default -> LaneClass.ORDINARY;
    };
  }

  private static LaneDirection direction(io.cordon.api.v1.LaneDirection d) {
    return switch (d) {
      case LANE_DIRECTION_ENTRY -> LaneDirection.ENTRY;
      case LANE_DIRECTION_EXIT -> LaneDirection.EXIT;
      default -> LaneDirection.BOTH;
    };
  }
}
