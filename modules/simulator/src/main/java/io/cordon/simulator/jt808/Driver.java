package io.cordon.simulator.jt808;

import java.util.List;

/** Plays a trip's legs in sim time: where the vehicle is, how fast and which way it heads. */
final class Driver {

  private final List<Leg> legs;
  private int index;
  private double at;
  private double stoodFor;
  private double x;
  private double y;
  private double speedKmh;
  private int heading;

  Driver(List<Leg> legs) {
    this.legs = legs;
    place();
  }

  /** Moves on by {@code seconds} of sim time. */
  void advance(double seconds) {
    double left = seconds;
    while (left > 1e-9 && index < legs.size()) {
      Leg leg = legs.get(index);
      if (leg instanceof Leg.Stop stop) {
        double take = Math.min(left, stop.seconds() - stoodFor);
        stoodFor += take;
        left -= take;
        speedKmh = 0;
        if (stoodFor >= stop.seconds() - 1e-9) {
          next();
        }
      } else if (leg instanceof Leg.Drive drive) {
        double speed = Math.max(3, drive.speedAt(at));
        double metres = speed / 3.6 * left;
        double room = drive.path().length() - at;
        speedKmh = speed;
        if (metres >= room) {
          left -= room / (speed / 3.6);
          at = drive.path().length();
          next();
        } else {
          at += metres;
          left = 0;
        }
      }
    }
    place();
  }

  boolean finished() {
    return index >= legs.size();
  }

  /** The label of the stop the vehicle stands at, or null while driving. */
  String stopLabel() {
    return index < legs.size() && legs.get(index) instanceof Leg.Stop stop ? stop.label() : null;
  }

  double x() {
    return x;
  }

  double y() {
    return y;
  }

  double speedKmh() {
    return finished() || legs.get(index) instanceof Leg.Stop ? 0 : speedKmh;
  }

  int heading() {
    return heading;
  }

  /** Limit at the current position while driving (0 while standing). */
  double limitKmh() {
    return index < legs.size() && legs.get(index) instanceof Leg.Drive drive ? drive.path().limitAt(at) : 0;
  }

  private void next() {
    index++;
    at = 0;
    stoodFor = 0;
  }

  private void place() {
    if (index >= legs.size()) {
      return;
    }
    Leg leg = legs.get(index);
    if (leg instanceof Leg.Stop stop) {
      x = stop.x();
      y = stop.y();
    } else if (leg instanceof Leg.Drive drive) {
      double[] p = drive.path().pointAt(at);
      x = p[0];
      y = p[1];
      heading = drive.path().headingAt(at);
    }
  }
}
