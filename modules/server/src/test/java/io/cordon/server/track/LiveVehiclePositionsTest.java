package io.cordon.server.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.track.ReportedFix;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveVehiclePositionsTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final LiveVehiclePositions live = new LiveVehiclePositions(TrackSettings.defaults(), clock);

  @Test
  void theNewestFixIsCurrentAndEarlierOnesFormTheTrail() {
    live.accept(List.of(fix("苏A12345", 0), fix("苏A12345", 10)), T0);
    live.accept(List.of(fix("苏A12345", 20)), T0);

    LiveVehicle vehicle = live.snapshot().vehicles().get(0);
    assertThat(vehicle.current().epochMillis()).isEqualTo(at(20));
    assertThat(vehicle.trail()).extracting(TrackPoint::epochMillis).containsExactly(at(0), at(10));
  }

  @Test
  void theTrailKeepsAtMostOnePointPerFiveSeconds() {
    for (int s = 0; s <= 20; s++) {
      live.accept(List.of(fix("苏A12345", s)), T0);
    }

    assertThat(live.snapshot().vehicles().get(0).trail()).extracting(TrackPoint::epochMillis)
        .containsExactly(at(0), at(5), at(10), at(15));
  }

  @Test
  void theTrailReachesBackFiveMinutesOnly() {
    for (int s = 0; s <= 600; s += 5) {
      live.accept(List.of(fix("苏A12345", s)), T0);
    }

    List<TrackPoint> trail = live.snapshot().vehicles().get(0).trail();
    assertThat(trail.get(0).epochMillis()).isEqualTo(at(300));
    assertThat(trail).hasSize(60);
  }

  @Test
  void aLateFixDoesNotMoveTheVehicleBack() {
    live.accept(List.of(fix("苏A12345", 10)), T0);
    live.accept(List.of(fix("苏A12345", 5)), T0);

    assertThat(live.snapshot().vehicles().get(0).current().epochMillis()).isEqualTo(at(10));
  }

  @Test
  void aBatchAppliedAfterANewerOneStillAddsItsFixesToTheTrailInTimeOrder() {
    live.accept(List.of(fix("苏A12345", 10), fix("苏A12345", 20)), T0);
    live.accept(List.of(fix("苏A12345", 0), fix("苏A12345", 15)), T0);

    LiveVehicle vehicle = live.snapshot().vehicles().get(0);
    assertThat(vehicle.current().epochMillis()).isEqualTo(at(20));
    assertThat(vehicle.trail()).extracting(TrackPoint::epochMillis).containsExactly(at(0), at(10), at(15));
  }

  @Test
  void aLateFixCloserThanTheTrailSpacingToThePointBeforeItIsThinnedOut() {
    live.accept(List.of(fix("苏A12345", 10), fix("苏A12345", 20)), T0);
    live.accept(List.of(fix("苏A12345", 12)), T0);

    assertThat(live.snapshot().vehicles().get(0).trail()).extracting(TrackPoint::epochMillis)
        .containsExactly(at(10));
  }

  @Test
  void aLateFixOlderThanTheTrailWindowIsNotInTheTrail() {
    live.accept(List.of(fix("苏A12345", 400)), T0);
    live.accept(List.of(fix("苏A12345", 50)), T0);

    assertThat(live.snapshot().vehicles().get(0).trail()).isEmpty();
  }

  @Test
  void changesSinceAVersionHoldOnlyTheVehiclesThatMoved() {
    live.accept(List.of(fix("苏A12345", 0), fix("苏B22222", 0)), T0);
    long seen = live.version();
    live.accept(List.of(fix("苏B22222", 1)), T0);

    LiveVehiclePositions.Changes changes = live.changesSince(seen).orElseThrow();
    assertThat(changes.moved()).extracting(LiveVehicle::plate).containsExactly("苏B22222");
    assertThat(changes.moved().get(0).trail()).isEmpty();
    assertThat(live.changesSince(changes.version()).orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void aVehicleSilentForTwoMinutesIsRemovedAndReportedAsRemoved() {
    live.accept(List.of(fix("苏A12345", 0)), T0);
    long seen = live.version();
    clock.now = T0.plusSeconds(60);
    live.accept(List.of(fix("苏B22222", 60)), clock.now);

    clock.now = T0.plusSeconds(121);
    live.expire();

    assertThat(live.snapshot().vehicles()).extracting(LiveVehicle::plate).containsExactly("苏B22222");
    LiveVehiclePositions.Changes changes = live.changesSince(seen).orElseThrow();
    assertThat(changes.removed()).containsExactly("苏A12345");
    assertThat(changes.moved()).extracting(LiveVehicle::plate).containsExactly("苏B22222");
  }

  @Test
  void aReaderBehindTheRememberedRemovalsNeedsASnapshot() {
    live.accept(List.of(fix("苏A12345", 0)), T0);
    long seen = live.version();
    clock.now = T0.plus(Duration.ofMinutes(3));
    live.expire();
    clock.now = clock.now.plus(LiveVehiclePositions.REMOVAL_MEMORY).plusSeconds(1);
    live.expire();

    assertThat(live.changesSince(seen)).isEmpty();
    assertThat(live.changesSince(live.version())).isPresent();
  }

  @Test
  void aVehicleThatComesBackIsNotListedAsRemoved() {
    live.accept(List.of(fix("苏A12345", 0)), T0);
    long seen = live.version();
    clock.now = T0.plusSeconds(200);
    live.expire();
    live.accept(List.of(fix("苏A12345", 200)), clock.now);

    LiveVehiclePositions.Changes changes = live.changesSince(seen).orElseThrow();
    assertThat(changes.removed()).isEmpty();
    assertThat(changes.moved()).extracting(LiveVehicle::plate).containsExactly("苏A12345");
  }

  @Test
  void restoringDropsVehiclesThatAreAlreadyStale() {
    clock.now = T0.plusSeconds(200);
    live.restore(List.of(new StoredFix(fix("苏A12345", 0), T0), new StoredFix(fix("苏B22222", 190), T0.plusSeconds(190))));

    assertThat(live.snapshot().vehicles()).extracting(LiveVehicle::plate).containsExactly("苏B22222");
  }

  static ReportedFix fix(String plate, int second) {
    return new ReportedFix(Plate.parse(plate), PlateColor.BLUE, VehicleClass.ORDINARY,
        new TrackPoint(120.94 + second * 1e-5, 31.94, 90, 30, at(second)));
  }

  private static long at(int second) {
    return T0.plusSeconds(second).toEpochMilli();
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
