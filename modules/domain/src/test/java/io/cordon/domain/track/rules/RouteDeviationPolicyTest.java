package io.cordon.domain.track.rules;

import static io.cordon.domain.track.rules.TrackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Route deviation: beyond 100 m for 30 s starts, back within 50 m for 10 s ends (R-1 runs along x = 500). */
class RouteDeviationPolicyTest {

  private static final double SPEED = 20;

  @ParameterizedTest(name = "{0} m off for {1} s starts: {2}")
  @CsvSource({
      "99, 120, false",
      "100, 120, false",
      "101, 29, false",
      "101, 30, true",
      "150, 29, false",
      "150, 30, true",
      "300, 30, true"})
  void startsOnlyFartherThanTheCorridorForTheMinimumTime(double offset, int seconds, boolean starts) {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 9, 500, 250, SPEED);

    drive.hold(10, 10 + seconds, 500 + offset, 250, SPEED);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).hasSize(starts ? 1 : 0);
  }

  @ParameterizedTest(name = "back to {0} m for {1} s ends: {2}")
  @CsvSource({
      "99, 120, false",
      "60, 120, false",
      "50, 9, false",
      "50, 10, true",
      "10, 9, false",
      "10, 10, true",
      "0, 10, true"})
  void endsOnlyWithinTheLowerThresholdForItsMinimumTime(double offset, int seconds, boolean ends) {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 700, 250, SPEED);
    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).hasSize(1);

    drive.hold(41, 41 + seconds, 500 + offset, 250, SPEED);

    assertThat(drive.ended(RuleKind.ROUTE_DEVIATION)).hasSize(ends ? 1 : 0);
  }

  @Test
  void theViolationCarriesWhenWhereAndHowFar() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 9, 500, 250, SPEED).hold(10, 40, 650, 250, SPEED);

    Violation v = drive.started(RuleKind.ROUTE_DEVIATION).get(0);
    assertThat(v.startedAt()).isEqualTo(at(10));
    assertThat(v.detectedAt()).isEqualTo(at(40));
    assertThat(v.reading().threshold()).isEqualTo(100);
    assertThat(v.reading().measured()).isBetween(149.0, 151.0);
    assertThat(v.reading().unit()).isEqualTo("m");
    assertThat(v.vehicle()).isEqualTo(new VehicleKey("苏E12345"));
    assertThat(v.place().zone()).isPresent();
    assertThat(v.detail()).contains("R-1/R-2");
  }

  @Test
  void theEndCarriesWhenTheVehicleWasBackAndTheSameViolation() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 650, 250, SPEED).hold(41, 60, 500, 250, SPEED);

    ViolationEnded end = drive.ended(RuleKind.ROUTE_DEVIATION).get(0);
    assertThat(end.violation()).isEqualTo(drive.started(RuleKind.ROUTE_DEVIATION).get(0));
    assertThat(end.endedAt()).isEqualTo(at(41));
    assertThat(end.detectedAt()).isEqualTo(at(51));
    assertThat(end.lasted().toSeconds()).isEqualTo(41);
  }

  @Test
  void oneFixBackOnTheRouteRestartsTheMinimumTime() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2())
        .hold(0, 20, 650, 250, SPEED).hold(21, 21, 500, 250, SPEED).hold(22, 45, 650, 250, SPEED);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  @Test
  void betweenTheTwoThresholdsNothingChanges() {
    Drive onRoute = Drive.of(TrackFixture.tankerToLp2()).hold(0, 300, 575, 250, SPEED);
    Drive offRoute = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 700, 250, SPEED).hold(41, 300, 575, 250, SPEED);

    assertThat(onRoute.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
    assertThat(offRoute.started(RuleKind.ROUTE_DEVIATION)).hasSize(1);
    assertThat(offRoute.ended(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  @Test
  void drivingOffTheRoadToItsLoadingPointIsNoDeviation() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 120, 900, 620, 5);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  @Test
  void waitingInTheParkingLotIsNoDeviation() {
    // a narrow 60 m corridor: the lot, 50–100 m west of R-1, lies outside it
    TrackRuleEngine narrow = new TrackRuleEngine(TrackFixture.GEOMETRY, TrackFixture.settings().with(
        new RouteDeviationPolicy.Settings(60, Duration.ofSeconds(30), 30, Duration.ofSeconds(10), 80)));
    Drive inLot = new Drive(narrow, TrackFixture.tankerToLp2()).hold(0, 120, 425, 125, 0);
    Drive besideLot = new Drive(narrow, TrackFixture.tankerToLp2()).hold(0, 120, 425, 175, 0);

    assertThat(inLot.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
    assertThat(besideLot.started(RuleKind.ROUTE_DEVIATION)).hasSize(1);
  }

  @Test
  void aDangerousVehicleWithoutRouteKeepsToTheDedicatedRoads() {
    Drive drive = Drive.of(VehicleTrip.unpermitted(VehicleClass.HAZMAT)).hold(0, 40, 500, 800, SPEED);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).hasSize(1);
    assertThat(drive.started(RuleKind.ROUTE_DEVIATION).get(0).detail()).contains("R-1/R-2");
  }

  @Test
  void anOrdinaryVehicleWithoutRouteIsNotChecked() {
    Drive drive = Drive.of(VehicleTrip.unpermitted(VehicleClass.ORDINARY)).hold(0, 40, 500, 800, SPEED);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  @Test
  void leavingTheParkEndsTheDeviation() {
    Drive drive = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 700, 250, SPEED).hold(41, 90, 700, -300, SPEED);

    assertThat(drive.ended(RuleKind.ROUTE_DEVIATION)).hasSize(1);
  }

  @ParameterizedTest(name = "{0} m of noise")
  @ValueSource(ints = {20, 40, 60, 80, 100})
  void noiseAlongTheRouteNeverStartsADeviation(int noise) {
    Random random = new Random(noise);
    Drive drive = Drive.of(TrackFixture.tankerToLp2());

    driveTheRoute(drive, 0, noise, random);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  @ParameterizedTest(name = "{0} m of noise")
  @ValueSource(ints = {20, 40, 60})
  void aNoisyDeviationStartsOnceAndEndsOnce(int noise) {
    Random random = new Random(7 + noise);
    Drive drive = Drive.of(TrackFixture.tankerToLp2())
        .holdNoisy(0, 300, 680, 250, SPEED, noise, random)
        .holdNoisy(301, 600, 500, 250, SPEED, Math.min(noise, 40), random);

    assertThat(drive.started(RuleKind.ROUTE_DEVIATION)).hasSize(1);
    assertThat(drive.ended(RuleKind.ROUTE_DEVIATION)).hasSize(1);
  }

  @Test
  void hoveringAtTheCorridorsEdgeWithNoiseNeitherStartsNorEnds() {
    Random random = new Random(75);
    Drive fromRoute = Drive.of(TrackFixture.tankerToLp2()).holdNoisy(0, 900, 575, 250, SPEED, 20, random);
    Drive fromOff = Drive.of(TrackFixture.tankerToLp2()).hold(0, 40, 700, 250, SPEED)
        .holdNoisy(41, 900, 575, 250, SPEED, 20, random);

    assertThat(fromRoute.started(RuleKind.ROUTE_DEVIATION)).isEmpty();
    assertThat(fromOff.ended(RuleKind.ROUTE_DEVIATION)).isEmpty();
  }

  /** Along R-1 then R-2 at 10 m/s, one fix a second. */
  static long driveTheRoute(Drive drive, long start, double noise, Random random) {
    long s = start;
    for (double along = 0; along <= 900; along += 10, s++) {
      double x = along <= 500 ? 500 : along;
      double y = along <= 500 ? along : 500;
      double[] d = Drive.jitter(noise, random);
      drive.at(s, x + d[0], y + d[1], 36);
    }
    return s;
  }
}
