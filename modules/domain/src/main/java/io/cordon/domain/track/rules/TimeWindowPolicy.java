package io.cordon.domain.track.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 限时, before the window (§5.2.4): the vehicle is inside the park earlier than its permit's window
 * opens, less {@code earlyTolerance}, for at least {@code startAfter} (the gate should not have let
 * it in: it came through another way, or its window was moved). It ends when the window opens or
 * the vehicle leaves the park. After the window closes the vehicle is given time to drive out; that
 * side is {@link OverstayPolicy}, so the two never overlap.
 *
 * <p>Defaults (our choice): no tolerance, 60 s to start (absorbs clock skew between gate and terminal).
 * Vehicles without a permit window are not checked. Evaluated on fixes and ticks.
 */
public final class TimeWindowPolicy {

  public record Settings(Duration earlyTolerance, Duration startAfter) {
    public static final Settings DEFAULTS = new Settings(Duration.ZERO, Duration.ofSeconds(60));

    public Settings {
      Durations.notNegative(earlyTolerance, "earlyTolerance");
      Durations.notNegative(startAfter, "startAfter");
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final long startMillis;

  TimeWindowPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    this.startMillis = settings.startAfter().toMillis();
  }

  void evaluate(VehicleRuleState s, VehicleTrip trip) {
    Latch latch = s.early;
    if (trip.window().isEmpty() && !latch.active()) {
      latch.clearPending();
      return;
    }
    long opens = trip.window().map(w -> w.from().minus(settings.earlyTolerance()).toEpochMilli())
        .orElse(Long.MIN_VALUE);
    boolean early = s.presence.active() && s.t < opens;
    int r = latch.step(early, !early, s.t, startMillis, 0);
    if (r == Latch.STARTED) {
      double seconds = (opens - s.t) / 1000.0;
      s.started(latch, RuleKind.OUTSIDE_TIME_WINDOW, Optional.empty(), geometry.place(s.lon, s.lat, Optional.empty()),
          new Reading(settings.earlyTolerance().toSeconds(), seconds, "s", settings.startAfter()),
          String.format("in the park %.0f min before its permit's window opens at %s", seconds / 60,
              Instant.ofEpochMilli(opens)));
    } else if (r == Latch.ENDED) {
      s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
    }
  }
}
