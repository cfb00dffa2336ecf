package io.cordon.domain.track.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.track.parking.LotEvent.LeftOutOfTurn;
import io.cordon.domain.track.parking.LotEvent.OverflowEnded;
import io.cordon.domain.track.parking.LotEvent.OverflowStarted;
import io.cordon.domain.track.parking.LotEvent.OverstayEnded;
import io.cordon.domain.track.parking.LotEvent.OverstayStarted;
import io.cordon.domain.track.parking.LotEvent.VehicleEntered;
import io.cordon.domain.track.parking.LotEvent.VehicleExited;
import io.cordon.domain.track.parking.LotEvent.VehicleReleased;
import io.cordon.domain.track.rules.VehicleKey;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/** The hazmat lot: a 50 m square (x 400..450, y 100..150) with room for three, one vehicle per loading point at a time. */
class HazmatParkingLotTest {

  private static final ParkFixture DRAW = ParkFixture.metres();
  private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");
  private static final LoadingPointRef LP1 = LoadingPointRef.of("ENT-1", "LP1");
  private static final LoadingPointRef LP2 = LoadingPointRef.of("ENT-2", "LP2");

  private static HazmatParkingLot lot(HazmatParkingLot.Settings settings) {
    return new HazmatParkingLot(new ParkingLot(new ParkingLotId("PL-1"), "危险物品运输车辆停车场",
        DRAW.rect(400, 100, 450, 150), 3, true), settings);
  }

  private static HazmatParkingLot lot() {
    return lot(HazmatParkingLot.Settings.DEFAULTS);
  }

  private static VehicleKey v(int n) {
    return new VehicleKey("苏E1000" + n);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static List<LotEvent> ok(Result<List<LotEvent>> result) {
    return result.orElseThrow();
  }

  // ---- occupancy and overflow ----

  @Test
  void occupancyCountsTheVehiclesInTheLot() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.empty(), at(0)));
    ok(lot.enter(v(2), Optional.empty(), at(1)));
    ok(lot.exit(v(1), at(2)));

    assertThat(lot.occupancy()).isEqualTo(1);
    assertThat(lot.parked()).containsExactly(v(2));
  }

  @Test
  void enteringAndLeavingReportOccupancyAndStay() {
    HazmatParkingLot lot = lot();

    assertThat(ok(lot.enter(v(1), Optional.empty(), at(0)))).containsExactly(new VehicleEntered(v(1), at(0), 1));
    assertThat(ok(lot.exit(v(1), at(90)))).containsExactly(
        new VehicleExited(v(1), at(90), 0, Duration.ofSeconds(90)));
  }

  @Test
  void oneVehicleOverCapacityOverflowsAndLeavingEndsIt() {
    HazmatParkingLot lot = lot();
    for (int i = 1; i <= 3; i++) {
      assertThat(ok(lot.enter(v(i), Optional.empty(), at(i)))).noneMatch(e -> e instanceof OverflowStarted);
    }

    assertThat(ok(lot.enter(v(4), Optional.empty(), at(4)))).contains(new OverflowStarted(4, 3, at(4)));
    assertThat(ok(lot.enter(v(5), Optional.empty(), at(5)))).noneMatch(e -> e instanceof OverflowStarted);
    assertThat(lot.overflowing()).isTrue();
    assertThat(ok(lot.exit(v(1), at(6)))).noneMatch(e -> e instanceof OverflowEnded);
    assertThat(ok(lot.exit(v(2), at(7)))).contains(new OverflowEnded(3, 3, at(7)));
    assertThat(lot.overflowing()).isFalse();
  }

  @Test
  void enteringTwiceOrLeavingWithoutEnteringIsRefused() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.empty(), at(0)));

    assertThat(lot.enter(v(1), Optional.empty(), at(1))).isInstanceOfSatisfying(Result.Refused.class,
        r -> assertThat(r.refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT));
    assertThat(lot.exit(v(2), at(1)).isOk()).isFalse();
    assertThat(lot.occupancy()).isEqualTo(1);
  }

  @Test
  void onlyAHazmatLotWithPlacesIsAccepted() {
    assertThatThrownBy(() -> new HazmatParkingLot(new ParkingLot(new ParkingLotId("P-2"), "普通停车场",
        DRAW.rect(0, 0, 10, 10), 10, false), HazmatParkingLot.Settings.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- overstay ----

  @ParameterizedTest(name = "tick after {0} h overstays: {1}")
  @CsvSource({"11.99, false", "12, true"})
  void aVehicleOverstaysAfterTwelveHours(double hours, boolean overstays) {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.empty(), at(0)));

    List<LotEvent> events = lot.tick(at(Math.round(hours * 3600)));

    assertThat(events).hasSize(overstays ? 1 : 0);
  }

  @Test
  void anOverstayIsRaisedOnceAndEndsWhenTheVehicleLeaves() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.empty(), at(0)));

    assertThat(lot.tick(at(12 * 3600))).containsExactly(
        new OverstayStarted(v(1), at(0), Duration.ofHours(12), at(12 * 3600)));
    assertThat(lot.tick(at(13 * 3600))).isEmpty();
    assertThat(ok(lot.exit(v(1), at(14 * 3600)))).first().isEqualTo(new OverstayEnded(v(1), at(14 * 3600)));
  }

  // ---- dispatch ----

  @Test
  void aVehicleIsReleasedAtOnceWhenItsLoadingPointIsFree() {
    HazmatParkingLot lot = lot();

    assertThat(ok(lot.enter(v(1), Optional.of(LP1), at(0)))).contains(
        new VehicleReleased(v(1), LP1, Duration.ZERO, at(0)));
  }

  @Test
  void waitingVehiclesAreReleasedInArrivalOrderOneAtATime() {
    HazmatParkingLot lot = lot();
    List<LotEvent> events = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      events.addAll(ok(lot.enter(v(i), Optional.of(LP1), at(i * 60))));
    }
    assertThat(lot.queue(LP1)).containsExactly(v(2), v(3));

    events.addAll(ok(lot.leftLoadingPoint(v(1), at(600))));
    events.addAll(ok(lot.leftLoadingPoint(v(2), at(900))));

    assertThat(events).filteredOn(e -> e instanceof VehicleReleased).containsExactly(
        new VehicleReleased(v(1), LP1, Duration.ZERO, at(60)),
        new VehicleReleased(v(2), LP1, Duration.ofSeconds(600 - 120), at(600)),
        new VehicleReleased(v(3), LP1, Duration.ofSeconds(900 - 180), at(900)));
  }

  @Test
  void eachLoadingPointHasItsOwnQueue() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.of(LP1), at(0)));
    ok(lot.enter(v(2), Optional.of(LP1), at(1)));

    assertThat(ok(lot.enter(v(3), Optional.of(LP2), at(2)))).contains(
        new VehicleReleased(v(3), LP2, Duration.ZERO, at(2)));
    assertThat(lot.queue(LP1)).containsExactly(v(2));
  }

  @Test
  void aLoadingPointWithTwoSlotsTakesTwoAtATime() {
    HazmatParkingLot lot = lot(new HazmatParkingLot.Settings(Duration.ofHours(12), 2, 20, Duration.ofSeconds(10), 60,
        Duration.ofSeconds(30)));
    for (int i = 1; i <= 4; i++) {
      ok(lot.enter(v(i), Optional.of(LP1), at(i)));
    }

    assertThat(lot.servedBy(LP1)).containsExactlyInAnyOrder(v(1), v(2));
    assertThat(lot.queue(LP1)).containsExactly(v(3), v(4));
  }

  @Test
  void aLoadingPointReportingFreeTakesTheNextVehicles() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.of(LP1), at(0)));
    ok(lot.enter(v(2), Optional.of(LP1), at(1)));

    assertThat(lot.loadingPointFree(LP1, at(300))).containsExactly(
        new VehicleReleased(v(2), LP1, Duration.ofSeconds(299), at(300)));
  }

  @Test
  void aVehicleNotSentAnywhereCannotLeaveALoadingPoint() {
    HazmatParkingLot lot = lot();

    assertThat(lot.leftLoadingPoint(v(9), at(0)).isOk()).isFalse();
  }

  @Test
  void aQueuedVehicleLeavingBeforeItsTurnIsReportedAndTakesItsSlot() {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.of(LP1), at(0)));
    ok(lot.enter(v(2), Optional.of(LP1), at(1)));
    ok(lot.enter(v(3), Optional.of(LP1), at(2)));

    assertThat(ok(lot.exit(v(3), at(10)))).contains(new LeftOutOfTurn(v(3), Optional.of(LP1), at(10)));
    assertThat(lot.queue(LP1)).containsExactly(v(2));
    assertThat(ok(lot.leftLoadingPoint(v(1), at(20)))).containsExactly(new LotEvent.LoadingPointLeft(v(1), LP1, at(20)));
    assertThat(lot.queue(LP1)).containsExactly(v(2)); // v(3) is at the loading point now
  }

  // ---- positions ----

  private static List<LotEvent> position(HazmatParkingLot lot, int vehicle, double x, double y, long second) {
    Coordinate c = DRAW.lonLat(x, y);
    return lot.position(v(vehicle), Optional.of(LP1), c.x, c.y, at(second));
  }

  @ParameterizedTest(name = "at ({0},{1}) for {2} s enters: {3}")
  @CsvSource({
      "425, 125, 9, false",
      "425, 125, 10, true",
      "425, 165, 10, true", // 15 m outside still counts
      "425, 180, 60, false"}) // 30 m outside does not
  void aVehicleEntersByPositionAfterStayingCloseForTenSeconds(double x, double y, int seconds, boolean enters) {
    HazmatParkingLot lot = lot();
    for (int s = 0; s <= seconds; s++) {
      position(lot, 1, x, y, s);
    }

    assertThat(lot.parked()).hasSize(enters ? 1 : 0);
  }

  @Test
  void theEntryIsDatedFromTheFirstFixInside() {
    HazmatParkingLot lot = lot();
    List<LotEvent> events = new ArrayList<>();
    for (int s = 0; s <= 10; s++) {
      events.addAll(position(lot, 1, 425, 125, 100 + s));
    }

    assertThat(events).first().isEqualTo(new VehicleEntered(v(1), at(100), 1));
  }

  @Test
  void aParkedVehiclesNoiseNeverTakesItOut() {
    HazmatParkingLot lot = lot();
    Random random = new Random(40);
    List<LotEvent> events = new ArrayList<>();
    for (int s = 0; s < 3600; s++) {
      double r = 40 * Math.sqrt(random.nextDouble());
      double a = random.nextDouble() * 2 * Math.PI;
      events.addAll(position(lot, 1, 425 + r * Math.cos(a), 125 + r * Math.sin(a), s));
    }

    assertThat(events).filteredOn(e -> e instanceof VehicleEntered).hasSize(1);
    assertThat(events).noneMatch(e -> e instanceof VehicleExited);
  }

  @ParameterizedTest(name = "{0} m away for {1} s leaves: {2}")
  @CsvSource({"50, 120, false", "100, 29, false", "100, 30, true"})
  void aVehicleLeavesByPositionOnlyFarAwayForThirtySeconds(double away, int seconds, boolean leaves) {
    HazmatParkingLot lot = lot();
    ok(lot.enter(v(1), Optional.empty(), at(0)));
    for (int s = 0; s <= seconds; s++) {
      position(lot, 1, 450 + away, 125, 10 + s);
    }

    assertThat(lot.parked()).hasSize(leaves ? 0 : 1);
  }
}
