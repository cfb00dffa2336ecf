package io.cordon.server.track.trip;

import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripState;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code track_trip}: one journey of one vehicle with one terminal.
 *
 * @param permitId empty when the trip has no permit
 * @param closedAt empty while the trip is open
 */
record StoredTrip(String tripId, String terminalNumber, Plate plate, PlateColor plateColor, VehicleClass vehicleClass,
    boolean ownTerminal, String permitId, Instant openedAt, String openedGateId, String openedBy,
    Optional<Instant> closedAt, String closedGateId, String closedBy) {

  StoredTrip {
    Objects.requireNonNull(tripId, "tripId");
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    Objects.requireNonNull(vehicleClass, "vehicleClass");
    Objects.requireNonNull(permitId, "permitId");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(openedGateId, "openedGateId");
    Objects.requireNonNull(openedBy, "openedBy");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(closedGateId, "closedGateId");
    Objects.requireNonNull(closedBy, "closedBy");
  }

  boolean open() {
    return closedAt.isEmpty();
  }

  StoredTrip closed(Instant at, String gateId, String by) {
    return new StoredTrip(tripId, terminalNumber, plate, plateColor, vehicleClass, ownTerminal, permitId, openedAt,
        openedGateId, openedBy, Optional.of(at), gateId, by);
  }

  OpenTrip toOpenTrip(Optional<Permit> permit) {
    return new OpenTrip(tripId, terminalNumber, plate, plateColor, vehicleClass, permit, ownTerminal, openedAt);
  }

  Trip toProto() {
    Trip.Builder b = Trip.newBuilder()
        .setTripId(tripId)
        .setState(open() ? TripState.TRIP_STATE_OPEN : TripState.TRIP_STATE_CLOSED)
        .setPlate(plate.value())
        .setPlateColor(TripProtos.toProto(plateColor))
        .setVehicleClass(TripProtos.toProto(vehicleClass))
        .setTerminalNumber(terminalNumber)
        .setOwnTerminal(ownTerminal)
        .setPermitId(permitId)
        .setOpenedAt(TripProtos.ts(openedAt))
        .setOpenedGateId(openedGateId)
        .setOpenedBy(openedBy)
        .setClosedGateId(closedGateId)
        .setClosedBy(closedBy);
    closedAt.ifPresent(at -> b.setClosedAt(TripProtos.ts(at)));
    return b.build();
  }
}
