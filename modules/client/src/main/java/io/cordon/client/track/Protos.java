package io.cordon.client.track;

import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;

/** Protocol enums to the domain's, null for values this client does not know. */
final class Protos {
  private Protos() {}

  static VehicleClass vehicleClass(io.cordon.api.v1.VehicleClass value) {
    String name = value.name();
    return name.startsWith("VEHICLE_CLASS_") && !name.endsWith("UNSPECIFIED")
        ? VehicleClass.valueOf(name.substring("VEHICLE_CLASS_".length())) : null;
  }

  static PlateColor plateColor(io.cordon.api.v1.PlateColor value) {
    String name = value.name();
    return name.startsWith("PLATE_COLOR_") && !name.endsWith("UNSPECIFIED")
        ? PlateColor.valueOf(name.substring("PLATE_COLOR_".length())) : null;
  }

  /** "VEHICLE_SPEEDING" for ALARM_TYPE_VEHICLE_SPEEDING; empty when unspecified. */
  static String alarmType(io.cordon.api.v1.AlarmType value) {
    String name = value.name();
    return name.startsWith("ALARM_TYPE_") && !name.endsWith("UNSPECIFIED")
        ? name.substring("ALARM_TYPE_".length()) : "";
  }
}
