package io.cordon.domain.track.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 超时滞留 in the park: the vehicle is still inside the park at or after its deadline, the earliest of
 * <ul>
 *   <li>the permit's window end plus {@code afterWindow},</li>
 *   <li>the permit's revocation plus {@code afterWindow},</li>
 *   <li>the enterprise's exit confirmation (work done, §5.2.10 b 出园) plus {@code afterExitConfirmation}.</li>
 * </ul>
 * It ends when the vehicle leaves the park (after the presence hysteresis) or the deadline moves
 * later (the permit was extended). Defaults (our choice): 30 min after the window, 30 min after the
 * confirmation. Evaluated on fixes and ticks, so a silent vehicle overstays too.
 */
public final class OverstayPolicy {

  public record Settings(Duration afterWindow, Duration afterExitConfirmation) {
    public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(30), Duration.ofMinutes(30));

    public Settings {
      Durations.notNegative(afterWindow, "afterWindow");
      Durations.notNegative(afterExitConfirmation, "afterExitConfirmation");
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;

  OverstayPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
  }

  /** The deadline in epoch ms, or Long.MAX_VALUE when the trip has none. */
  long deadline(VehicleTrip trip) {
    long deadline = Long.MAX_VALUE;
    if (trip.window().isPresent()) {
      deadline = Math.min(deadline, trip.window().get().until().plus(settings.afterWindow()).toEpochMilli());
    }
    if (trip.revokedAt().isPresent()) {
      deadline = Math.min(deadline, trip.revokedAt().get().plus(settings.afterWindow()).toEpochMilli());
    }
    if (trip.exitConfirmedAt().isPresent()) {
      deadline = Math.min(deadline,
          trip.exitConfirmedAt().get().plus(settings.afterExitConfirmation()).toEpochMilli());
    }
    return deadline;
  }

  void evaluate(VehicleRuleState s, VehicleTrip trip) {
    Latch latch = s.overstay;
    long deadline = deadline(trip);
    boolean over = s.presence.active() && s.t >= deadline;
    int r = latch.step(over, !over, s.t, 0, 0);
    if (r == Latch.STARTED) {
      double seconds = (s.t - deadline) / 1000.0;
      s.started(latch, RuleKind.OVERSTAY, Optional.empty(), geometry.place(s.lon, s.lat, Optional.empty()),
          new Reading(0, seconds, "s", Duration.ZERO),
          String.format("still in the park after its deadline %s (window end + %d min, or exit confirmation + %d min)",
              Instant.ofEpochMilli(deadline), settings.afterWindow().toMinutes(),
              settings.afterExitConfirmation().toMinutes()));
    } else if (r == Latch.ENDED) {
      s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
    }
  }
}
