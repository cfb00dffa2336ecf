package io.cordon.domain.track.parking;

import io.cordon.domain.track.rules.VehicleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What happened in the hazmat parking lot. Overflow, overstay and out-of-turn departures raise alarms. */
public sealed interface LotEvent {
  Instant at();

  /** A vehicle came into the lot; {@code occupancy} counts it. */
  record VehicleEntered(VehicleKey vehicle, Instant at, int occupancy) implements LotEvent {}

  /** A vehicle left the lot after {@code stayed}. */
  record VehicleExited(VehicleKey vehicle, Instant at, int occupancy, Duration stayed) implements LotEvent {}

  /** More vehicles in the lot than it has places. */
  record OverflowStarted(int occupancy, int capacity, Instant at) implements LotEvent {}

  /** Back within capacity. */
  record OverflowEnded(int occupancy, int capacity, Instant at) implements LotEvent {}

  /** A vehicle has been in the lot longer than allowed. */
  record OverstayStarted(VehicleKey vehicle, Instant enteredAt, Duration limit, Instant at) implements LotEvent {}

  /** The overstaying vehicle left. */
  record OverstayEnded(VehicleKey vehicle, Instant at) implements LotEvent {}

  /** The vehicle may now drive to its loading point; it waited {@code waited} in the queue. */
  record VehicleReleased(VehicleKey vehicle, LoadingPointRef loadingPoint, Duration waited, Instant at)
      implements LotEvent {}

  /** A queued vehicle left the lot before it was released (jumped the queue); it still takes its loading point's slot. */
  record LeftOutOfTurn(VehicleKey vehicle, Optional<LoadingPointRef> loadingPoint, Instant at) implements LotEvent {}

  /** A released vehicle finished at its loading point and drove off: its slot is free again. */
  record LoadingPointLeft(VehicleKey vehicle, LoadingPointRef loadingPoint, Instant at) implements LotEvent {}
}
