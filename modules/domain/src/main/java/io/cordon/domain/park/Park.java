package io.cordon.domain.park;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/**
 * A validated park plan. Build one with {@link ParkValidator}; the constructor itself only
 * checks for nulls so that the validator can report every broken rule at once.
 */
public record Park(
    String id,
    String name,
    long version,
    List<PerimeterSegment> perimeter,
    List<ControlZone> zones,
    List<Gate> gates,
    List<Road> roads,
    List<Camera> cameras,
    List<Sensor> sensors,
    List<ParkingLot> parkingLots,
    List<Enterprise> enterprises) {

  public Park {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    perimeter = List.copyOf(perimeter);
    zones = List.copyOf(zones);
    gates = List.copyOf(gates);
    roads = List.copyOf(roads);
    cameras = List.copyOf(cameras);
    sensors = List.copyOf(sensors);
    parkingLots = List.copyOf(parkingLots);
    enterprises = List.copyOf(enterprises);
  }

  public Optional<ControlZone> zone(ZoneId zoneId) {
    return zones.stream().filter(z -> z.id().equals(zoneId)).findFirst();
  }

  public Optional<Gate> gate(GateId gateId) {
    return gates.stream().filter(g -> g.id().equals(gateId)).findFirst();
  }

  public Optional<Sensor> sensor(SensorId sensorId) {
    return sensors.stream().filter(s -> s.id().equals(sensorId)).findFirst();
  }

  public Optional<Camera> camera(CameraId cameraId) {
    return cameras.stream().filter(c -> c.id().equals(cameraId)).findFirst();
  }

  /**
   * The highest-risk zone containing the position (core before key before general), or empty
   * outside every zone. Positions on a zone's edge count as inside.
   */
  public Optional<ControlZone> zoneAt(Point position) {
    return zones.stream()
        .filter(z -> z.area().covers(position))
        .min(Comparator.comparing(ControlZone::zoneClass));
  }
}
