package io.cordon.domain.track.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.track.rules.VehicleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

class LoadingPointVisitsTest {

  private static final Coordinate POINT_AT = new Coordinate(120.51, 31.88);
  private static final LocalProjection AROUND = LocalProjection.around(POINT_AT);
  private static final LoadingPointRef POINT = LoadingPointRef.of("E-01", "LP-1");
  private static final VehicleKey TANKER = new VehicleKey("苏E12345");
  private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

  private final LoadingPointVisits visits = new LoadingPointVisits(Map.of(POINT, POINT_AT),
      LoadingPointVisits.Settings.DEFAULTS);

  /** A fix {@code metres} east of the loading point, {@code seconds} after T0. */
  private Optional<LoadingPointRef> fix(double metres, long seconds) {
    Coordinate lonLat = AROUND.toLonLat(new Coordinate(metres, 0));
    return visits.position(TANKER, lonLat.x, lonLat.y, T0.plusSeconds(seconds));
  }

  /** Arrives: 25 s within 40 m. */
  private void arrive() {
    for (int s = 0; s <= 25; s += 5) {
      assertThat(fix(10, s)).isEmpty();
    }
  }

  @Test
  void aVehicleThatArrivedAndStayedAwayLongEnoughHasLeftItsLoadingPoint() {
    visits.expect(TANKER, POINT);
    arrive();

    assertThat(fix(300, 100)).isEmpty();
    assertThat(fix(300, 120)).isEmpty();
    assertThat(fix(300, 130)).contains(POINT);
    assertThat(visits.follows(TANKER)).isFalse();
  }

  @Test
  void aVehicleThatNeverArrivedNeverLeaves() {
    visits.expect(TANKER, POINT);

    for (int s = 0; s <= 600; s += 10) {
      assertThat(fix(500, s)).isEmpty();
    }
    assertThat(visits.follows(TANKER)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "passing by: 10 s at the point is not an arrival, 10, false",
      "stopping: 20 s at the point is, 20, true",
  })
  void anArrivalNeedsTheMinimumTimeAtThePoint(String what, long secondsThere, boolean arrived) {
    visits.expect(TANKER, POINT);
    fix(5, 0);
    fix(5, secondsThere);
    fix(400, secondsThere + 1);

    assertThat(fix(400, secondsThere + 40).isPresent()).isEqualTo(arrived);
  }

  @Test
  void gpsNoiseAroundTheLoadingPointDoesNotMakeItLeave() {
    visits.expect(TANKER, POINT);
    arrive();

    // 20–100 m of noise while loading: between the thresholds nothing changes, an outlier resets the wait.
    for (int s = 30; s <= 1_800; s += 10) {
      double metres = s % 60 == 0 ? 150 : 20 + (s % 80);
      assertThat(fix(metres, s)).as("at %d s, %.0f m", s, metres).isEmpty();
    }
    assertThat(visits.follows(TANKER)).isTrue();
  }

  @Test
  void aLoadingPointWithoutAKnownPlaceIsNotFollowed() {
    assertThat(visits.expect(TANKER, LoadingPointRef.of("E-09", "LP-X"))).isFalse();
    assertThat(visits.follows(TANKER)).isFalse();
    assertThat(fix(0, 0)).isEmpty();
  }

  @Test
  void aForgottenVehicleIsNoLongerFollowed() {
    visits.expect(TANKER, POINT);
    arrive();
    visits.forget(TANKER);

    assertThat(fix(500, 100)).isEmpty();
    assertThat(fix(500, 200)).isEmpty();
  }

  @Test
  void thresholdsMustLeaveRoomBetweenThem() {
    assertThatThrownBy(() -> new LoadingPointVisits.Settings(100, Duration.ofSeconds(1), 100, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arriveMetres < leaveMetres");
  }
}
