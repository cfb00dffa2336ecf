package io.cordon.server.track;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Objects;

/**
 * One committed fix for the live view, keyed by a plate or, for an unbound JT/T 808 terminal,
 * "终端:" + its number.
 */
public record LiveFix(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint point,
    LiveTags tags) {

  public LiveFix {
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(tags, "tags");
  }
}
