package io.cordon.server.track.trip;

import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A trip open now: which vehicle a terminal's positions belong to, and the permit whose window,
 * route, loading point and core-zone authorisation the track rules apply.
 *
 * @param permit the permit as it is now (exit confirmation and revocation kept current); empty for
 *     an own terminal between permits
 * @param ownTerminal the vehicle's own terminal, not one issued at a gate
 */
public record OpenTrip(String tripId, String terminalNumber, Plate plate, PlateColor plateColor,
    VehicleClass vehicleClass, Optional<Permit> permit, boolean ownTerminal, Instant openedAt) {

  public OpenTrip {
    Objects.requireNonNull(tripId, "tripId");
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(permit, "permit");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
