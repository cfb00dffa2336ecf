package io.cordon.client.track;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;

/** Receives each live vehicle from {@link LiveVehicleStore#forEach(TrackVisitor)}. */
@FunctionalInterface
public interface TrackVisitor {

  /**
   * @param current the newest fix
   * @param trail earlier fixes, oldest first, excluding {@code current}; may be empty; immutable
   */
  void visit(String plate, VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail);
}
