package io.cordon.domain.track.rules;

import java.time.Duration;
import java.util.Optional;

/**
 * 信号丢失: no valid fix for at least {@code after} while the vehicle is inside the park (as last
 * known). Checked by ticks and by invalid fixes — a silent terminal sends nothing to react to — and
 * ended by the next valid fix. The violation starts at the last valid fix, where the vehicle was
 * last seen. Default 120 s (our choice: four missed reports at the usual 30 s interval).
 * Fix times are the terminal's: the pipeline must correct clock skew before the rules.
 */
public final class SignalLostPolicy {

  public record Settings(Duration after) {
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(120));

    public Settings {
      Durations.notNegative(after, "after");
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final long afterMillis;

  SignalLostPolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    this.afterMillis = settings.after().toMillis();
  }

  /** On a tick or an invalid fix; the observation holds the last valid position. */
  void evaluate(VehicleRuleState s) {
    Latch latch = s.signalLost;
    if (latch.active() || !s.presence.active() || s.lastValidMillis == Latch.NONE) {
      return;
    }
    long silent = s.t - s.lastValidMillis;
    if (silent >= afterMillis && latch.step(true, false, s.t, 0, 0) == Latch.STARTED) {
      latch.backdate(s.lastValidMillis);
      s.started(latch, RuleKind.SIGNAL_LOST, Optional.empty(), geometry.place(s.lon, s.lat, Optional.empty()),
          new Reading(settings.after().toSeconds(), silent / 1000.0, "s", settings.after()),
          String.format("no valid position for %d s inside the park (limit %s)", silent / 1000,
              Durations.seconds(settings.after())));
    }
  }

  /** A valid fix arrived: the signal is back. The observation holds the new fix. */
  void onValidFix(VehicleRuleState s) {
    Latch latch = s.signalLost;
    if (latch.active() && latch.step(false, true, s.t, 0, 0) == Latch.ENDED) {
      s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
    }
  }
}
