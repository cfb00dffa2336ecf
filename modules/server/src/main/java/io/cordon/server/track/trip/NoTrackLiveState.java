package io.cordon.server.track.trip;

import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.server.track.TrackLiveState;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The live state of a server without a JT/T 808 position pipeline: nothing heard, no parking lot.
 * The TripService still binds terminals and replays stored tracks with it.
 */
public final class NoTrackLiveState implements TrackLiveState {

  public static final NoTrackLiveState INSTANCE = new NoTrackLiveState();

  private NoTrackLiveState() {
  }

  @Override
  public Optional<TrackedVehicle> vehicle(String plate) {
    return Optional.empty();
  }

  @Override
  public List<Terminal> terminals() {
    return List.of();
  }

  @Override
  public ParkingLotState parkingLot(String lotId) {
    throw new NoSuchElementException("no parking lot is followed on this server");
  }

  @Override
  public ParkingLotState loadingPointFree(String lotId, String enterpriseId, String loadingPoint, Instant at) {
    throw new NoSuchElementException("no parking lot is followed on this server");
  }
}
