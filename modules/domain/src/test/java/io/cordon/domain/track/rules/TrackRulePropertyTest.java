package io.cordon.domain.track.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Noise never makes a deviation; whatever arrives, violations alternate start, end, start… */
class TrackRulePropertyTest {

  @Property(tries = 200)
  void noiseOfUpTo40MetresAroundTheRouteNeverStartsADeviation(@ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 40) double noise, @ForAll @IntRange(min = 0, max = 3) int stopEvery) {
    Random random = new Random(seed);
    Drive drive = Drive.of(TrackFixture.tankerToLp2());
    long s = 0;
    for (double along = 0; along <= 900; along += 10) {
      double x = along <= 500 ? 500 : along;
      double y = along <= 500 ? along : 500;
      int repeats = stopEvery > 0 && ((int) along / 10) % (stopEvery * 10) == 0 ? 30 : 1; // stops now and then
      for (int r = 0; r < repeats; r++, s++) {
        double[] d = Drive.jitter(noise, random);
        drive.at(s, x + d[0], y + d[1], repeats > 1 ? 0 : 36);
      }
    }

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  /** One input: a fix (valid or not, with alarm bits) or a tick, some seconds after the previous one. */
  record Step(boolean tick, int dt, double x, double y, double speed, boolean valid, long bits) {}

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Long> bits = Arbitraries.of(0L, 0L, 0L, TerminalAlarm.SOS.mask(), TerminalAlarm.POWER_CUT.mask(),
        TerminalAlarm.SOS.mask() | TerminalAlarm.ILLEGAL_MOVE.mask(), 0xFFFF_FFFFL);
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(false, false, false, true),
        Arbitraries.integers().between(0, 200),
        Arbitraries.doubles().between(-200, 1200),
        Arbitraries.doubles().between(-200, 1200),
        Arbitraries.doubles().between(0, 90),
        Arbitraries.of(true, true, true, false),
        bits).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 300)
  void violationsAlternateStartThenEndAndEndTheirOwnStart(@ForAll("scripts") List<Step> steps,
      @ForAll boolean withRoute) {
    Drive drive = Drive.of(withRoute ? TrackFixture.tankerWindow(TrackFixture.at(600), TrackFixture.at(3600))
        : TrackFixture.authorisedForCore());
    long t = 0;
    for (Step step : steps) {
      t += step.dt();
      if (step.tick()) {
        drive.tick(t);
      } else {
        drive.fix(t, step.x(), step.y(), step.speed(), step.valid(), step.bits());
      }
    }

    Map<String, Violation> open = new HashMap<>();
    for (RuleEvent event : drive.events) {
      String key = event.violation().key();
      if (event instanceof ViolationStarted) {
        assertThat(open).as("second start of %s", key).doesNotContainKey(key);
        open.put(key, event.violation());
      } else {
        assertThat(open).as("end of %s without start", key).containsKey(key);
        assertThat(open.remove(key)).isSameAs(event.violation());
        assertThat(((ViolationEnded) event).endedAt()).isAfterOrEqualTo(event.violation().startedAt());
      }
    }
    assertThat(drive.state.openViolations()).extracting(Violation::key)
        .containsExactlyInAnyOrderElementsOf(open.keySet());
  }
}
