package io.cordon.domain.track.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Core zone Z-CORE is the square 100..300: 20 m inside for 10 s starts, outside its outline for 15 s ends. */
class ForbiddenZonePolicyTest {

  private static Drive tanker() {
    return Drive.of(VehicleTrip.unpermitted(VehicleClass.HAZMAT));
  }

  @ParameterizedTest(name = "at ({0},{1}) for {2} s starts: {3}")
  @CsvSource({
      "200, 200, 9, false",
      "200, 200, 10, true",
      "290, 200, 60, false", // 10 m inside: within the boundary band
      "279, 200, 10, true", // 21 m inside
      "310, 200, 60, false", // outside
      "700, 700, 60, false"}) // key zone
  void startsDeepInsideAnUnauthorisedCoreZoneForTheMinimumTime(double x, double y, int seconds, boolean starts) {
    Drive drive = tanker().hold(0, seconds, x, y, 10);

    assertThat(drive.started(RuleKind.FORBIDDEN_ZONE)).hasSize(starts ? 1 : 0);
  }

  @Test
  void anAuthorisedCoreZoneIsNoViolation() {
    Drive drive = Drive.of(TrackFixture.authorisedForCore()).hold(0, 60, 200, 200, 10);

    assertThat(drive.started(RuleKind.FORBIDDEN_ZONE)).isEmpty();
  }

  @Test
  void theViolationNamesTheCoreZone() {
    Drive drive = tanker().hold(0, 10, 200, 200, 10);

    Violation v = drive.started(RuleKind.FORBIDDEN_ZONE).get(0);
    assertThat(v.place().zone()).contains(new ZoneId("Z-CORE"));
    assertThat(v.place().zoneClass()).isEqualTo(ZoneClass.CORE);
    assertThat(v.reading().measured()).isBetween(99.0, 101.0);
  }

  @ParameterizedTest(name = "at ({0},{1}) for {2} s ends: {3}")
  @CsvSource({
      "290, 200, 60, false", // in the band: still inside
      "310, 200, 14, false",
      "310, 200, 15, true"})
  void endsOnlyOutsideTheOutlineForItsMinimumTime(double x, double y, int seconds, boolean ends) {
    Drive drive = tanker().hold(0, 10, 200, 200, 10);

    drive.hold(11, 11 + seconds, x, y, 10);

    assertThat(drive.ended(RuleKind.FORBIDDEN_ZONE)).hasSize(ends ? 1 : 0);
  }

  @Test
  void drivingAlongTheFenceWithNoiseNeverStarts() {
    Drive drive = tanker().holdNoisy(0, 1800, 300, 200, 10, 40, new Random(300));

    assertThat(drive.started(RuleKind.FORBIDDEN_ZONE)).isEmpty();
  }

  @Test
  void aNoisyVisitStartsOnceAndEndsOnce() {
    Random random = new Random(42);
    Drive drive = tanker().holdNoisy(0, 300, 200, 200, 10, 60, random).holdNoisy(301, 600, 420, 200, 10, 60, random);

    assertThat(drive.started(RuleKind.FORBIDDEN_ZONE)).hasSize(1);
    assertThat(drive.ended(RuleKind.FORBIDDEN_ZONE)).hasSize(1);
  }
}
