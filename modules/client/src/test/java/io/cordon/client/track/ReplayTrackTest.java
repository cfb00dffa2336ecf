package io.cordon.client.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReplayTrackTest {
  private static ReplayPoint fix(double lon, double heading, long millis) {
    return new ReplayPoint(lon, 32.2, 30, heading, 40, millis, false);
  }

  @Test
  void theHeadingBetweenTwoFixesTurnsTheShorterWayRoundNorth() {
    ReplayTrack track = new ReplayTrack(List.of(fix(118.70, 350, 0), fix(118.71, 10, 10_000)));

    assertThat(track.sampleAt(5_000).headingDeg()).isCloseTo(0, within(1e-9));
    assertThat(track.sampleAt(7_500).headingDeg()).isCloseTo(5, within(1e-9));
  }

  @Test
  void acrossALongGapTheVehicleIsHeldAtTheFixBefore() {
    ReplayTrack track = new ReplayTrack(List.of(fix(118.70, 90, 0), fix(118.80, 90, ReplayTrack.GAP_MILLIS + 1)));

    ReplayPoint held = track.sampleAt(60_000);

    assertThat(held.lon()).isEqualTo(118.70);
    assertThat(held.gap()).isTrue();
  }

  @Test
  void beforeTheFirstAndAfterTheLastFixTheEndsAreShown() {
    ReplayTrack track = new ReplayTrack(List.of(fix(118.70, 90, 1_000), fix(118.71, 90, 2_000)));

    assertThat(track.sampleAt(0).lon()).isEqualTo(118.70);
    assertThat(track.sampleAt(9_000).lon()).isEqualTo(118.71);
  }

  @ParameterizedTest(name = "{0} km/h on a road limited to {1} → {2}")
  @CsvSource({
      "40, 40, WITHIN",
      "12, 40, WITHIN",
      "40.5, 40, SLIGHTLY_OVER",
      "50, 40, SLIGHTLY_OVER",
      "50.1, 40, OVER",
      "90, 40, OVER",
      "30, 0, UNKNOWN"})
  void speedsAreBandedAgainstTheLimit(double speed, double limit, SpeedBand band) {
    assertThat(SpeedBand.of(speed, limit)).isEqualTo(band);
  }
}
