package io.cordon.client.track;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Objects;

/**
 * One live vehicle as the client knows it.
 *
 * @param trail earlier fixes, oldest first, excluding {@code current}; immutable
 */
public record TrackedVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint current,
    List<TrackPoint> trail) {

  public TrackedVehicle {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(current, "current");
    trail = List.copyOf(trail);
  }
}
