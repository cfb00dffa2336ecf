package io.cordon.simulator.traffic;

import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.Road;
import io.cordon.api.v1.RoadClass;
import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The park's roads in a local metric plane, with the junctions where they meet: a road's vertex
 * (its ends included) within {@link #JUNCTION_METRES} of another road, or two segments crossing.
 */
final class RoadNetwork {

  static final double JUNCTION_METRES = 25;

  private final LocalProjection projection;
  private final List<SimRoad> roads;

  private RoadNetwork(LocalProjection projection, List<SimRoad> roads) {
    this.projection = projection;
    this.roads = roads;
  }

  /** The drivable roads of the park plan (at least two points and a speed limit). */
  static RoadNetwork of(Park park) {
    List<Road> usable = park.getRoadsList().stream()
        .filter(r -> r.getLine().getPointsCount() >= 2 && r.getSpeedLimitKmh() > 0)
        .toList();
    if (usable.isEmpty()) {
      return new RoadNetwork(LocalProjection.around(new Coordinate(0, 0)), List.of());
    }
    double minLon = Double.MAX_VALUE;
    double maxLon = -Double.MAX_VALUE;
    double minLat = Double.MAX_VALUE;
    double maxLat = -Double.MAX_VALUE;
    for (Road road : usable) {
      for (LonLat p : road.getLine().getPointsList()) {
        minLon = Math.min(minLon, p.getLon());
        maxLon = Math.max(maxLon, p.getLon());
        minLat = Math.min(minLat, p.getLat());
        maxLat = Math.max(maxLat, p.getLat());
      }
    }
    LocalProjection projection = LocalProjection.around(new Coordinate((minLon + maxLon) / 2, (minLat + maxLat) / 2));
    List<SimRoad> roads = new ArrayList<>();
    for (Road road : usable) {
      int n = road.getLine().getPointsCount();
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = projection.x(road.getLine().getPoints(i).getLon());
        ys[i] = projection.y(road.getLine().getPoints(i).getLat());
      }
      SimRoad sim = new SimRoad(road.getId(), road.getRoadClass(), road.getSpeedLimitKmh(), xs, ys);
      if (sim.length() > 1) {
        roads.add(sim);
      }
    }
    for (SimRoad a : roads) {
      for (SimRoad b : roads) {
        if (a != b) {
          link(a, b);
        }
      }
    }
    return new RoadNetwork(projection, List.copyOf(roads));
  }

  List<SimRoad> roads() {
    return roads;
  }

  /** The roads a vehicle of this class drives on: dedicated ones for dangerous goods where there are any. */
  List<SimRoad> roadsFor(VehicleClass vehicleClass) {
    List<SimRoad> preferred = roads.stream()
        .filter(r -> r.roadClass == (vehicleClass.isDangerous() ? RoadClass.ROAD_CLASS_HAZMAT : RoadClass.ROAD_CLASS_ORDINARY))
        .toList();
    if (!preferred.isEmpty()) {
      return preferred;
    }
    List<SimRoad> notEmergency = roads.stream().filter(r -> r.roadClass != RoadClass.ROAD_CLASS_EMERGENCY).toList();
    return notEmergency.isEmpty() ? roads : notEmergency;
  }

  double lon(double x) {
    return projection.toLonLat(new Coordinate(x, 0)).x;
  }

  double lat(double y) {
    return projection.toLonLat(new Coordinate(0, y)).y;
  }

  /** Records on {@code a} where {@code b} meets it. */
  private static void link(SimRoad a, SimRoad b) {
    for (int i = 0; i < a.vertices(); i++) {
      double[] onB = b.closest(a.x(i), a.y(i));
      if (onB[1] <= JUNCTION_METRES) {
        a.junctions.add(new SimRoad.Junction(a.along(i), b, onB[0]));
      }
    }
    for (int i = 0; i + 1 < a.vertices(); i++) {
      for (int j = 0; j + 1 < b.vertices(); j++) {
        double[] t = crossing(a.x(i), a.y(i), a.x(i + 1), a.y(i + 1), b.x(j), b.y(j), b.x(j + 1), b.y(j + 1));
        if (t != null) {
          double atA = a.along(i) + t[0] * (a.along(i + 1) - a.along(i));
          double atB = b.along(j) + t[1] * (b.along(j + 1) - b.along(j));
          boolean known = a.junctions.stream().anyMatch(k -> k.other() == b && Math.abs(k.at() - atA) < JUNCTION_METRES);
          if (!known) {
            a.junctions.add(new SimRoad.Junction(atA, b, atB));
          }
        }
      }
    }
  }

  /** Where segments p1-p2 and p3-p4 cross, as fractions along each, or null. */
  private static double[] crossing(double x1, double y1, double x2, double y2, double x3, double y3, double x4,
      double y4) {
    double d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
    if (Math.abs(d) < 1e-9) {
      return null;
    }
    double t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
    double u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
    return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? new double[] {t, u} : null;
  }
}
