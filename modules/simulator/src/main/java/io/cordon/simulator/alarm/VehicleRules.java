package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.ControlZone;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkingLot;
import io.cordon.api.v1.Road;
import io.cordon.api.v1.RoadClass;
import io.cordon.api.v1.ZoneClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The tracking system's vehicle rules: a vehicle speeding on a park road, a hazmat carrier off its
 * approved route, a vehicle inside a core area, an overstay or unregistered vehicle in the hazmat
 * parking lot. Each report names the plate and where the vehicle is.
 */
final class VehicleRules implements AlarmSource {

  static final String SOURCE_KIND = "vehicle";
  /** Draws of a road point looking for one inside a core or key zone. */
  private static final int ZONE_TRIES = 30;

  private final List<Road> roads;
  private final List<Road> ordinaryRoads;
  private final List<ControlZone> guardedZones;
  private final List<ParkingLot> lots;
  private final Random random;
  private final RequestIds ids;
  private final OffenderPlates plates;
  private final Weighted<AlarmType> types = new Weighted<AlarmType>()
      .add(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING, 40)
      .add(AlarmType.ALARM_TYPE_ROUTE_DEVIATION, 25)
      .add(AlarmType.ALARM_TYPE_FORBIDDEN_ZONE, 15)
      .add(AlarmType.ALARM_TYPE_PARKING_ANOMALY, 20);

  VehicleRules(Park park, Random random, RequestIds ids, OffenderPlates plates) {
    this.roads = park.getRoadsList().stream()
        .filter(r -> r.getLine().getPointsCount() >= 1).toList();
    List<Road> ordinary = roads.stream().filter(r -> r.getRoadClass() != RoadClass.ROAD_CLASS_HAZMAT).toList();
    this.ordinaryRoads = ordinary.isEmpty() ? roads : ordinary;
    this.guardedZones = park.getZonesList().stream()
        .filter(z -> z.getZoneClass() == ZoneClass.ZONE_CLASS_CORE || z.getZoneClass() == ZoneClass.ZONE_CLASS_KEY)
        .toList();
    List<ParkingLot> hazmatLots = park.getParkingLotsList().stream().filter(ParkingLot::getHazmat).toList();
    this.lots = (hazmatLots.isEmpty() ? park.getParkingLotsList() : hazmatLots).stream()
        .filter(l -> ParkPoints.centre(l.getArea()) != null).toList();
    this.random = random;
    this.ids = ids;
    this.plates = plates;
  }

  @Override
  public List<PlannedReport> next(Instant now) {
    if (roads.isEmpty()) {
      return List.of();
    }
    AlarmType type = types.pick(random);
    AlarmReport.Builder report = AlarmReport.newBuilder()
        .setRequestId(ids.next())
        .setType(type)
        .setSourceKind(SOURCE_KIND)
        .setTime(Protos.timestamp(now));
    switch (type) {
      case ALARM_TYPE_VEHICLE_SPEEDING: {
        Road road = roads.get(random.nextInt(roads.size()));
        double limit = road.getSpeedLimitKmh() > 0 ? road.getSpeedLimitKmh() : 30;
        long speed = Math.round(limit * (1.15 + 0.6 * random.nextDouble()));
        report.setSourceId(plates.any()).setLocation(ParkPoints.onRoad(road, random))
            .setDetail(speed + " km/h on " + name(road) + " (limit " + Math.round(limit) + " km/h)");
        break;
      }
      case ALARM_TYPE_ROUTE_DEVIATION: {
        Road road = ordinaryRoads.get(random.nextInt(ordinaryRoads.size()));
        report.setSourceId(plates.hazmat()).setLocation(ParkPoints.onRoad(road, random))
            .setDetail("left the approved hazmat route onto " + name(road));
        break;
      }
      case ALARM_TYPE_FORBIDDEN_ZONE:
        report.setSourceId(plates.any()).setLocation(inGuardedZone())
            .setDetail("entered an area closed to its vehicle class");
        break;
      default:
        if (lots.isEmpty()) {
          Road road = roads.get(random.nextInt(roads.size()));
          report.setLocation(ParkPoints.onRoad(road, random));
        } else {
          report.setLocation(ParkPoints.centre(lots.get(random.nextInt(lots.size())).getArea()));
        }
        report.setSourceId(plates.hazmat()).setDetail(random.nextBoolean()
            ? "parked for " + (25 + random.nextInt(48)) + " h, longer than allowed"
            : "vehicle not registered for the hazmat parking lot");
    }
    return List.of(new PlannedReport.ToAlarmIngest(Duration.ZERO, report.build()));
  }

  /** A road point inside a core or key zone when one turns up, else any road point. */
  private LonLat inGuardedZone() {
    LonLat point = null;
    for (int i = 0; i < ZONE_TRIES; i++) {
      point = ParkPoints.onRoad(roads.get(random.nextInt(roads.size())), random);
      for (ControlZone zone : guardedZones) {
        if (ParkPoints.inside(zone.getArea(), point)) {
          return point;
        }
      }
    }
    return point;
  }

  private static String name(Road road) {
    return road.getName().isEmpty() ? road.getId() : road.getName();
  }
}
