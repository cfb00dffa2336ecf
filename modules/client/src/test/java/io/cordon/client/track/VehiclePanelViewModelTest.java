package io.cordon.client.track;

import static io.cordon.client.track.FakeTripServer.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.ActiveViolation;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripState;
import io.cordon.api.v1.VehiclePosition;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vehicle panel against a TripService on a loopback port. */
class VehiclePanelViewModelTest {
  private static final String PLATE = "苏E12345";
  private static final Instant SINCE = Instant.parse("2024-05-01T02:10:00Z");

  private final FakeTripServer server = new FakeTripServer();
  private final UiQueue ui = new UiQueue();
  private final VehiclePanelViewModel panel = new VehiclePanelViewModel(server.client, ui);

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  private static io.cordon.api.v1.TrackedVehicle tanker() {
    return io.cordon.api.v1.TrackedVehicle.newBuilder()
        .setPlate(PLATE)
        .setPlateColor(io.cordon.api.v1.PlateColor.PLATE_COLOR_YELLOW)
        .setVehicleClass(io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_HAZMAT)
        .setTrip(Trip.newBuilder().setTripId("T-000007").setState(TripState.TRIP_STATE_OPEN)
            .setTerminalNumber("013800138000").setPermitId("A-000042"))
        .setPermit(Permit.newBuilder().setPermitId("A-000042").setRouteId("R-01>R-04")
            .setWindow(TimeWindow.newBuilder()
                .setFrom(ts(Instant.parse("2024-05-01T00:00:00Z")))      // 08:00 park time
                .setUntil(ts(Instant.parse("2024-05-01T10:00:00Z")))))   // 18:00 park time
        .addGoods(Goods.newBuilder().setUnNumber("1203").setName("汽油").setHazardClass("3").setAmount("28.5")
            .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE))
        .setDriver(RegistryPerson.newBuilder().setPersonId("P-000001").setName("王建国").setPhone("13800001111"))
        .setEscort(RegistryPerson.newBuilder().setPersonId("P-000002").setName("李明").setPhone("13900002222"))
        .setHostEnterpriseName("扬子石化")
        .setCurrent(VehiclePosition.newBuilder().setPosition(LonLat.newBuilder().setLon(118.75).setLat(32.2))
            .setSpeedKmh(58).setHeadingDeg(90).setTime(ts(SINCE.plusSeconds(30))))
        .setRoad("园区一路")
        .setSpeedLimitKmh(40)
        .addViolations(ActiveViolation.newBuilder().setRule("OVERSPEED")
            .setAlarmType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING).setSince(ts(SINCE)).setPlace("园区一路")
            .putParameters("speed_kmh", "58").putParameters("limit_kmh", "40").setAlarmId("A-000100"))
        .build();
  }

  @Test
  void showsThePermitGoodsPeopleAndPositionOfAVehicle() {
    server.vehicles.put(PLATE, tanker());

    panel.load(PLATE);
    ui.runNext();

    assertThat(panel.loadedProperty().get()).isTrue();
    assertThat(panel.vehicleClassProperty().get()).isEqualTo(VehicleClass.HAZMAT);
    assertThat(panel.plateColorProperty().get()).isEqualTo(PlateColor.YELLOW);
    assertThat(panel.permitIdProperty().get()).isEqualTo("A-000042");
    assertThat(panel.permitWindowProperty().get()).isEqualTo("2024-05-01 08:00 – 18:00");
    assertThat(panel.routeProperty().get()).isEqualTo("R-01>R-04");
    assertThat(panel.goods()).extracting(GoodsLine::text).containsExactly("UN1203 汽油 3类 28.5 t");
    assertThat(panel.driverProperty().get().text()).isEqualTo("王建国 13800001111");
    assertThat(panel.escortProperty().get().text()).isEqualTo("李明 13900002222");
    assertThat(panel.hostProperty().get()).isEqualTo("扬子石化");
    assertThat(panel.terminalNumberProperty().get()).isEqualTo("013800138000");
    assertThat(panel.tripOpenProperty().get()).isTrue();
    assertThat(panel.speedKmhProperty().get()).isEqualTo(58);
    assertThat(panel.roadProperty().get()).isEqualTo("园区一路");
    assertThat(panel.speedLimitKmhProperty().get()).isEqualTo(40);
  }

  @Test
  void listsTheRulesTheVehicleBreaksWithSinceAndParameters() {
    server.vehicles.put(PLATE, tanker());

    panel.load(PLATE);
    ui.runNext();

    assertThat(panel.violations()).hasSize(1);
    ViolationLine overspeed = panel.violations().get(0);
    assertThat(overspeed.rule()).isEqualTo("OVERSPEED");
    assertThat(overspeed.alarmType()).isEqualTo("VEHICLE_SPEEDING");
    assertThat(overspeed.since()).isEqualTo(SINCE);
    assertThat(overspeed.parameters()).containsExactly(Map.entry("limit_kmh", "40"), Map.entry("speed_kmh", "58"));
    assertThat(overspeed.parametersText()).isEqualTo("limit_kmh=40, speed_kmh=58");
  }

  @Test
  void refreshShowsTheCurrentRuleState() {
    server.vehicles.put(PLATE, tanker());
    panel.load(PLATE);
    ui.runNext();

    server.vehicles.put(PLATE, tanker().toBuilder().clearViolations().build());
    panel.refreshCommand().execute();
    ui.runNext();

    assertThat(panel.violations()).isEmpty();
  }

  @Test
  void anUnknownPlateSaysNotFound() {
    panel.load("苏E99999");
    ui.runNext();

    assertThat(panel.errorKeyProperty().get()).isEqualTo(TrackErrors.NOT_FOUND);
    assertThat(panel.loadedProperty().get()).isFalse();
  }

  @Test
  void anAnswerForAVehicleNoLongerShownIsDropped() {
    server.vehicles.put(PLATE, tanker());
    server.vehicles.put("苏E00001", tanker().toBuilder().setPlate("苏E00001").clearGoods().build());
    server.hold(PLATE);
    panel.load(PLATE);
    panel.load("苏E00001");
    ui.runNext();
    assertThat(panel.goods()).isEmpty();

    server.release(PLATE);
    ui.runNext();

    assertThat(panel.plateProperty().get()).isEqualTo("苏E00001");
    assertThat(panel.goods()).isEmpty();
  }

  @Test
  void anUnboundTerminalIsFlaggedAndHasNoPermit() {
    String key = "终端:013800138999";
    server.vehicles.put(key, io.cordon.api.v1.TrackedVehicle.newBuilder().setPlate(key).setUnbound(true)
        .setVehicleClass(io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_HAZMAT).build());

    panel.load(key);
    ui.runNext();

    assertThat(panel.unboundProperty().get()).isTrue();
    assertThat(panel.permitIdProperty().get()).isEmpty();
    assertThat(panel.permitWindowProperty().get()).isEmpty();
    assertThat(panel.hasPositionProperty().get()).isFalse();
  }
}
