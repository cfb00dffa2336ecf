package io.cordon.server.track;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;

/**
 * One vehicle of the live view, as it stood at one moment.
 *
 * @param trail earlier fixes, oldest first, excluding {@code current}; empty in updates
 * @param tags what the JT/T 808 pipeline knows of it ({@link LiveTags#NONE} otherwise)
 */
record LiveVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint current,
    List<TrackPoint> trail, LiveTags tags) {

  LiveVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint current,
      List<TrackPoint> trail) {
    this(plate, plateColor, vehicleClass, current, trail, LiveTags.NONE);
  }
}
