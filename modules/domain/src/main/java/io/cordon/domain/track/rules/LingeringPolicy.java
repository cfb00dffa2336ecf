package io.cordon.domain.track.rules;

import java.time.Duration;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * 滞留 (§5.2.8.2 车辆滞留, §5.2.10 b 停放): the vehicle has been stopped — slower than
 * {@code stoppedBelowKmh}, its fixes within {@code radiusMetres} of the stop's centre — for at least
 * {@code after}, inside the park but not within {@code loadingPointMetres} of a loading point nor in
 * a parking lot. It ends once the vehicle moves again: faster than {@code movingAboveKmh} or beyond
 * the radius, for {@code endAfter}.
 *
 * <p>The stop's centre is the running mean of its fixes, so noise averages out instead of moving
 * the anchor; the radius must exceed the worst GPS noise (100 m) or a parked vehicle would seem to
 * move. The gap between the stopped and moving speeds keeps a creeping queue from flapping.
 * Defaults (our choice, the guideline gives none): below 5 km/h, 150 m, 10 min; moving above
 * 10 km/h for 10 s; 80 m around loading points. Evaluated on fixes (terminals keep reporting while
 * parked); a silent vehicle is {@link RuleKind#SIGNAL_LOST} instead.
 */
public final class LingeringPolicy {

  public record Settings(double stoppedBelowKmh, double radiusMetres, Duration after, double movingAboveKmh,
      Duration endAfter, double loadingPointMetres) {
    public static final Settings DEFAULTS =
        new Settings(5, 150, Duration.ofMinutes(10), 10, Duration.ofSeconds(10), 80);

    public Settings {
      Durations.positive(stoppedBelowKmh, "stoppedBelowKmh");
      Durations.positive(radiusMetres, "radiusMetres");
      Durations.positive(loadingPointMetres, "loadingPointMetres");
      Durations.notNegative(after, "after");
      Durations.notNegative(endAfter, "endAfter");
      if (movingAboveKmh < stoppedBelowKmh) {
        throw new IllegalArgumentException("movingAboveKmh must not be below stoppedBelowKmh");
      }
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final long startMillis;
  private final long endMillis;

  LingeringPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    this.startMillis = settings.after().toMillis();
    this.endMillis = settings.endAfter().toMillis();
  }

  void evaluate(VehicleRuleState s) {
    Latch latch = s.lingering;
    boolean inPark = s.presence.active();
    boolean stopped = s.speedKmh < settings.stoppedBelowKmh();
    if (!latch.active()) {
      if (!stopped || !inPark) {
        s.stopCount = 0;
        latch.clearPending();
        return;
      }
      if (s.stopCount > 0 && distanceFromCentre(s) > settings.radiusMetres()) {
        s.stopCount = 0; // it moved on slowly: a new stop begins here
        latch.clearPending();
      }
      accumulate(s);
      double cx = s.stopSumX / s.stopCount;
      double cy = s.stopSumY / s.stopCount;
      boolean exempt = geometry.inParkingLot(cx, cy)
          || geometry.nearAnyLoadingPoint(cx, cy, settings.loadingPointMetres());
      if (latch.step(!exempt, false, s.t, startMillis, endMillis) == Latch.STARTED) {
        double seconds = (s.t - latch.startedAt()) / 1000.0;
        s.started(latch, RuleKind.LINGERING, Optional.empty(), centre(s),
            new Reading(settings.after().toSeconds(), seconds, "s", settings.after()),
            String.format("stopped for %.0f min outside loading points and parking lots (limit %d min)",
                seconds / 60, settings.after().toMinutes()));
      }
      return;
    }
    double d = distanceFromCentre(s);
    boolean moved = !inPark || s.speedKmh > settings.movingAboveKmh() || d > settings.radiusMetres();
    if (!moved && stopped) {
      accumulate(s);
    }
    if (latch.step(false, moved, s.t, startMillis, endMillis) == Latch.ENDED) {
      s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
      s.stopCount = 0;
    }
  }

  private static void accumulate(VehicleRuleState s) {
    if (s.stopCount == 0) {
      s.stopSumX = 0;
      s.stopSumY = 0;
    }
    s.stopSumX += s.x;
    s.stopSumY += s.y;
    s.stopCount++;
  }

  private static double distanceFromCentre(VehicleRuleState s) {
    if (s.stopCount == 0) {
      return 0;
    }
    double dx = s.x - s.stopSumX / s.stopCount;
    double dy = s.y - s.stopSumY / s.stopCount;
    return Math.sqrt(dx * dx + dy * dy);
  }

  private Place centre(VehicleRuleState s) {
    Coordinate lonLat = geometry.projection().toLonLat(
        new Coordinate(s.stopSumX / s.stopCount, s.stopSumY / s.stopCount));
    return geometry.place(lonLat.x, lonLat.y, Optional.empty());
  }
}
