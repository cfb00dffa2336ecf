package io.cordon.simulator.traffic;

import io.cordon.api.v1.RoadClass;
import java.util.ArrayList;
import java.util.List;

/** One road in the local metric plane (x east, y north, metres), walkable by distance along it. */
final class SimRoad {

  /** A place where another road meets this one. */
  record Junction(double at, SimRoad other, double atOther) {}

  final String id;
  final RoadClass roadClass;
  final double speedLimitKmh;
  private final double[] xs;
  private final double[] ys;
  /** Distance from the start to each vertex. */
  private final double[] along;
  final List<Junction> junctions = new ArrayList<>();

  SimRoad(String id, RoadClass roadClass, double speedLimitKmh, double[] xs, double[] ys) {
    this.id = id;
    this.roadClass = roadClass;
    this.speedLimitKmh = speedLimitKmh;
    this.xs = xs;
    this.ys = ys;
    this.along = new double[xs.length];
    for (int i = 1; i < xs.length; i++) {
      along[i] = along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
  }

  double length() {
    return along[along.length - 1];
  }

  int vertices() {
    return xs.length;
  }

  double x(int i) {
    return xs[i];
  }

  double y(int i) {
    return ys[i];
  }

  double along(int i) {
    return along[i];
  }

  /** The point at {@code distance} from the start (clamped to the road), as {x, y}. */
  double[] pointAt(double distance) {
    int i = segmentAt(distance);
    double span = along[i + 1] - along[i];
    double f = span == 0 ? 0 : (Math.max(along[i], Math.min(distance, along[i + 1])) - along[i]) / span;
    return new double[] {xs[i] + f * (xs[i + 1] - xs[i]), ys[i] + f * (ys[i + 1] - ys[i])};
  }

  /** Direction of travel at {@code distance}, degrees clockwise from north, 0 ≤ h &lt; 360. */
  double headingAt(double distance, boolean forward) {
    int i = segmentAt(distance);
    double dx = xs[i + 1] - xs[i];
    double dy = ys[i + 1] - ys[i];
    double heading = Math.toDegrees(Math.atan2(forward ? dx : -dx, forward ? dy : -dy));
    heading = (heading + 360) % 360;
    return heading >= 360 ? 0 : heading;
  }

  /** Distance along this road of the point closest to (x, y), and how far away it is: {at, gap}. */
  double[] closest(double x, double y) {
    double bestAt = 0;
    double bestGap = Double.MAX_VALUE;
    for (int i = 0; i + 1 < xs.length; i++) {
      double dx = xs[i + 1] - xs[i];
      double dy = ys[i + 1] - ys[i];
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2));
      double px = xs[i] + t * dx;
      double py = ys[i] + t * dy;
      double gap = Math.hypot(x - px, y - py);
      if (gap < bestGap) {
        bestGap = gap;
        bestAt = along[i] + t * Math.sqrt(len2);
      }
    }
    return new double[] {bestAt, bestGap};
  }

  private int segmentAt(double distance) {
    for (int i = 0; i + 2 < along.length; i++) {
      if (distance < along[i + 1]) {
        return i;
      }
    }
    return along.length - 2;
  }
}
