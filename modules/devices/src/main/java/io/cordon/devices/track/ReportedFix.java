package io.cordon.devices.track;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Objects;

/** One validated position fix of one vehicle. */
public record ReportedFix(Plate plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint point) {
  public ReportedFix {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(point, "point");
  }
}
