package io.cordon.domain.track.rules;

import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Road;
import java.time.Duration;
import java.util.Optional;

/**
 * 路线偏离 (§5.2.4, §6.5.2.1): the vehicle is farther than {@code startMetres} from its route's centre
 * line for at least {@code startAfter}; it is back once within the lower {@code endMetres} for
 * {@code endAfter}. Between the two distances nothing changes, so a vehicle hugging the corridor's
 * edge with GPS noise neither starts nor ends a deviation.
 *
 * <p>The route is the permit's; a dangerous-goods vehicle whose permit names none keeps to the
 * park's dedicated roads; other vehicles without a route are not checked. Within
 * {@code destinationMetres} of the trip's loading point and inside a parking lot the vehicle has
 * legitimately left the road. Defaults: 100 m for 30 s, back within 50 m for 10 s, 80 m around
 * the loading point (the guideline gives no numbers; these suit 20–100 m of GPS noise on park roads).
 */
public final class RouteDeviationPolicy {

  public record Settings(double startMetres, Duration startAfter, double endMetres, Duration endAfter,
      double destinationMetres) {
    public static final Settings DEFAULTS =
        new Settings(100, Duration.ofSeconds(30), 50, Duration.ofSeconds(10), 80);

    public Settings {
      Durations.positive(startMetres, "startMetres");
      Durations.positive(endMetres, "endMetres");
      Durations.positive(destinationMetres, "destinationMetres");
      Durations.notNegative(startAfter, "startAfter");
      Durations.notNegative(endAfter, "endAfter");
      if (endMetres > startMetres) {
        throw new IllegalArgumentException("endMetres must not exceed startMetres");
      }
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final Optional<RouteCorridor> dedicatedRoads;
  private final long startMillis;
  private final long endMillis;

  RouteDeviationPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    this.dedicatedRoads = geometry.dedicatedRoads();
    this.startMillis = settings.startAfter().toMillis();
    this.endMillis = settings.endAfter().toMillis();
  }

  private RouteCorridor corridor(VehicleTrip trip) {
    if (trip.route().isPresent()) {
      return trip.route().get();
    }
    return trip.vehicleClass().isDangerous() ? dedicatedRoads.orElse(null) : null;
  }

  void evaluate(VehicleRuleState s, VehicleTrip trip) {
    Latch latch = s.deviation;
    RouteCorridor corridor = corridor(trip);
    if (corridor == null && !latch.active()) {
      latch.clearPending();
      return;
    }
    boolean inPark = s.presence.active();
    double d = corridor == null || !inPark ? 0 : corridor.distanceWithin(s.x, s.y, settings.startMetres(), s.probe);
    boolean exempt = d > settings.endMetres() && atDestination(s, trip);
    boolean off = inPark && !exempt && d > settings.startMetres();
    boolean back = !inPark || exempt || d <= settings.endMetres();
    int r = latch.step(off, back, s.t, startMillis, endMillis);
    if (r == Latch.STARTED) {
      double measured = Double.isInfinite(d) ? corridor.distance(s.x, s.y) : d;
      s.started(latch, RuleKind.ROUTE_DEVIATION, Optional.empty(), place(s),
          new Reading(settings.startMetres(), measured, "m", settings.startAfter()),
          String.format("%.0f m off %s (more than %.0f m for %s)", measured, corridor,
              settings.startMetres(), Durations.seconds(settings.startAfter())));
    } else if (r == Latch.ENDED) {
      s.ended(latch, place(s));
    }
  }

  private boolean atDestination(VehicleRuleState s, VehicleTrip trip) {
    if (geometry.inParkingLot(s.x, s.y)) {
      return true;
    }
    if (trip.loadingPoint().isEmpty()) {
      return false;
    }
    LoadingPoint p = trip.loadingPoint().get();
    double dx = geometry.projection().x(p.position().getX()) - s.x;
    double dy = geometry.projection().y(p.position().getY()) - s.y;
    double r = settings.destinationMetres();
    return dx * dx + dy * dy <= r * r;
  }

  private Place place(VehicleRuleState s) {
    return geometry.place(s.lon, s.lat, Optional.ofNullable(s.road).map(Road::id));
  }
}
