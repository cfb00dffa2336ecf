package io.cordon.server.track;

import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TrackedVehicle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the JT/T 808 position pipeline knows now, for the TripService's read side: the live rule
 * state of a vehicle, the terminals' connection state and the hazmat parking lot. Answers from
 * memory, safe from any thread.
 */
public interface TrackLiveState {

  /**
   * The live part of a vehicle panel: current, violations, road, speed_limit_kmh, zone_id,
   * in_parking_lot and unbound filled; trip, permit, goods and people left to the caller.
   *
   * @param plate normalised plate, or "终端:" + number for an unbound terminal
   */
  Optional<TrackedVehicle> vehicle(String plate);

  /**
   * Every terminal heard over JT/T 808 since start (or restored): terminal_number, registered,
   * connected, last_seen, last_position, unbound_reporting and unbound_positions filled.
   */
  List<Terminal> terminals();

  /**
   * The parking lot's state.
   *
   * @param lotId empty for the park's first lot
   * @throws java.util.NoSuchElementException for an unknown lot
   */
  ParkingLotState parkingLot(String lotId);

  /**
   * A loading point reports itself free: the lot releases its next waiting vehicle.
   *
   * @throws java.util.NoSuchElementException for an unknown lot or loading point
   */
  ParkingLotState loadingPointFree(String lotId, String enterpriseId, String loadingPoint, Instant at);
}
