package io.cordon.simulator.parkgen;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The perimeter in the generator's metric plane (x east, y north, metres): an ordered list of
 * segments, each a polyline that starts where the previous one ends. Walks along it by distance.
 */
final class MetricRing {
  /** One segment: its index in the ring and its points. */
  record Segment(int index, List<Coordinate> points) {
    double length() {
      double length = 0;
      for (int i = 1; i < points.size(); i++) {
        length += points.get(i - 1).distance(points.get(i));
      }
      return length;
    }
  }

  /** A position on the ring with the unit direction of travel (counter-clockwise). */
  record Station(Coordinate point, int segmentIndex, double dirX, double dirY) {
    /** The point moved {@code metres} to the inside of the ring (left of the direction). */
    Coordinate inward(double metres) {
      return new Coordinate(point.x - dirY * metres, point.y + dirX * metres);
    }

    /** The direction of travel as a compass heading, degrees clockwise from north. */
    double heading() {
      return SampleParkGenerator.heading(dirX, dirY);
    }

    /** The compass heading pointing out of the park (right of the direction of travel). */
    double outwardHeading() {
      return SampleParkGenerator.heading(dirY, -dirX);
    }
  }

  private final List<Segment> segments = new ArrayList<>();

  void add(Coordinate... points) {
    segments.add(new Segment(segments.size(), List.of(points)));
  }

  List<Segment> segments() {
    return segments;
  }

  double length() {
    return segments.stream().mapToDouble(Segment::length).sum();
  }

  /** The station {@code distance} metres along the ring from its first point. */
  Station at(double distance) {
    double remaining = distance;
    for (Segment segment : segments) {
      List<Coordinate> p = segment.points();
      for (int i = 1; i < p.size(); i++) {
        double leg = p.get(i - 1).distance(p.get(i));
        if (remaining <= leg) {
          return station(segment.index(), p.get(i - 1), p.get(i), remaining / leg);
        }
        remaining -= leg;
      }
    }
    throw new IllegalArgumentException("distance " + distance + " is beyond the ring");
  }

  /**
   * The station on segment {@code index} where the chosen axis ({@code 'x'} or {@code 'y'})
   * first reaches {@code value}.
   */
  Station where(int index, char axis, double value) {
    List<Coordinate> p = segments.get(index).points();
    for (int i = 1; i < p.size(); i++) {
      double a = axis == 'x' ? p.get(i - 1).x : p.get(i - 1).y;
      double b = axis == 'x' ? p.get(i).x : p.get(i).y;
      if (a != b && (value - a) * (value - b) <= 0) {
        return station(index, p.get(i - 1), p.get(i), (value - a) / (b - a));
      }
    }
    throw new IllegalArgumentException(axis + "=" + value + " is not on segment " + index);
  }

  private static Station station(int index, Coordinate from, Coordinate to, double fraction) {
    double length = from.distance(to);
    double dx = (to.x - from.x) / length;
    double dy = (to.y - from.y) / length;
    Coordinate point =
        new Coordinate(from.x + (to.x - from.x) * fraction, from.y + (to.y - from.y) * fraction);
    return new Station(point, index, dx, dy);
  }
}
