package io.cordon.domain.track.rules;

import io.cordon.domain.park.Road;
import java.time.Duration;
import java.util.Optional;

/**
 * 超速/限速 (§6.5.2.1): faster than the limit of the road the vehicle is on, plus a tolerance, for at
 * least {@code startAfter}; over once at or below the limit itself for {@code endAfter}. The road is
 * the nearest within {@code snapMetres} of the fix (found through the park's road index); off the
 * roads, or on a road without a limit, the park's {@code defaultLimitKmh} applies.
 *
 * <p>Defaults (our choice; the guideline gives no figures): 30 m snap, 30 km/h park limit, +10 %,
 * 10 s to start, 5 s below the limit to end.
 */
public final class OverspeedPolicy {

  public record Settings(double snapMetres, double defaultLimitKmh, double tolerance, Duration startAfter,
      Duration endAfter) {
    public static final Settings DEFAULTS =
        new Settings(30, 30, 0.10, Duration.ofSeconds(10), Duration.ofSeconds(5));

    public Settings {
      Durations.positive(snapMetres, "snapMetres");
      Durations.positive(defaultLimitKmh, "defaultLimitKmh");
      if (!(tolerance >= 0) || tolerance > 1) {
        throw new IllegalArgumentException("tolerance is a fraction between 0 and 1");
      }
      Durations.notNegative(startAfter, "startAfter");
      Durations.notNegative(endAfter, "endAfter");
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final long startMillis;
  private final long endMillis;

  OverspeedPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    this.startMillis = settings.startAfter().toMillis();
    this.endMillis = settings.endAfter().toMillis();
  }

  void evaluate(VehicleRuleState s) {
    Latch latch = s.overspeed;
    boolean inPark = s.presence.active();
    if (!inPark && !latch.active()) {
      latch.clearPending();
      return;
    }
    s.road = geometry.roadAt(s.x, s.y, settings.snapMetres(), s.probe);
    double limit = s.road != null && s.road.speedLimitKmh() > 0 ? s.road.speedLimitKmh() : settings.defaultLimitKmh();
    double threshold = limit * (1 + settings.tolerance());
    boolean over = inPark && s.speedKmh > threshold;
    boolean under = !inPark || s.speedKmh <= limit;
    int r = latch.step(over, under, s.t, startMillis, endMillis);
    if (r == Latch.STARTED) {
      s.started(latch, RuleKind.OVERSPEED, Optional.empty(), place(s),
          new Reading(threshold, s.speedKmh, "km/h", settings.startAfter()),
          String.format("%.0f km/h where the limit is %.0f km/h (%s, +%.0f %% tolerance, for %s)", s.speedKmh,
              limit, s.road == null ? "park default" : "road " + s.road.id(), settings.tolerance() * 100,
              Durations.seconds(settings.startAfter())));
    } else if (r == Latch.ENDED) {
      s.ended(latch, place(s));
    }
  }

  private Place place(VehicleRuleState s) {
    return geometry.place(s.lon, s.lat, Optional.ofNullable(s.road).map(Road::id));
  }
}
