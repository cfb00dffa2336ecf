package io.cordon.domain.track.rules;

import static io.cordon.domain.track.rules.TrackFixture.T0;
import static io.cordon.domain.track.rules.TrackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules time alone can break: before the window, overstay, signal lost. The vehicle waits at (700,250). */
class TimeRulesTest {

  private static final long HOUR = 3600;

  // ---- OUTSIDE_TIME_WINDOW ----

  @ParameterizedTest(name = "in the park {0} s before the window opens: {1}")
  @CsvSource({"59, false", "60, true"})
  void startsAfterAMinuteInTheParkBeforeTheWindowOpens(int seconds, boolean starts) {
    Drive drive = Drive.of(TrackFixture.tankerWindow(at(HOUR), at(4 * HOUR)));

    drive.hold(0, seconds, 700, 250, 0);

    assertThat(drive.started(RuleKind.OUTSIDE_TIME_WINDOW)).hasSize(starts ? 1 : 0);
  }

  @Test
  void endsWhenTheWindowOpensOnATick() {
    Drive drive = Drive.of(TrackFixture.tankerWindow(at(HOUR), at(4 * HOUR))).hold(0, 60, 700, 250, 0);

    drive.tick(HOUR - 1);
    assertThat(drive.ended(RuleKind.OUTSIDE_TIME_WINDOW)).isEmpty();
    drive.tick(HOUR);

    ViolationEnded end = drive.ended(RuleKind.OUTSIDE_TIME_WINDOW).get(0);
    assertThat(end.endedAt()).isEqualTo(at(HOUR));
  }

  @Test
  void insideTheWindowNothingHappens() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 600, 500, 250, 20);
    drive.tick(HOUR);

    assertThat(drive.started(RuleKind.OUTSIDE_TIME_WINDOW)).isEmpty();
    assertThat(drive.started(RuleKind.OVERSTAY)).isEmpty();
  }

  // ---- OVERSTAY ----

  @ParameterizedTest(name = "tick {0} s after the window closed starts: {1}")
  @CsvSource({"1799, false", "1800, true"})
  void overstaysThirtyMinutesAfterTheWindowCloses(long after, boolean starts) {
    Drive drive = Drive.of(TrackFixture.tankerWindow(T0, at(HOUR))).hold(0, 10, 700, 250, 0);

    drive.tick(HOUR + after);

    assertThat(drive.started(RuleKind.OVERSTAY)).hasSize(starts ? 1 : 0);
  }

  @Test
  void anExitConfirmationBringsTheDeadlineForward() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2().withExitConfirmedAt(at(600))).hold(0, 10, 700, 250, 0);

    drive.tick(600 + 1799);
    assertThat(drive.started(RuleKind.OVERSTAY)).isEmpty();
    drive.tick(600 + 1800);
    assertThat(drive.started(RuleKind.OVERSTAY)).hasSize(1);
  }

  @Test
  void aRevokedPermitsWindowEndsAtTheRevocation() {
    VehicleTrip revoked = new VehicleTrip(VehicleClass.HAZMAT, Optional.of(new TimeWindow(T0, at(4 * HOUR))),
        Optional.of(at(300)), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    Drive drive = Drive.of(revoked).hold(0, 10, 700, 250, 0);

    drive.tick(300 + 1800);

    assertThat(drive.started(RuleKind.OVERSTAY)).hasSize(1);
  }

  @Test
  void leavingTheParkEndsTheOverstay() {
    Drive drive = Drive.of(TrackFixture.tankerWindow(T0, at(HOUR))).hold(0, 10, 700, 250, 0);
    drive.tick(HOUR + 1800);

    drive.hold(HOUR + 1801, HOUR + 1900, 500, -200, 20);

    assertThat(drive.ended(RuleKind.OVERSTAY)).hasSize(1);
    assertThat(drive.ended(RuleKind.OVERSTAY).get(0).endedAt()).isEqualTo(at(HOUR + 1831));
  }

  @Test
  void aVehicleNeverInTheParkNeitherOverstaysNorIsEarly() {
    Drive drive = Drive.of(TrackFixture.tankerWindow(at(HOUR), at(2 * HOUR))).hold(0, 120, 500, -200, 20);
    drive.tick(5 * HOUR);

    assertThat(drive.events).isEmpty();
  }

  // ---- SIGNAL_LOST ----

  @ParameterizedTest(name = "tick {0} s after the last fix starts: {1}")
  @CsvSource({"119, false", "120, true"})
  void signalIsLostAfterTwoMinutesWithoutAFix(long after, boolean starts) {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 700, 250, 0);

    drive.tick(10 + after);

    assertThat(drive.started(RuleKind.SIGNAL_LOST)).hasSize(starts ? 1 : 0);
  }

  @Test
  void theLossStartsAtTheLastFixAndWhereItWas() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 700, 250, 0);
    drive.tick(200);

    Violation v = drive.started(RuleKind.SIGNAL_LOST).get(0);
    assertThat(v.startedAt()).isEqualTo(at(10));
    assertThat(v.detectedAt()).isEqualTo(at(200));
    assertThat(v.reading().measured()).isEqualTo(190);
    assertThat(v.place().lon()).isCloseTo(TrackFixture.DRAW.lonLat(700, 250).x, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void moreTicksDoNotStartItAgain() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 700, 250, 0);
    for (long s = 130; s < 1000; s += 5) {
      drive.tick(s);
    }

    assertThat(drive.started(RuleKind.SIGNAL_LOST)).hasSize(1);
  }

  @Test
  void theNextValidFixEndsItButAnInvalidOneDoesNot() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 700, 250, 0);
    drive.tick(200);

    drive.fix(210, 700, 250, 0, false, 0);
    assertThat(drive.ended(RuleKind.SIGNAL_LOST)).isEmpty();
    drive.at(220, 700, 250, 0);
    assertThat(drive.ended(RuleKind.SIGNAL_LOST)).hasSize(1);
    assertThat(drive.ended(RuleKind.SIGNAL_LOST).get(0).endedAt()).isEqualTo(at(220));
  }

  @Test
  void invalidFixesAloneAlsoRevealTheLoss() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 700, 250, 0);
    for (long s = 11; s <= 200; s++) {
      drive.fix(s, 0, 0, 0, false, 0);
    }

    assertThat(drive.started(RuleKind.SIGNAL_LOST)).hasSize(1);
    assertThat(drive.started(RuleKind.SIGNAL_LOST).get(0).detectedAt()).isEqualTo(at(130));
  }

  @Test
  void outsideTheParkSilenceIsNoLoss() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 10, 500, -300, 0);
    drive.tick(1000);

    assertThat(drive.started(RuleKind.SIGNAL_LOST)).isEmpty();
  }

  @Test
  void aTickBeforeTheLastFixDoesNothing() {
    Drive drive = Drive.of(TrackFixture.tankerWindow(T0, at(60))).hold(0, 10_000, 700, 250, 0);
    int before = drive.events.size();

    assertThat(drive.tick(5000)).isEmpty();
    assertThat(drive.events).hasSize(before);
  }

  @Test
  void aLateFixOlderThanTheLastIsIgnored() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 100, 500, 250, 20);

    assertThat(drive.at(50, 900, 900, 90)).isEmpty();
    assertThat(drive.state.lastValidFix()).contains(at(100));
  }
}
