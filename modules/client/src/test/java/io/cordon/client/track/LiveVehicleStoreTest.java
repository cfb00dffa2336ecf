package io.cordon.client.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveVehicleStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final LiveVehicleStore store =
      new LiveVehicleStore(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(120), clock);

  @Test
  void theRevisionRisesWithEverySnapshotUpdateAndRemoval() {
    long before = store.revision();
    store.applySnapshotPart(List.of(vehicle("苏A12345", 0)), true, true);
    long afterSnapshot = store.revision();
    store.applyUpdate(List.of(vehicle("苏A12345", 1)), List.of());
    long afterUpdate = store.revision();
    store.applyUpdate(List.of(), List.of("苏A12345"));

    assertThat(afterSnapshot).isGreaterThan(before);
    assertThat(afterUpdate).isGreaterThan(afterSnapshot);
    assertThat(store.revision()).isGreaterThan(afterUpdate);
    assertThat(store.size()).isZero();
  }

  @Test
  void anUpdatePushesThePreviousFixOntoTheTrail() {
    store.applySnapshotPart(List.of(vehicle("苏A12345", 0)), true, true);
    store.applyUpdate(List.of(vehicle("苏A12345", 6)), List.of());

    TrackedVehicle vehicle = store.find("苏A12345").orElseThrow();
    assertThat(vehicle.current().epochMillis()).isEqualTo(at(6));
    assertThat(vehicle.trail()).extracting(TrackPoint::epochMillis).containsExactly(at(0));
  }

  @Test
  void aShorterTrailWindowFromTheServerShortensTheTrails() {
    store.setTrailWindow(Duration.ofSeconds(60));
    store.applySnapshotPart(List.of(vehicle("苏A12345", 0)), true, true);
    for (int s = 1; s <= 300; s++) {
      store.applyUpdate(List.of(vehicle("苏A12345", s)), List.of());
    }

    List<TrackPoint> trail = store.find("苏A12345").orElseThrow().trail();
    assertThat(trail.get(0).epochMillis()).isGreaterThanOrEqualTo(at(240));
  }

  @Test
  void theTrailKeepsOnePointPerFiveSecondsAndFiveMinutesAtMost() {
    store.applySnapshotPart(List.of(vehicle("苏A12345", 0)), true, true);
    for (int s = 1; s <= 900; s++) {
      store.applyUpdate(List.of(vehicle("苏A12345", s)), List.of());
    }

    List<TrackPoint> trail = store.find("苏A12345").orElseThrow().trail();
    assertThat(trail).hasSizeLessThanOrEqualTo(61);
    assertThat(trail.get(0).epochMillis()).isGreaterThanOrEqualTo(at(600));
    for (int i = 1; i < trail.size(); i++) {
      assertThat(trail.get(i).epochMillis() - trail.get(i - 1).epochMillis()).isGreaterThanOrEqualTo(5_000);
    }
  }

  @Test
  void aSnapshotTrailOlderThanTheWindowIsCut() {
    store.applySnapshotPart(List.of(new TrackedVehicle("苏A12345", PlateColor.BLUE, VehicleClass.ORDINARY,
        point(400), List.of(point(0), point(200), point(300)))), true, true);

    assertThat(store.find("苏A12345").orElseThrow().trail()).extracting(TrackPoint::epochMillis)
        .containsExactly(at(200), at(300));
  }

  @Test
  void aLateFixDoesNotMoveTheVehicleBack() {
    store.applySnapshotPart(List.of(vehicle("苏A12345", 10)), true, true);
    store.applyUpdate(List.of(vehicle("苏A12345", 5)), List.of());

    assertThat(store.find("苏A12345").orElseThrow().current().epochMillis()).isEqualTo(at(10));
  }

  @Test
  void theLastSnapshotPartDropsVehiclesTheSnapshotDidNotName() {
    store.applySnapshotPart(List.of(vehicle("苏A11111", 0), vehicle("苏A22222", 0)), true, true);

    store.applySnapshotPart(List.of(vehicle("苏A22222", 1)), true, false);
    assertThat(store.size()).as("nothing dropped before the snapshot ends").isEqualTo(2);
    store.applySnapshotPart(List.of(vehicle("苏A33333", 1)), false, true);

    assertThat(plates()).containsExactly("苏A22222", "苏A33333");
  }

  @Test
  void aVehicleSilentForLongerThanTheStaleIntervalIsRemoved() {
    store.applySnapshotPart(List.of(vehicle("苏A11111", 0), vehicle("苏A22222", 0)), true, true);
    clock.now = T0.plusSeconds(100);
    store.applyUpdate(List.of(vehicle("苏A22222", 100)), List.of());
    long before = store.revision();

    clock.now = T0.plusSeconds(121);
    store.expire();

    assertThat(plates()).containsExactly("苏A22222");
    assertThat(store.revision()).isGreaterThan(before);
  }

  @Test
  void expiringWithNothingStaleLeavesTheRevisionAlone() {
    store.applySnapshotPart(List.of(vehicle("苏A11111", 0)), true, true);
    long before = store.revision();

    store.expire();

    assertThat(store.revision()).isEqualTo(before);
  }

  @Test
  void visitsEveryVehicleInPlateOrderWithClassAndTrail() {
    store.applySnapshotPart(List.of(vehicle("苏B00002", 0), new TrackedVehicle("苏A00001", PlateColor.YELLOW,
        VehicleClass.HAZMAT, point(10), List.of(point(0)))), true, true);
    List<String> visited = new ArrayList<>();

    store.forEach((plate, vehicleClass, current, trail) ->
        visited.add(plate + " " + vehicleClass + " " + trail.size()));

    assertThat(visited).containsExactly("苏A00001 HAZMAT 1", "苏B00002 ORDINARY 0");
  }

  @Test
  void platesMatchAPrefixWithOrWithoutTheProvince() {
    store.applySnapshotPart(List.of(vehicle("苏A12345", 0), vehicle("苏A12999", 0), vehicle("苏E12345", 0),
        vehicle("浙A12000", 0)), true, true);

    assertThat(store.platesMatching("苏A12", 10)).containsExactly("苏A12345", "苏A12999");
    // plate order is character order: 浙 (U+6D59) before 苏 (U+82CF)
    assertThat(store.platesMatching("a12", 10)).containsExactly("浙A12000", "苏A12345", "苏A12999");
    assertThat(store.platesMatching("A12", 1)).containsExactly("浙A12000");
    assertThat(store.platesMatching("X", 10)).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownPlate() {
    assertThat(store.find("苏A12345")).isEmpty();
    assertThat(store.find(null)).isEmpty();
  }

  @Test
  void aReaderKeepsTheViewItStartedWithWhileAWriterUpdates() {
    store.applySnapshotPart(List.of(vehicle("苏A11111", 0), vehicle("苏A22222", 0)), true, true);
    List<String> visited = new ArrayList<>();

    store.forEach((plate, vehicleClass, current, trail) -> {
      visited.add(plate);
      store.applyUpdate(List.of(), List.of("苏A22222"));
    });

    assertThat(visited).containsExactly("苏A11111", "苏A22222");
    assertThat(plates()).containsExactly("苏A11111");
  }

  private List<String> plates() {
    List<String> plates = new ArrayList<>();
    store.forEach((plate, vehicleClass, current, trail) -> plates.add(plate));
    return plates;
  }

  private static TrackedVehicle vehicle(String plate, int second) {
    return new TrackedVehicle(plate, PlateColor.BLUE, VehicleClass.ORDINARY, point(second), List.of());
  }

  private static TrackPoint point(int second) {
    return new TrackPoint(120.93, 31.94, 90, 30, at(second));
  }

  private static long at(int second) {
    return T0.plusSeconds(second).toEpochMilli();
  }

  private static final class MutableClock extends Clock {
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
