package io.cordon.server.track.trip;

import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Objects;

/** A vehicle's own terminal (自带终端), bound by terminal number until removed. */
record OwnTerminal(String terminalNumber, Plate plate, PlateColor plateColor, VehicleClass vehicleClass,
    Instant savedAt, String savedBy) {

  OwnTerminal {
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(savedBy, "savedBy");
  }
}
