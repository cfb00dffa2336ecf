package io.cordon.simulator.traffic;

import io.cordon.domain.vehicle.VehicleClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A mix of vehicles on a road network, the same for the same seed. */
final class Fleet {

  private Fleet() {
  }

  /**
   * {@code count} vehicles: about 45 % ordinary cars, 10 % commuter buses, 10 % construction,
   * 28 % hazardous goods and 7 % hazardous waste, as on a chemical park's roads.
   */
  static List<SimulatedVehicle> of(RoadNetwork network, int count, Random random) {
    List<SimulatedVehicle> vehicles = new ArrayList<>(count);
    if (network.roads().isEmpty()) {
      return vehicles;
    }
    PlateMaker plates = new PlateMaker(random);
    for (int i = 0; i < count; i++) {
      VehicleClass vehicleClass = classFor(random.nextDouble());
      PlateMaker.MadePlate plate = plates.next(vehicleClass);
      vehicles.add(new SimulatedVehicle(plate.plate(), plate.color(), vehicleClass, network.roadsFor(vehicleClass),
          random));
    }
    return vehicles;
  }

  static VehicleClass classFor(double draw) {
    if (draw < 0.45) {
      return VehicleClass.ORDINARY;
    }
    if (draw < 0.55) {
      return VehicleClass.COMMUTER;
    }
    if (draw < 0.65) {
      return VehicleClass.CONSTRUCTION;
    }
    return draw < 0.93 ? VehicleClass.HAZMAT : VehicleClass.HAZWASTE;
  }
}
