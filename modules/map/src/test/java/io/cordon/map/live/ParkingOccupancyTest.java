package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParkingOccupancyTest {
  private final MapState state = new MapState();
  private final ParkingOccupancy occupancy = new ParkingOccupancy(state);
  private final TestVehicles vehicles = new TestVehicles();

  @BeforeEach
  void showThePark() {
    state.vehiclesProperty().set(vehicles);
    occupancy.parkChanged(MapContext.of(LivePark.park()));
  }

  @Test
  void countsTheVehiclesInsideTheLotOnly() {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, LivePark.LOT_LON, LivePark.LOT_LAT);
    vehicles.put("苏A00002", VehicleClass.HAZMAT, LivePark.LOT_LON + 0.0005, LivePark.LOT_LAT);
    vehicles.put("苏A00003", VehicleClass.ORDINARY, LivePark.NEAR_LOT_LON, LivePark.LOT_LAT);

    occupancy.tick(0);

    assertThat(state.lotOccupancy()).containsEntry(LivePark.LOT, 2);
  }

  @Test
  void theCountDropsWhenAVehicleLeavesTheLot() {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, LivePark.LOT_LON, LivePark.LOT_LAT);
    occupancy.tick(0);

    vehicles.put("苏A00001", VehicleClass.HAZMAT, LivePark.NEAR_LOT_LON, LivePark.LOT_LAT);
    occupancy.tick(ParkingOccupancy.INTERVAL_NANOS);

    assertThat(state.lotOccupancy()).containsEntry(LivePark.LOT, 0);
  }

  @Test
  void recountsAtMostOnceASecond() {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, LivePark.LOT_LON, LivePark.LOT_LAT);
    occupancy.tick(0);

    vehicles.remove("苏A00001");
    occupancy.tick(ParkingOccupancy.INTERVAL_NANOS / 2);

    assertThat(state.lotOccupancy()).containsEntry(LivePark.LOT, 1);
  }
}
