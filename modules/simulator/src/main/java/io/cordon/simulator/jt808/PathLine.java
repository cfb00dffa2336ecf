package io.cordon.simulator.jt808;

import java.util.ArrayList;
import java.util.List;

/**
 * A drivable polyline in the park's local metric plane (x east, y north), each segment with the
 * speed limit that applies on it, walkable by distance from its start.
 */
final class PathLine {

  private final double[] xs;
  private final double[] ys;
  /** Limit of segment i (from vertex i to i + 1), km/h. */
  private final double[] limits;
  private final double[] along;

  PathLine(double[] xs, double[] ys, double[] limits) {
    if (xs.length < 2 || xs.length != ys.length || limits.length != xs.length - 1) {
      throw new IllegalArgumentException("a path needs two points and one limit per segment");
    }
    this.xs = xs;
    this.ys = ys;
    this.limits = limits;
    this.along = new double[xs.length];
    for (int i = 1; i < xs.length; i++) {
      along[i] = along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
  }

  double length() {
    return along[along.length - 1];
  }

  /** The point at {@code distance} from the start (clamped), {x, y}. */
  double[] pointAt(double distance) {
    int i = segmentAt(distance);
    double span = along[i + 1] - along[i];
    double f = span == 0 ? 0 : (Math.max(along[i], Math.min(distance, along[i + 1])) - along[i]) / span;
    return new double[] {xs[i] + f * (xs[i + 1] - xs[i]), ys[i] + f * (ys[i + 1] - ys[i])};
  }

  /** Heading of travel at {@code distance}, degrees clockwise from north, 0..359. */
  int headingAt(double distance) {
    int i = segmentAt(distance);
    double heading = Math.toDegrees(Math.atan2(xs[i + 1] - xs[i], ys[i + 1] - ys[i]));
    return (int) Math.round((heading + 360) % 360) % 360;
  }

  /** Speed limit at {@code distance}, km/h. */
  double limitAt(double distance) {
    return limits[segmentAt(distance)];
  }

  /** Unit normal (to the left of travel) at {@code distance}. */
  double[] normalAt(double distance) {
    int i = segmentAt(distance);
    double dx = xs[i + 1] - xs[i];
    double dy = ys[i + 1] - ys[i];
    double len = Math.hypot(dx, dy);
    return len == 0 ? new double[] {1, 0} : new double[] {-dy / len, dx / len};
  }

  /** Distance along the path of the point closest to (x, y), and the gap: {at, gap}. */
  double[] closest(double x, double y) {
    double bestAt = 0;
    double bestGap = Double.MAX_VALUE;
    for (int i = 0; i + 1 < xs.length; i++) {
      double dx = xs[i + 1] - xs[i];
      double dy = ys[i + 1] - ys[i];
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2));
      double gap = Math.hypot(x - (xs[i] + t * dx), y - (ys[i] + t * dy));
      if (gap < bestGap) {
        bestGap = gap;
        bestAt = along[i] + t * Math.sqrt(len2);
      }
    }
    return new double[] {bestAt, bestGap};
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

  /** The part of the path between two distances along it (from &lt; to). */
  PathLine section(double from, double to) {
    double[] start = pointAt(from);
    Builder b = new Builder().start(start[0], start[1]);
    for (int i = 0; i < xs.length; i++) {
      if (along[i] > from && along[i] < to) {
        b.to(xs[i], ys[i], limitAt((along[i] + Math.max(from, along[Math.max(0, i - 1)])) / 2));
      }
    }
    double[] end = pointAt(to);
    b.to(end[0], end[1], limitAt(Math.max(from, to - 0.01)));
    if (!b.drivable()) {
      b.to(end[0] + 0.6, end[1], limitAt(from));
    }
    return b.build();
  }

  /** The same path driven the other way. */
  PathLine reversed() {
    int n = xs.length;
    double[] rx = new double[n];
    double[] ry = new double[n];
    double[] rl = new double[n - 1];
    for (int i = 0; i < n; i++) {
      rx[i] = xs[n - 1 - i];
      ry[i] = ys[n - 1 - i];
    }
    for (int i = 0; i < n - 1; i++) {
      rl[i] = limits[n - 2 - i];
    }
    return new PathLine(rx, ry, rl);
  }

  private int segmentAt(double distance) {
    for (int i = 0; i + 2 < along.length; i++) {
      if (distance < along[i + 1]) {
        return i;
      }
    }
    return along.length - 2;
  }

  /** Collects points and segment limits; consecutive duplicates are dropped. */
  static final class Builder {
    private final List<double[]> points = new ArrayList<>();
    private final List<Double> limits = new ArrayList<>();

    Builder start(double x, double y) {
      if (points.isEmpty()) {
        points.add(new double[] {x, y});
      }
      return this;
    }

    /** Adds a segment from the last point to (x, y) with this limit. */
    Builder to(double x, double y, double limitKmh) {
      double[] last = points.get(points.size() - 1);
      if (Math.hypot(last[0] - x, last[1] - y) < 0.5) {
        return this;
      }
      points.add(new double[] {x, y});
      limits.add(limitKmh);
      return this;
    }

    boolean drivable() {
      return points.size() >= 2;
    }

    double[] last() {
      return points.get(points.size() - 1);
    }

    PathLine build() {
      int n = points.size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] ls = new double[n - 1];
      for (int i = 0; i < n; i++) {
        xs[i] = points.get(i)[0];
        ys[i] = points.get(i)[1];
      }
      for (int i = 0; i < n - 1; i++) {
        ls[i] = limits.get(i);
      }
      return new PathLine(xs, ys, ls);
    }
  }
}
