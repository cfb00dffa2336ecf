package io.cordon.server.track.trip;

import io.cordon.api.v1.LoadingPointQueue;
import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.server.track.TrackLiveState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the position pipeline would know, set by each test: vehicles, terminals and one lot "PL-1". */
final class FakeLiveState implements TrackLiveState {

  final Map<String, TrackedVehicle> vehicles = new ConcurrentHashMap<>();
  final List<Terminal> terminals = new CopyOnWriteArrayList<>();
  final AtomicInteger released = new AtomicInteger();

  @Override
  public Optional<TrackedVehicle> vehicle(String plate) {
    return Optional.ofNullable(vehicles.get(plate));
  }

  @Override
  public List<Terminal> terminals() {
    return List.copyOf(terminals);
  }

  @Override
  public ParkingLotState parkingLot(String lotId) {
    if (!lotId.isEmpty() && !lotId.equals("PL-1")) {
      throw new NoSuchElementException("no lot " + lotId);
    }
    return ParkingLotState.newBuilder().setLotId("PL-1").setName("危化品车辆停车场").setCapacity(40)
        .setOccupancy(3 - released.get()).build();
  }

  @Override
  public ParkingLotState loadingPointFree(String lotId, String enterpriseId, String loadingPoint, Instant at) {
    int n = released.incrementAndGet();
    return parkingLot(lotId).toBuilder().addQueues(LoadingPointQueue.newBuilder().setEnterpriseId(enterpriseId)
        .setLoadingPoint(loadingPoint).addServing("released-" + n)).build();
  }
}
