package io.cordon.domain.gate.access;

import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** Gates, lanes and zones of a small park: the ids say what they are. */
final class GateFixture {

  private GateFixture() {
  }

  static Lane lane(String id, LaneClass laneClass, LaneDirection direction) {
    return new Lane(id, laneClass, direction);
  }

  static Gate gate(String id, GateType type, Lane... lanes) {
    return new Gate(new GateId(id), id, type, Wgs84.FACTORY.createPoint(new Coordinate(120.5, 31.9)),
        List.of(lanes), type == GateType.EMERGENCY);
  }

  /** 综合卡口 with one two-way lane of every class: P1, V1, H1, W1, E1. */
  static Gate comprehensiveGate() {
    return gate("G-COMP", GateType.COMPREHENSIVE,
        lane("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH),
        lane("V1", LaneClass.ORDINARY, LaneDirection.BOTH),
        lane("H1", LaneClass.HAZMAT, LaneDirection.BOTH),
        lane("W1", LaneClass.HAZWASTE, LaneDirection.BOTH),
        lane("E1", LaneClass.EMERGENCY, LaneDirection.BOTH),
        lane("V-IN", LaneClass.ORDINARY, LaneDirection.ENTRY),
        lane("V-OUT", LaneClass.ORDINARY, LaneDirection.EXIT));
  }

  /** 专用卡口 with a hazmat lane H1 and a hazwaste lane W1. */
  static Gate dedicatedGate() {
    return gate("G-DED", GateType.DEDICATED,
        lane("H1", LaneClass.HAZMAT, LaneDirection.BOTH),
        lane("W1", LaneClass.HAZWASTE, LaneDirection.BOTH));
  }

  /** 普通卡口 with a pedestrian lane P1 and an ordinary lane V1. */
  static Gate ordinaryGate() {
    return gate("G-ORD", GateType.ORDINARY,
        lane("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH),
        lane("V1", LaneClass.ORDINARY, LaneDirection.BOTH));
  }

  /** 应急卡口 with one emergency lane E1. */
  static Gate emergencyGate() {
    return gate("G-EMG", GateType.EMERGENCY, lane("E1", LaneClass.EMERGENCY, LaneDirection.BOTH));
  }

  /** The internal checkpoint at the core zone: a pedestrian lane P1 and a hazmat lane H1. */
  static Gate coreCheckpoint() {
    return gate("G-CORE", GateType.COMPREHENSIVE,
        lane("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH),
        lane("H1", LaneClass.HAZMAT, LaneDirection.BOTH));
  }

  static Lane laneOf(Gate gate, String id) {
    return gate.lanes().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  /** 核心控制区: the tank farm. */
  static ControlZone tankFarm() {
    return zone("Z-CORE", "罐区", ZoneClass.CORE);
  }

  /** 关键控制区: the production area. */
  static ControlZone productionArea() {
    return zone("Z-KEY", "生产区", ZoneClass.KEY);
  }

  private static ControlZone zone(String id, String name, ZoneClass zoneClass) {
    Polygon square = Wgs84.FACTORY.createPolygon(new Coordinate[] {
        new Coordinate(120.50, 31.90), new Coordinate(120.51, 31.90), new Coordinate(120.51, 31.91),
        new Coordinate(120.50, 31.91), new Coordinate(120.50, 31.90)});
    return new ControlZone(new ZoneId(id), name, zoneClass, square);
  }
}
