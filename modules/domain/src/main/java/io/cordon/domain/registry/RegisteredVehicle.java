package io.cordon.domain.registry;

import io.cordon.domain.identity.Vin;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Objects;
import java.util.Optional;

/** A registered vehicle; hazmat and hazwaste vehicles always carry a transport permit. */
public record RegisteredVehicle(Plate plate, PlateColor plateColor, VehicleClass vehicleClass, Vin vin,
    EnterpriseId owner, Optional<TransportPermit> transportPermit) {

  public RegisteredVehicle {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(transportPermit, "transportPermit");
  }
}
