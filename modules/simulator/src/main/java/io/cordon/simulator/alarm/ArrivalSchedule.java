package io.cordon.simulator.alarm;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * When the next alarm of which family happens: the families' independent Poisson processes merged
 * into one (exponential gaps at the total rate, the family drawn in proportion to its rate). The
 * same seed gives the same schedule.
 */
final class ArrivalSchedule {

  /** One alarm episode, {@code at} after the schedule's start. */
  record Arrival(Duration at, AlarmFamily family) {}

  private static final double SECONDS_PER_HOUR = 3600;

  private final AlarmRates rates;
  private final Random random;
  private final double totalPerSecond;
  private double elapsedSeconds;

  ArrivalSchedule(AlarmRates rates, Random random) {
    this.rates = rates;
    this.random = random;
    this.totalPerSecond = rates.totalPerHour() / SECONDS_PER_HOUR;
  }

  /** The next arrival, or empty when every rate is 0. */
  Optional<Arrival> next() {
    if (totalPerSecond <= 0) {
      return Optional.empty();
    }
    elapsedSeconds += -Math.log(1 - random.nextDouble()) / totalPerSecond;
    return Optional.of(new Arrival(Duration.ofNanos(Math.round(elapsedSeconds * 1e9)), family()));
  }

  private AlarmFamily family() {
    double draw = random.nextDouble() * rates.totalPerHour();
    AlarmFamily last = null;
    for (AlarmFamily family : AlarmFamily.values()) {
      double rate = rates.perHour(family);
      if (rate <= 0) {
        continue;
      }
      last = family;
      if (draw < rate) {
        return family;
      }
      draw -= rate;
    }
    return last; // rounding left a sliver past the end
  }
}
