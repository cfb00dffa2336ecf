package io.cordon.domain.track.rules;

import java.time.Duration;

/**
 * Whether a vehicle is inside the park, with hysteresis: it counts as inside once its fixes have
 * been inside the park's area for {@code enterAfter}, and outside again once they have been outside
 * for {@code leaveAfter}. The rules about routes, speed, lingering, time and signal apply inside
 * only. Defaults (our choice, the guideline gives none): 10 s in, 30 s out — a vehicle driving
 * along the fence with noisy fixes does not pop in and out.
 */
public final class PresencePolicy {

  public record Settings(Duration enterAfter, Duration leaveAfter) {
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public Settings {
      Durations.notNegative(enterAfter, "enterAfter");
      Durations.notNegative(leaveAfter, "leaveAfter");
    }
  }

  private final ParkGeometry geometry;
  private final long enterMillis;
  private final long leaveMillis;

  PresencePolicy(Settings settings, ParkGeometry geometry) {
    this.geometry = geometry;
    this.enterMillis = settings.enterAfter().toMillis();
    this.leaveMillis = settings.leaveAfter().toMillis();
  }

  void evaluate(VehicleRuleState s) {
    boolean inside = geometry.parkContains(s.x, s.y);
    s.presence.step(inside, !inside, s.t, enterMillis, leaveMillis);
  }
}
