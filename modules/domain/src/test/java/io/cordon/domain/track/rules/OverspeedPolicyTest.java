package io.cordon.domain.track.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.RoadId;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Overspeed: the road's limit +10 % for 10 s starts; at or below the limit for 5 s ends. */
class OverspeedPolicyTest {

  private static Drive ordinaryCar() {
    return Drive.of(VehicleTrip.unpermitted(VehicleClass.ORDINARY));
  }

  @ParameterizedTest(name = "({0},{1}) {2} km/h for {3} s starts: {4}")
  @CsvSource({
      "500, 250, 33, 60, false", // R-1, 30 km/h: 33 is the tolerance itself
      "500, 250, 34, 9, false",
      "500, 250, 34, 10, true",
      "700, 500, 44, 60, false", // R-2, 40 km/h
      "700, 500, 45, 10, true",
      "700, 520, 44, 60, false", // 20 m beside R-2 still snaps to it
      "700, 540, 44, 10, true", // 40 m away is off the road: park default
      "500, 800, 22, 60, false", // R-3, 20 km/h
      "500, 800, 23, 10, true",
      "800, 200, 33, 60, false", // off the roads: park default 30 km/h
      "800, 200, 34, 10, true"})
  void startsAboveTheRoadsLimitPlusToleranceForTheMinimumTime(double x, double y, double speed, int seconds,
      boolean starts) {
    Drive drive = ordinaryCar().hold(0, seconds, x, y, speed);

    assertThat(drive.started(RuleKind.OVERSPEED)).hasSize(starts ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} km/h for {1} s ends: {2}")
  @CsvSource({
      "32, 60, false",
      "30.5, 60, false",
      "30, 4, false",
      "30, 5, true",
      "10, 5, true"})
  void endsAtOrBelowTheLimitItselfForItsMinimumTime(double speed, int seconds, boolean ends) {
    Drive drive = ordinaryCar().hold(0, 10, 500, 250, 50);

    drive.hold(11, 11 + seconds, 500, 250, speed);

    assertThat(drive.ended(RuleKind.OVERSPEED)).hasSize(ends ? 1 : 0);
  }

  @Test
  void theViolationNamesTheRoadAndItsThreshold() {
    Drive drive = ordinaryCar().hold(0, 10, 500, 250, 48);

    Violation v = drive.started(RuleKind.OVERSPEED).get(0);
    assertThat(v.place().road()).contains(new RoadId("R-1"));
    assertThat(v.reading().threshold()).isCloseTo(33.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(v.reading().measured()).isEqualTo(48);
    assertThat(v.reading().unit()).isEqualTo("km/h");
    assertThat(v.detail()).contains("limit is 30 km/h", "road R-1");
  }

  @Test
  void speedJitteringAroundTheLimitNeverStarts() {
    Random random = new Random(30);
    Drive drive = ordinaryCar();
    for (int s = 0; s < 600; s++) {
      drive.at(s, 500, 250, 27 + random.nextDouble() * 7); // 27–34 km/h: above 33 only now and then
    }

    assertThat(drive.started(RuleKind.OVERSPEED)).isEmpty();
  }

  @Test
  void aLongOverspeedStartsOnceAndEndsOnce() {
    Drive drive = ordinaryCar().hold(0, 120, 500, 250, 45).hold(121, 200, 500, 250, 25);

    assertThat(drive.started(RuleKind.OVERSPEED)).hasSize(1);
    assertThat(drive.ended(RuleKind.OVERSPEED)).hasSize(1);
  }
}
