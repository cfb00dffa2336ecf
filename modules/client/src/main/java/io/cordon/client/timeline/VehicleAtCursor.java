package io.cordon.client.timeline;

import io.cordon.domain.vehicle.VehicleClass;
import java.util.Objects;

/**
 * Where a vehicle was at the timeline's cursor.
 *
 * @param vehicleClass as the server names it (hazmat, …); empty when unknown
 * @param fixMillis the time of the fix it was read from (the earlier one when interpolated)
 * @param interpolated between two fixes rather than at (or held after) one
 */
public record VehicleAtCursor(String plate, String vehicleClass, double lon, double lat, double headingDeg,
    double speedKmh, long fixMillis, boolean interpolated) {
  public VehicleAtCursor {
    Objects.requireNonNull(plate, "plate");
    vehicleClass = vehicleClass == null ? "" : vehicleClass;
  }

  /** The class as the domain knows it ("hazmat", "HAZMAT" or "VEHICLE_CLASS_HAZMAT"); ORDINARY when unknown. */
  public VehicleClass domainClass() {
    String name = vehicleClass.strip().toUpperCase(java.util.Locale.ROOT);
    if (name.startsWith("VEHICLE_CLASS_")) {
      name = name.substring("VEHICLE_CLASS_".length());
    }
    for (VehicleClass c : VehicleClass.values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return VehicleClass.ORDINARY;
  }
}
