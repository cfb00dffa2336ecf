package io.cordon.client.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a vehicle was at the cursor, from its thinned track. */
class TimelineTrackTest {
  /**
   * Fixes at 0 s, 10 s and 20 s driving east 0.001° each, then silence until 300 s (a gap of
   * 280 s), heading 350° → 10° across the first stretch.
   */
  private static final TimelineTrack TANKER = new TimelineTrack("苏E12345", "hazmat", List.of(
      new TimelineTrack.Fix(20_000, 118.702, 32.2, 40, 10),
      new TimelineTrack.Fix(0, 118.700, 32.2, 20, 350),
      new TimelineTrack.Fix(10_000, 118.701, 32.2, 30, 10),
      new TimelineTrack.Fix(300_000, 118.710, 32.2, 0, 90)), 400);

  @ParameterizedTest(name = "at {0} ms: lon {1}, speed {2}, heading {3}, interpolated {4}")
  @CsvSource({
      "0,      118.700,  20, 350, false",  // at the first fix
      "5000,   118.7005, 25,   0, true",   // halfway, heading through north (the shorter turn)
      "10000,  118.701,  30,  10, false",  // at a fix
      "15000,  118.7015, 35,  10, true",
      "20000,  118.702,  40,  10, false",
      "140000, 118.702,  40,  10, false",  // in the gap: held at the last fix while it is 2 min old
      "300000, 118.710,   0,  90, false",  // the last fix
      "420000, 118.710,   0,  90, false"   // held 2 min after the last fix
  })
  void theVehicleAtTheCursor(long millis, double lon, double speed, double heading, boolean interpolated) {
    VehicleAtCursor at = TANKER.at(millis);

    assertThat(at).isNotNull();
    assertThat(at.lon()).isCloseTo(lon, within(1e-9));
    assertThat(at.lat()).isCloseTo(32.2, within(1e-9));
    assertThat(at.speedKmh()).isCloseTo(speed, within(1e-9));
    assertThat(at.headingDeg()).isCloseTo(heading, within(1e-9));
    assertThat(at.interpolated()).isEqualTo(interpolated);
    assertThat(at.plate()).isEqualTo("苏E12345");
    assertThat(at.vehicleClass()).isEqualTo("hazmat");
  }

  @ParameterizedTest(name = "nothing is known at {0} ms")
  @CsvSource({"-1", "140001", "299999", "420001"})
  void beforeTheFirstFixOrOnceTheLastIsTooOldTheVehicleIsNowhere(long millis) {
    assertThat(TANKER.at(millis)).isNull();
  }

  @Test
  void aTrackWithFewerFixesThanStoredIsThinned() {
    assertThat(TANKER.isThinned()).isTrue();
    assertThat(TANKER.fixes()).extracting(TimelineTrack.Fix::epochMillis).containsExactly(0L, 10_000L, 20_000L, 300_000L);
  }

  @Test
  void onlyVehiclesTheTracksKnowAboutAreOnTheMap() {
    TimelineTrack later = new TimelineTrack("苏A00001", "ordinary",
        List.of(new TimelineTrack.Fix(200_000, 118.8, 32.3, 10, 0)), 1);

    assertThat(TimelineViewModel.positionsFromTracks(List.of(TANKER, later), 5_000))
        .extracting(VehicleAtCursor::plate).containsExactly("苏E12345");
    assertThat(TimelineViewModel.positionsFromTracks(List.of(TANKER, later), 200_000))
        .extracting(VehicleAtCursor::plate).containsExactly("苏A00001");
  }
}
