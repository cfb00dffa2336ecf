package io.cordon.domain.track.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.vehicle.VehicleClass;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lingering: stopped (below 5 km/h, within 150 m) for 10 min outside loading points and lots. */
class LingeringPolicyTest {

  private static Drive car() {
    return Drive.of(VehicleTrip.unpermitted(VehicleClass.ORDINARY));
  }

  @ParameterizedTest(name = "stopped at ({0},{1}) for {2} s starts: {3}")
  @CsvSource({
      "700, 250, 599, false",
      "700, 250, 600, true",
      "900, 560, 1800, false", // at loading point LP2
      "900, 630, 1800, false", // 70 m from LP2
      "900, 650, 600, true", // 90 m from LP2
      "425, 125, 1800, false"}) // in the hazmat lot
  void startsAfterTenMinutesStoppedOutsideLoadingPointsAndLots(double x, double y, int seconds, boolean starts) {
    Drive drive = car().hold(0, seconds, x, y, 0);

    assertThat(drive.started(RuleKind.LINGERING)).hasSize(starts ? 1 : 0);
  }

  @Test
  void creepingBelowFiveKilometresAnHourIsStillStopped() {
    Drive drive = car().hold(0, 600, 700, 250, 4);

    assertThat(drive.started(RuleKind.LINGERING)).hasSize(1);
  }

  @Test
  void aSingleFastFixRestartsTheStop() {
    Drive drive = car().hold(0, 300, 700, 250, 0).hold(301, 301, 700, 250, 20).hold(302, 700, 700, 250, 0);

    assertThat(drive.started(RuleKind.LINGERING)).isEmpty();
  }

  @Test
  void theReadingIsTheTimeStopped() {
    Drive drive = car().hold(0, 600, 700, 250, 0);

    Violation v = drive.started(RuleKind.LINGERING).get(0);
    assertThat(v.reading().measured()).isEqualTo(600);
    assertThat(v.reading().threshold()).isEqualTo(600);
    assertThat(v.startedAt()).isEqualTo(TrackFixture.at(0));
  }

  @ParameterizedTest(name = "{0} km/h for {1} s ends: {2}")
  @CsvSource({
      "8, 60, false", // between stopped and moving
      "20, 9, false",
      "20, 10, true"})
  void endsWhenMovingAgainForTenSeconds(double speed, int seconds, boolean ends) {
    Drive drive = car().hold(0, 600, 700, 250, 0);

    drive.hold(601, 601 + seconds, 700, 250, speed);

    assertThat(drive.ended(RuleKind.LINGERING)).hasSize(ends ? 1 : 0);
  }

  @Test
  void aStoppedVehicleWith100MetresOfNoiseLingersOnceAndNeverSeemsToLeave() {
    Drive drive = car().holdNoisy(0, 1800, 700, 300, 0, 100, new Random(100));

    assertThat(drive.started(RuleKind.LINGERING)).hasSize(1);
    assertThat(drive.ended(RuleKind.LINGERING)).isEmpty();
  }

  @Test
  void driftingSlowlyBeyondTheRadiusRestartsTheStop() {
    Drive drive = car();
    for (int s = 0; s <= 900; s++) {
      drive.at(s, 700, 50 + s, 3.6); // 1 m/s: 900 m in 15 min
    }

    assertThat(drive.started(RuleKind.LINGERING)).isEmpty();
  }
}
