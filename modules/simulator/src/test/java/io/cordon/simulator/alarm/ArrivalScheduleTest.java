package io.cordon.simulator.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  private static final AlarmRates RATES = new AlarmRates(30, 60, 20, 40, 6);
  private static final long HOURS = 400;

  @Test
  void theSameSeedGivesTheSameArrivals() {
    assertThat(take(new ArrivalSchedule(RATES, new Random(7)), 200))
        .isEqualTo(take(new ArrivalSchedule(RATES, new Random(7)), 200));
  }

  @Test
  void anotherSeedGivesOtherArrivals() {
    assertThat(take(new ArrivalSchedule(RATES, new Random(7)), 50))
        .isNotEqualTo(take(new ArrivalSchedule(RATES, new Random(8)), 50));
  }

  @Test
  void arrivalsComeInTimeOrder() {
    List<ArrivalSchedule.Arrival> arrivals = take(new ArrivalSchedule(RATES, new Random(1)), 1000);

    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(arrivals.get(i).at()).isGreaterThanOrEqualTo(arrivals.get(i - 1).at());
    }
  }

  @Test
  void overManyHoursEachFamilyArrivesAtItsRatePerHour() {
    Map<AlarmFamily, Integer> counts = countOver(new ArrivalSchedule(RATES, new Random(42)), Duration.ofHours(HOURS));

    for (AlarmFamily family : AlarmFamily.values()) {
      double perHour = counts.getOrDefault(family, 0) / (double) HOURS;
      assertThat(perHour).as(family.name()).isCloseTo(RATES.perHour(family), within(RATES.perHour(family) * 0.05));
    }
  }

  @Test
  void gapsVaryAsInAPoissonProcessNotAtFixedIntervals() {
    List<ArrivalSchedule.Arrival> arrivals = take(new ArrivalSchedule(RATES, new Random(3)), 20_000);
    double[] gaps = new double[arrivals.size() - 1];
    for (int i = 1; i < arrivals.size(); i++) {
      gaps[i - 1] = arrivals.get(i).at().minus(arrivals.get(i - 1).at()).toNanos() / 1e9;
    }
    double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
    double variance = java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElseThrow();

    assertThat(mean).isCloseTo(3600 / RATES.totalPerHour(), within(3600 / RATES.totalPerHour() * 0.03));
    // exponential gaps: the standard deviation equals the mean
    assertThat(Math.sqrt(variance) / mean).isCloseTo(1.0, within(0.05));
  }

  @Test
  void aFamilyWithRateZeroNeverArrives() {
    AlarmRates noVideo = RATES.with(AlarmFamily.VIDEO, 0);

    Map<AlarmFamily, Integer> counts = countOver(new ArrivalSchedule(noVideo, new Random(5)), Duration.ofHours(50));

    assertThat(counts).doesNotContainKey(AlarmFamily.VIDEO).containsKeys(AlarmFamily.INTRUSION, AlarmFamily.GATE);
  }

  @Test
  void withEveryRateZeroThereIsNoArrival() {
    assertThat(new ArrivalSchedule(AlarmRates.NONE, new Random(5)).next()).isEmpty();
  }

  private static List<ArrivalSchedule.Arrival> take(ArrivalSchedule schedule, int count) {
    List<ArrivalSchedule.Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arrivals.add(schedule.next().orElseThrow());
    }
    return arrivals;
  }

  private static Map<AlarmFamily, Integer> countOver(ArrivalSchedule schedule, Duration span) {
    Map<AlarmFamily, Integer> counts = new EnumMap<>(AlarmFamily.class);
    while (true) {
      ArrivalSchedule.Arrival arrival = schedule.next().orElseThrow();
      if (arrival.at().compareTo(span) > 0) {
        return counts;
      }
      counts.merge(arrival.family(), 1, Integer::sum);
    }
  }
}
