package io.cordon.domain.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ZoneClass;
import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AlarmPriorityTest {

  private static final Duration NOW = Duration.ZERO;

  @Test
  void anIntrusionAtACoreAreaOutranksOneAtTheGeneralArea() {
    assertThat(AlarmPriority.score(Severity.MAJOR, ZoneClass.CORE, NOW))
        .isGreaterThan(AlarmPriority.score(Severity.MAJOR, ZoneClass.KEY, NOW))
        .isGreaterThan(AlarmPriority.score(Severity.MAJOR, ZoneClass.GENERAL, NOW));
  }

  @Test
  void aCriticalAlarmInTheGeneralAreaOutranksAMajorOneAtACoreAreaThatWaitedLong() {
    assertThat(AlarmPriority.score(Severity.CRITICAL, ZoneClass.GENERAL, NOW))
        .isGreaterThan(AlarmPriority.score(Severity.MAJOR, ZoneClass.CORE, Duration.ofDays(1)));
  }

  @Test
  void waitingUnacknowledgedRaisesThePriority() {
    assertThat(AlarmPriority.score(Severity.MINOR, ZoneClass.KEY, Duration.ofMinutes(5)))
        .isGreaterThan(AlarmPriority.score(Severity.MINOR, ZoneClass.KEY, Duration.ofMinutes(4)));
  }

  @Test
  void aNegativeWaitCountsAsNoWait() {
    assertThat(AlarmPriority.score(Severity.INFO, ZoneClass.CORE, Duration.ofMinutes(-5)))
        .isEqualTo(AlarmPriority.score(Severity.INFO, ZoneClass.CORE, NOW));
  }

  @Property(tries = 500)
  void waitingNeverLowersThePriority(@ForAll Severity severity, @ForAll ZoneClass zone,
      @ForAll @LongRange(min = 0, max = 10_000_000) long seconds,
      @ForAll @LongRange(min = 0, max = 100_000) long more) {
    assertThat(AlarmPriority.score(severity, zone, Duration.ofSeconds(seconds + more)))
        .isGreaterThanOrEqualTo(AlarmPriority.score(severity, zone, Duration.ofSeconds(seconds)));
  }

  @Property(tries = 500)
  void waitingNeverLiftsAnAlarmAboveTheNextZoneClassOfItsSeverity(@ForAll Severity severity,
      @ForAll ZoneClass lower, @ForAll ZoneClass higher, @ForAll @LongRange(min = 0, max = 100_000_000) long seconds) {
    Assume.that(higher.compareTo(lower) < 0);
    assertThat(AlarmPriority.score(severity, lower, Duration.ofSeconds(seconds)))
        .isLessThan(AlarmPriority.score(severity, higher, NOW));
  }

  @Property(tries = 500)
  void severityDominatesZoneAndWaiting(@ForAll Severity moreSevere, @ForAll Severity lessSevere,
      @ForAll ZoneClass anyZone, @ForAll ZoneClass otherZone,
      @ForAll @LongRange(min = 0, max = 100_000_000) long seconds) {
    Assume.that(moreSevere.compareTo(lessSevere) < 0);
    assertThat(AlarmPriority.score(lessSevere, otherZone, Duration.ofSeconds(seconds)))
        .isLessThan(AlarmPriority.score(moreSevere, anyZone, NOW));
  }
}
