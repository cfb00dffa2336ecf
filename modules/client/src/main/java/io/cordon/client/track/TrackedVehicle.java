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
 * @param tracking terminal, trip, unbound flag and active violations ({@link TripTracking#NONE} if none)
 */
public record TrackedVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint current,
    List<TrackPoint> trail, TripTracking tracking) {

  /** A vehicle without JT/T 808 tracking data. */
  public TrackedVehicle(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint current,
      List<TrackPoint> trail) {
    this(plate, plateColor, vehicleClass, current, trail, TripTracking.NONE);
  }

  public TrackedVehicle {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(current, "current");
    trail = List.copyOf(trail);
    Objects.requireNonNull(tracking, "tracking");
  }
}
