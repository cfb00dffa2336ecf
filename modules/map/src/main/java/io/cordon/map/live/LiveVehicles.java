package io.cordon.map.live;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;

/**
 * Where the vehicle layer reads live positions from, whatever feeds them (the simulator today,
 * JT/T 808 terminals later). Written by network threads, read by the map on the FX thread once
 * per pulse: the map redraws only when {@link #revision()} changed, so implementations must be
 * safe to read concurrently and cheap to iterate.
 */
public interface LiveVehicles {
  LiveVehicles NONE =
      new LiveVehicles() {
        @Override
        public long revision() {
          return 0;
        }

        @Override
        public void forEach(VehicleVisitor visitor) {}
      };

  /** Increases whenever any vehicle appeared, moved or went away. */
  long revision();

  /** Visits every current vehicle once. */
  void forEach(VehicleVisitor visitor);

  /** Flag of {@link #forEachFlagged}: the vehicle breaks a tracking rule right now. */
  int VIOLATING = 1;
  /** Flag of {@link #forEachFlagged}: the positions come from a terminal bound to no vehicle. */
  int UNBOUND = 2;

  /**
   * Visits every current vehicle once with its tracking flags ({@link #VIOLATING}, {@link
   * #UNBOUND}); sources that know none keep this default, which reports none.
   */
  default void forEachFlagged(FlaggedVisitor visitor) {
    forEach((plate, vehicleClass, current, trail) -> visitor.visit(plate, vehicleClass, current, trail, 0));
  }

  /** One vehicle with its tracking flags, a bit set of {@link #VIOLATING} and {@link #UNBOUND}. */
  @FunctionalInterface
  interface FlaggedVisitor {
    void visit(String plate, VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail, int flags);
  }

  /** One vehicle: its latest fix and the trail before it, oldest first (may be empty). */
  @FunctionalInterface
  interface VehicleVisitor {
    void visit(String plate, VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail);
  }
}
