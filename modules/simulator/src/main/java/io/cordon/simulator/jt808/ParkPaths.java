package io.cordon.simulator.jt808;

import io.cordon.api.v1.Enterprise;
import io.cordon.api.v1.Gate;
import io.cordon.api.v1.GateType;
import io.cordon.api.v1.LoadingPoint;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkingLot;
import io.cordon.api.v1.Road;
import io.cordon.api.v1.RoadClass;
import io.cordon.domain.geo.LocalProjection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * The park plan as a hazmat driver needs it, in a local metric plane: roads with their limits,
 * the gates hazmat vehicles enter by (perimeter comprehensive and dedicated gates), loading
 * points and hazmat parking lots; and the path from a gate along a route of road ids (as permits
 * name them, "R-06>R-02") to a loading point. An unresolvable or empty route falls back to the
 * shortest chain of hazmat roads, as the server falls back to the dedicated-road corridor.
 */
final class ParkPaths {

  /** Roads closer than this meet (a junction). */
  static final double JUNCTION_METRES = 30;
  /** A gate uses a road this close to it. */
  static final double GATE_METRES = 80;
  /** Speed on the access ways from a road to a loading point or lot, km/h. */
  static final double ACCESS_KMH = 20;

  record SimRoad(String id, RoadClass roadClass, double limitKmh, PathLine line) {}

  record EntryGate(String id, double x, double y, SimRoad road) {}

  record Target(String enterpriseId, String loadingPointId, double x, double y) {}

  record Lot(String id, double x, double y) {}

  private final LocalProjection projection;
  private final Map<String, SimRoad> roads = new LinkedHashMap<>();
  private final List<EntryGate> gates = new ArrayList<>();
  private final List<Target> loadingPoints = new ArrayList<>();
  private final List<Lot> hazmatLots = new ArrayList<>();
  private final double centreX;
  private final double centreY;

  ParkPaths(Park park) {
    double minLon = Double.MAX_VALUE;
    double maxLon = -Double.MAX_VALUE;
    double minLat = Double.MAX_VALUE;
    double maxLat = -Double.MAX_VALUE;
    for (Road road : park.getRoadsList()) {
      for (LonLat p : road.getLine().getPointsList()) {
        minLon = Math.min(minLon, p.getLon());
        maxLon = Math.max(maxLon, p.getLon());
        minLat = Math.min(minLat, p.getLat());
        maxLat = Math.max(maxLat, p.getLat());
      }
    }
    if (minLon > maxLon) {
      throw new IllegalArgumentException("the park has no roads to drive");
    }
    projection = LocalProjection.around(new Coordinate((minLon + maxLon) / 2, (minLat + maxLat) / 2));
    centreX = 0;
    centreY = 0;
    for (Road road : park.getRoadsList()) {
      int n = road.getLine().getPointsCount();
      if (n < 2 || road.getSpeedLimitKmh() <= 0) {
        continue;
      }
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] limits = new double[n - 1];
      for (int i = 0; i < n; i++) {
        xs[i] = projection.x(road.getLine().getPoints(i).getLon());
        ys[i] = projection.y(road.getLine().getPoints(i).getLat());
      }
      java.util.Arrays.fill(limits, road.getSpeedLimitKmh());
      PathLine line = new PathLine(xs, ys, limits);
      if (line.length() > 1) {
        roads.put(road.getId(), new SimRoad(road.getId(), road.getRoadClass(), road.getSpeedLimitKmh(), line));
      }
    }
    for (Gate gate : park.getGatesList()) {
      boolean hazmatGate = gate.getType() == GateType.GATE_TYPE_COMPREHENSIVE
          || gate.getType() == GateType.GATE_TYPE_DEDICATED;
      if (!hazmatGate || !gate.getGuardsZoneId().isEmpty() || gate.getNormallyClosed()) {
        continue;
      }
      double x = x(gate.getPosition());
      double y = y(gate.getPosition());
      nearestRoad(x, y, true).or(() -> nearestRoad(x, y, false))
          .filter(r -> r.line().closest(x, y)[1] <= GATE_METRES)
          .ifPresent(r -> gates.add(new EntryGate(gate.getId(), x, y, r)));
    }
    for (Enterprise enterprise : park.getEnterprisesList()) {
      for (LoadingPoint point : enterprise.getLoadingPointsList()) {
        loadingPoints.add(new Target(enterprise.getId(), point.getId(), x(point.getPosition()),
            y(point.getPosition())));
      }
    }
    for (ParkingLot lot : park.getParkingLotsList()) {
      if (lot.getHazmat() && lot.getArea().getRingsCount() > 0) {
        List<LonLat> ring = lot.getArea().getRings(0).getPointsList();
        double sx = 0;
        double sy = 0;
        int n = Math.max(1, ring.size() - 1); // the closing point repeats the first
        for (int i = 0; i < n && i < ring.size(); i++) {
          sx += x(ring.get(i));
          sy += y(ring.get(i));
        }
        hazmatLots.add(new Lot(lot.getId(), sx / n, sy / n));
      }
    }
  }

  List<EntryGate> entryGates() {
    return gates;
  }

  List<Target> loadingPoints() {
    return loadingPoints;
  }

  List<Lot> hazmatLots() {
    return hazmatLots;
  }

  Optional<EntryGate> gate(String id) {
    return gates.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** The loading point of an enterprise, or any of its loading points, or none. */
  Optional<Target> loadingPoint(String enterpriseId, String loadingPointId) {
    Optional<Target> exact = loadingPoints.stream()
        .filter(t -> t.enterpriseId().equals(enterpriseId) && t.loadingPointId().equals(loadingPointId)).findFirst();
    return exact.or(() -> loadingPoints.stream().filter(t -> t.enterpriseId().equals(enterpriseId)).findFirst());
  }

  double[] lonLat(double x, double y) {
    Coordinate c = projection.toLonLat(new Coordinate(x, y));
    return new double[] {c.x, c.y};
  }

  double x(LonLat p) {
    return projection.x(p.getLon());
  }

  double y(LonLat p) {
    return projection.y(p.getLat());
  }

  /** The middle of the road network (a detour turns towards it so it stays inside the park). */
  double[] centre() {
    return new double[] {centreX, centreY};
  }

  /** Distance from (x, y) to the nearest road, metres. */
  double distanceToRoads(double x, double y) {
    double best = Double.MAX_VALUE;
    for (SimRoad road : roads.values()) {
      best = Math.min(best, road.line().closest(x, y)[1]);
    }
    return best;
  }

  /** The road nearest (x, y) and its limit. */
  Optional<SimRoad> nearestRoad(double x, double y) {
    return nearestRoad(x, y, false);
  }

  /**
   * The path from the gate along the route's roads to the target (the last stretch an access way
   * off the road). {@code routeIds} may be empty or name unknown or disconnected roads: then the
   * shortest chain of hazmat roads is driven.
   */
  PathLine outbound(EntryGate gate, List<String> routeIds, Target target) {
    List<SimRoad> chain = resolve(routeIds);
    SimRoad targetRoad = nearestRoad(target.x(), target.y(), true).orElse(gate.road());
    if (chain.isEmpty()) {
      chain = shortestChain(gate.road(), targetRoad);
    } else {
      List<SimRoad> full = new ArrayList<>();
      if (chain.get(0) != gate.road()) {
        List<SimRoad> lead = shortestChain(gate.road(), chain.get(0));
        full.addAll(lead.subList(0, lead.size() - 1));
      }
      full.addAll(chain);
      SimRoad last = full.get(full.size() - 1);
      if (last.line().closest(target.x(), target.y())[1] > 300 && last != targetRoad) {
        List<SimRoad> tail = shortestChain(last, targetRoad);
        full.addAll(tail.subList(1, tail.size()));
      }
      chain = full;
    }
    PathLine.Builder path = new PathLine.Builder().start(gate.x(), gate.y());
    SimRoad road = chain.get(0);
    double at = road.line().closest(gate.x(), gate.y())[0];
    double[] onRoad = road.line().pointAt(at);
    path.to(onRoad[0], onRoad[1], road.limitKmh());
    for (int i = 1; i < chain.size(); i++) {
      SimRoad next = chain.get(i);
      double[] junction = junction(road, next);
      if (junction == null) {
        break; // cannot happen for resolved chains; drive what connects
      }
      section(path, road, at, junction[0]);
      road = next;
      at = junction[1];
      double[] p = road.line().pointAt(at);
      path.to(p[0], p[1], road.limitKmh());
    }
    section(path, road, at, road.line().closest(target.x(), target.y())[0]);
    path.to(target.x(), target.y(), ACCESS_KMH);
    if (!path.drivable()) {
      path.to(target.x() + 1, target.y(), ACCESS_KMH);
    }
    return path.build();
  }

  /** The road ids in order when all are known and each meets the next, else empty. */
  private List<SimRoad> resolve(List<String> routeIds) {
    List<SimRoad> chain = new ArrayList<>();
    for (String id : routeIds) {
      SimRoad road = roads.get(id.trim());
      if (road == null || (!chain.isEmpty() && junction(chain.get(chain.size() - 1), road) == null)) {
        return List.of();
      }
      if (chain.isEmpty() || chain.get(chain.size() - 1) != road) {
        chain.add(road);
      }
    }
    return chain;
  }

  /** Fewest roads from one road to another, hazmat roads first, never emergency roads unless needed. */
  private List<SimRoad> shortestChain(SimRoad from, SimRoad to) {
    for (int pass = 0; pass < 3; pass++) {
      final int level = pass;
      List<SimRoad> usable = roads.values().stream().filter(r -> r == from || r == to
          || (level == 0 ? r.roadClass() == RoadClass.ROAD_CLASS_HAZMAT
          : level == 1 ? r.roadClass() != RoadClass.ROAD_CLASS_EMERGENCY : true)).toList();
      Map<SimRoad, SimRoad> previous = new HashMap<>();
      ArrayDeque<SimRoad> queue = new ArrayDeque<>();
      queue.add(from);
      previous.put(from, from);
      while (!queue.isEmpty()) {
        SimRoad r = queue.poll();
        if (r == to) {
          List<SimRoad> chain = new ArrayList<>();
          for (SimRoad s = to; s != from; s = previous.get(s)) {
            chain.add(0, s);
          }
          chain.add(0, from);
          return chain;
        }
        for (SimRoad n : usable) {
          if (!previous.containsKey(n) && junction(r, n) != null) {
            previous.put(n, r);
            queue.add(n);
          }
        }
      }
    }
    return List.of(from);
  }

  /** Appends the road's vertices strictly between two distances along it, then the end point. */
  private static void section(PathLine.Builder path, SimRoad road, double from, double to) {
    PathLine line = road.line();
    if (to >= from) {
      for (int i = 0; i < line.vertices(); i++) {
        if (line.along(i) > from && line.along(i) < to) {
          path.to(line.x(i), line.y(i), road.limitKmh());
        }
      }
    } else {
      for (int i = line.vertices() - 1; i >= 0; i--) {
        if (line.along(i) < from && line.along(i) > to) {
          path.to(line.x(i), line.y(i), road.limitKmh());
        }
      }
    }
    double[] end = line.pointAt(to);
    path.to(end[0], end[1], road.limitKmh());
  }

  /** Where two roads meet, as distances along each {atA, atB}, or null when they do not. */
  static double[] junction(SimRoad a, SimRoad b) {
    double[] best = null;
    double bestGap = JUNCTION_METRES;
    PathLine la = a.line();
    PathLine lb = b.line();
    for (int i = 0; i < la.vertices(); i++) {
      double[] c = lb.closest(la.x(i), la.y(i));
      if (c[1] <= bestGap) {
        bestGap = c[1];
        best = new double[] {la.along(i), c[0]};
      }
    }
    for (int j = 0; j < lb.vertices(); j++) {
      double[] c = la.closest(lb.x(j), lb.y(j));
      if (c[1] < bestGap) {
        bestGap = c[1];
        best = new double[] {c[0], lb.along(j)};
      }
    }
    for (int i = 0; i + 1 < la.vertices(); i++) {
      for (int j = 0; j + 1 < lb.vertices(); j++) {
        double[] t = crossing(la.x(i), la.y(i), la.x(i + 1), la.y(i + 1), lb.x(j), lb.y(j), lb.x(j + 1),
            lb.y(j + 1));
        if (t != null) {
          return new double[] {la.along(i) + t[0] * (la.along(i + 1) - la.along(i)),
              lb.along(j) + t[1] * (lb.along(j + 1) - lb.along(j))};
        }
      }
    }
    return best;
  }

  private Optional<SimRoad> nearestRoad(double x, double y, boolean hazmatOnly) {
    SimRoad best = null;
    double bestGap = Double.MAX_VALUE;
    for (SimRoad road : roads.values()) {
      if (hazmatOnly && road.roadClass() != RoadClass.ROAD_CLASS_HAZMAT) {
        continue;
      }
      double gap = road.line().closest(x, y)[1];
      if (gap < bestGap) {
        bestGap = gap;
        best = road;
      }
    }
    return Optional.ofNullable(best);
  }

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
