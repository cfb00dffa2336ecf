package io.cordon.simulator.jt808;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays out one hazmat trip as legs (sim seconds): wait at the entry gate while the terminal is
 * issued, maybe wait in the hazmat parking lot, drive the route to the loading point, load or
 * unload, drive back and hand the terminal in at the gate. The driver's misbehaviour is built in.
 */
final class TripPlanner {

  static final String GATE_IN = "gate-in";
  static final String GATE_OUT = "gate-out";
  static final String LOADING = "loading";
  static final String LOT = "lot";
  static final String LINGER = "linger";
  static final String DETOUR = "detour";

  /** How far a deviating driver strays from the route, metres. */
  static final double DETOUR_METRES = 250;
  /** Share of trips that wait in the hazmat lot first (when it is near the route). */
  static final double LOT_CHANCE = 0.3;
  static final double LOT_NEAR_METRES = 400;

  private final ParkPaths paths;

  TripPlanner(ParkPaths paths) {
    this.paths = paths;
  }

  List<Leg> plan(PathLine outbound, Behaviour behaviour, Random random) {
    double cruise = 0.7 + 0.25 * random.nextDouble();
    List<Leg> legs = new ArrayList<>();
    double[] gate = outbound.pointAt(0);
    legs.add(new Leg.Stop(GATE_IN, gate[0], gate[1], 20 + 40 * random.nextDouble()));

    double length = outbound.length();
    double cut = -1;
    double[] lot = null;
    if (random.nextDouble() < LOT_CHANCE) {
      for (ParkPaths.Lot l : paths.hazmatLots()) {
        double[] c = outbound.closest(l.x(), l.y());
        if (c[1] <= LOT_NEAR_METRES && c[0] < length - 50) {
          cut = c[0];
          lot = new double[] {l.x(), l.y()};
          break;
        }
      }
    }
    double misbehaveAt = misbehaviourPoint(outbound, behaviour, random);
    double from = 0;
    List<double[]> stops = new ArrayList<>();
    if (lot != null) {
      stops.add(new double[] {cut, 0});
    }
    if (misbehaveAt >= 0) {
      stops.add(new double[] {misbehaveAt, 1});
    }
    stops.sort((a, b) -> Double.compare(a[0], b[0]));
    for (double[] stop : stops) {
      if (stop[0] > from + 1) {
        legs.add(drive(outbound.section(from, stop[0]), cruise, behaviour, from, random));
      }
      double[] p = outbound.pointAt(stop[0]);
      if (stop[1] == 0) {
        PathLine access = new PathLine.Builder().start(p[0], p[1]).to(lot[0], lot[1], ParkPaths.ACCESS_KMH)
            .to(lot[0] + 1, lot[1], ParkPaths.ACCESS_KMH).build();
        legs.add(Leg.Drive.lawful(access, 0.9));
        legs.add(new Leg.Stop(LOT, lot[0], lot[1], 180 + 300 * random.nextDouble()));
        legs.add(Leg.Drive.lawful(access.reversed(), 0.9));
      } else if (behaviour == Behaviour.DEVIATE) {
        double[] n = outbound.normalAt(stop[0]);
        double[] centre = paths.centre();
        double side = (centre[0] - p[0]) * n[0] + (centre[1] - p[1]) * n[1] >= 0 ? 1 : -1;
        double fx = p[0] + side * n[0] * DETOUR_METRES;
        double fy = p[1] + side * n[1] * DETOUR_METRES;
        PathLine away = new PathLine.Builder().start(p[0], p[1]).to(fx, fy, 20).build();
        legs.add(Leg.Drive.lawful(away, 0.9));
        legs.add(new Leg.Stop(DETOUR, fx, fy, 45 + 30 * random.nextDouble()));
        legs.add(Leg.Drive.lawful(away.reversed(), 0.9));
      } else if (behaviour == Behaviour.LINGER) {
        legs.add(new Leg.Stop(LINGER, p[0], p[1], 900 + 300 * random.nextDouble()));
      }
      from = stop[0];
    }
    legs.add(drive(outbound.section(from, length), cruise, behaviour, from, random));
    double[] end = outbound.pointAt(length);
    legs.add(new Leg.Stop(LOADING, end[0], end[1], 300 + 600 * random.nextDouble()));
    legs.add(Leg.Drive.lawful(outbound.reversed(), cruise));
    legs.add(new Leg.Stop(GATE_OUT, gate[0], gate[1], 20 + 40 * random.nextDouble()));
    return legs;
  }

  /** Speeding happens on the first driven stretch, after about 50 m. */
  private static Leg.Drive drive(PathLine path, double cruise, Behaviour behaviour, double offset, Random random) {
    if (behaviour != Behaviour.SPEED || offset > 0) {
      return Leg.Drive.lawful(path, cruise);
    }
    double over = 22 + 6 * random.nextDouble();
    double start = Math.min(50, path.length() / 4);
    double metres = 75 * (path.limitAt(start) + over) / 3.6;
    return new Leg.Drive(path, cruise, start, start + metres, over);
  }

  /** Where on the way in the driver deviates or lingers: away from loading points and lots; -1 for none. */
  private double misbehaviourPoint(PathLine outbound, Behaviour behaviour, Random random) {
    if (behaviour != Behaviour.DEVIATE && behaviour != Behaviour.LINGER) {
      return -1;
    }
    double length = outbound.length();
    double start = 0.3 + 0.2 * random.nextDouble();
    for (double f = start; f < 0.9; f += 0.05) {
      double at = f * length;
      double[] p = outbound.pointAt(at);
      if (farFromStops(p[0], p[1])) {
        return at;
      }
    }
    return start * length;
  }

  private boolean farFromStops(double x, double y) {
    for (ParkPaths.Target t : paths.loadingPoints()) {
      if (Math.hypot(t.x() - x, t.y() - y) < 250) {
        return false;
      }
    }
    for (ParkPaths.Lot l : paths.hazmatLots()) {
      if (Math.hypot(l.x() - x, l.y() - y) < 300) {
        return false;
      }
    }
    return true;
  }
}
