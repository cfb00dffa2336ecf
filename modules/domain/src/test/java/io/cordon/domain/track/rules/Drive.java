package io.cordon.domain.track.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;

/**
 * One vehicle fed through the engine in test time (seconds after {@link TrackFixture#T0}, positions
 * in the fixture's metres), keeping every event it produced.
 */
final class Drive {
  final TrackRuleEngine engine;
  final VehicleRuleState state;
  VehicleTrip trip;
  final List<RuleEvent> events = new ArrayList<>();

  Drive(TrackRuleEngine engine, VehicleTrip trip) {
    this.engine = engine;
    this.trip = trip;
    this.state = engine.newState(new VehicleKey("苏E12345"));
  }

  static Drive of(VehicleTrip trip) {
    return new Drive(TrackFixture.engine(), trip);
  }

  List<RuleEvent> fix(long second, double x, double y, double speedKmh, boolean valid, long alarmBits) {
    Coordinate c = TrackFixture.DRAW.lonLat(x, y);
    List<RuleEvent> e = engine.onFix(state, trip,
        new Fix(TrackFixture.at(second).toEpochMilli(), c.x, c.y, speedKmh, 0, valid, alarmBits));
    events.addAll(e);
    return e;
  }

  List<RuleEvent> at(long second, double x, double y, double speedKmh) {
    return fix(second, x, y, speedKmh, true, 0);
  }

  List<RuleEvent> tick(long second) {
    List<RuleEvent> e = engine.tick(state, trip, TrackFixture.at(second));
    events.addAll(e);
    return e;
  }

  /** One fix a second from {@code from} to {@code to} inclusive, standing or driving at (x, y). */
  Drive hold(long from, long to, double x, double y, double speedKmh) {
    for (long s = from; s <= to; s++) {
      at(s, x, y, speedKmh);
    }
    return this;
  }

  /** Like {@link #hold} with each fix displaced by up to {@code noise} metres in a random direction. */
  Drive holdNoisy(long from, long to, double x, double y, double speedKmh, double noise, Random random) {
    for (long s = from; s <= to; s++) {
      double[] d = jitter(noise, random);
      at(s, x + d[0], y + d[1], speedKmh);
    }
    return this;
  }

  /** Uniform in the disc of the given radius. */
  static double[] jitter(double radius, Random random) {
    double r = radius * Math.sqrt(random.nextDouble());
    double a = random.nextDouble() * 2 * Math.PI;
    return new double[] {r * Math.cos(a), r * Math.sin(a)};
  }

  List<Violation> started(RuleKind rule) {
    return events.stream().filter(e -> e instanceof ViolationStarted && e.violation().rule() == rule)
        .map(RuleEvent::violation).toList();
  }

  List<ViolationEnded> ended(RuleKind rule) {
    return events.stream().filter(e -> e instanceof ViolationEnded && e.violation().rule() == rule)
        .map(e -> (ViolationEnded) e).toList();
  }
}
