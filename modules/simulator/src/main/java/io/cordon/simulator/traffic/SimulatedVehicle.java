package io.cordon.simulator.traffic;

import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Random;

/**
 * One vehicle driving the road network: it cruises at a steady share of each road's limit, now
 * and then turns at a junction onto another road it may use, and at a dead end waits a little
 * (loading, a gate) and turns back.
 */
final class SimulatedVehicle {

  static final double TURN_CHANCE = 0.35;
  static final double MAX_WAIT_SECONDS = 30;

  final String plate;
  final PlateColor plateColor;
  final VehicleClass vehicleClass;
  private final List<SimRoad> allowed;
  private final Random random;
  /** Share of the speed limit this driver keeps, 0.6..0.95. */
  private final double cruise;
  private SimRoad road;
  private double at;
  private boolean forward;
  private double speedKmh;
  private double waitSeconds;

  SimulatedVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, List<SimRoad> allowed,
      Random random) {
    this.plate = plate;
    this.plateColor = plateColor;
    this.vehicleClass = vehicleClass;
    this.allowed = allowed;
    this.random = random;
    this.cruise = 0.6 + 0.35 * random.nextDouble();
    this.road = allowed.get(random.nextInt(allowed.size()));
    this.at = random.nextDouble() * road.length();
    this.forward = random.nextBoolean();
  }

  SimRoad road() {
    return road;
  }

  double along() {
    return at;
  }

  double speedKmh() {
    return speedKmh;
  }

  double headingDeg() {
    return road.headingAt(at, forward);
  }

  /** Position in the metric plane, {x, y}. */
  double[] position() {
    return road.pointAt(at);
  }

  /** Drives for {@code seconds}. */
  void advance(double seconds) {
    if (waitSeconds > 0) {
      waitSeconds -= seconds;
      speedKmh = 0;
      return;
    }
    double jitter = 0.97 + 0.03 * random.nextDouble();
    speedKmh = Math.min(road.speedLimitKmh, road.speedLimitKmh * cruise * jitter);
    double metres = speedKmh / 3.6 * seconds;
    double from = at;
    double to = forward ? at + metres : at - metres;
    SimRoad.Junction turn = junctionPassed(from, to);
    if (turn != null && random.nextDouble() < TURN_CHANCE) {
      turnOnto(turn);
      return;
    }
    if (to < 0 || to > road.length()) {
      at = to < 0 ? 0 : road.length();
      SimRoad.Junction atEnd = junctionNear(at);
      if (atEnd != null) {
        turnOnto(atEnd);
      } else {
        forward = !forward;
        waitSeconds = random.nextDouble() * MAX_WAIT_SECONDS;
      }
      return;
    }
    at = to;
  }

  private SimRoad.Junction junctionPassed(double from, double to) {
    double low = Math.min(from, to);
    double high = Math.max(from, to);
    for (SimRoad.Junction junction : road.junctions) {
      if (junction.at() > low && junction.at() <= high && allowed.contains(junction.other())) {
        return junction;
      }
    }
    return null;
  }

  private SimRoad.Junction junctionNear(double distance) {
    List<SimRoad.Junction> near = road.junctions.stream()
        .filter(j -> Math.abs(j.at() - distance) <= RoadNetwork.JUNCTION_METRES && allowed.contains(j.other()))
        .toList();
    return near.isEmpty() ? null : near.get(random.nextInt(near.size()));
  }

  private void turnOnto(SimRoad.Junction junction) {
    road = junction.other();
    at = junction.atOther();
    double room = road.length();
    if (at <= RoadNetwork.JUNCTION_METRES) {
      forward = true;
    } else if (at >= room - RoadNetwork.JUNCTION_METRES) {
      forward = false;
    } else {
      forward = random.nextBoolean();
    }
  }
}
