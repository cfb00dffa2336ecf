package io.cordon.server.track.jt808;

import io.cordon.devices.jt808.Jt808Position;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;

/**
 * One position row for the {@code vehicle_position} table: what the terminal said, whose it was
 * found to be, and the flags.
 */
record StoredPosition(Jt808Position position, String plate, PlateColor plateColor, VehicleClass vehicleClass,
    String tripId, String permitId, int flags) {

  /** The terminal is bound to no vehicle. */
  static final int UNBOUND = 1;
  /** Far outside the park: kept, ignored by the rules and the live view. */
  static final int OUTSIDE_PARK = 2;
}
