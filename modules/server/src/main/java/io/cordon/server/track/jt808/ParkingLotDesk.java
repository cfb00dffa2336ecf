package io.cordon.server.track.jt808;

import io.cordon.api.v1.LoadingPointQueue;
import io.cordon.api.v1.ParkedVehicle;
import io.cordon.api.v1.ParkingLotState;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.track.parking.HazmatParkingLot;
import io.cordon.domain.track.parking.LoadingPointRef;
import io.cordon.domain.track.parking.LoadingPointVisits;
import io.cordon.domain.track.parking.LotEvent;
import io.cordon.domain.track.rules.VehicleKey;
import io.cordon.domain.validation.Result;
import io.cordon.server.track.TrackMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * One hazmat parking lot of the park ({@link HazmatParkingLot}) behind a lock, fed with the
 * positions of dangerous vehicles near it: a cheap bounding-box test keeps the lot's geometry out of
 * every other position's path. Also remembers what the lot's state message shows (since when a
 * vehicle is parked, who overstays), which the domain lot keeps to itself. Released vehicles are
 * followed to their loading points: when one has been there and drove off, the next in its queue
 * is released ({@link LoadingPointVisits}).
 */
final class ParkingLotDesk {

  private static final double METRES_PER_DEGREE = 111_320;

  private final ParkingLot lot;
  private final HazmatParkingLot desk;
  /** The lot grown by the distance at which a parked vehicle counts as gone, and a margin. */
  private final Envelope near;
  // guarded by this
  private final Map<VehicleKey, Instant> since = new HashMap<>();
  private final Map<VehicleKey, Optional<LoadingPointRef>> destinations = new HashMap<>();
  private final Set<VehicleKey> overstaying = new HashSet<>();
  private final Set<LoadingPointRef> knownPoints = new LinkedHashSet<>();
  /** Read without the lock by lanes: a vehicle inside is fed even far away, so that it can leave. */
  private final Set<VehicleKey> inside = ConcurrentHashMap.newKeySet();
  /** Released vehicles followed to their loading points; read without the lock like {@link #inside}. */
  private final LoadingPointVisits visits;
  private final Set<VehicleKey> visiting = ConcurrentHashMap.newKeySet();

  ParkingLotDesk(ParkingLot lot, HazmatParkingLot.Settings settings, Map<LoadingPointRef, Coordinate> loadingPoints) {
    this.lot = lot;
    this.desk = new HazmatParkingLot(lot, settings);
    this.visits = new LoadingPointVisits(loadingPoints, LoadingPointVisits.Settings.DEFAULTS);
    Envelope env = new Envelope(lot.area().getEnvelopeInternal());
    double metres = settings.leaveMetres() + 100;
    double dLat = metres / METRES_PER_DEGREE;
    double dLon = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(env.centre().y))));
    env.expandBy(dLon, dLat);
    this.near = env;
  }

  String id() {
    return lot.id().value();
  }

  ParkingLot lot() {
    return lot;
  }

  /** Whether a position of this vehicle matters to the lot (cheap; no lock). */
  boolean concerns(VehicleKey vehicle, double lon, double lat) {
    return near.contains(lon, lat) || inside.contains(vehicle) || visiting.contains(vehicle);
  }

  boolean holds(String plate) {
    return inside.contains(new VehicleKey(plate));
  }

  synchronized List<LotEvent> position(VehicleKey vehicle, Optional<LoadingPointRef> destination, double lon,
      double lat, Instant at) {
    List<LotEvent> events = note(desk.position(vehicle, destination, lon, lat, at), destination);
    if (!visiting.contains(vehicle) || visits.position(vehicle, lon, lat, at).isEmpty()) {
      return events;
    }
    visiting.remove(vehicle);
    Result<List<LotEvent>> left = desk.leftLoadingPoint(vehicle, at);
    if (!(left instanceof Result.Ok<List<LotEvent>> ok)) {
      return events; // its slot was already freed by the loading point's own report
    }
    List<LotEvent> all = new ArrayList<>(events);
    all.addAll(note(ok.value(), Optional.empty()));
    return all;
  }

  synchronized List<LotEvent> tick(Instant now) {
    return note(desk.tick(now), Optional.empty());
  }

  synchronized List<LotEvent> loadingPointFree(LoadingPointRef point, Instant at) {
    knownPoints.add(point);
    for (VehicleKey served : desk.servedBy(point)) {
      visits.forget(served);
      visiting.remove(served);
    }
    return note(desk.loadingPointFree(point, at), Optional.empty());
  }

  private List<LotEvent> note(List<LotEvent> events, Optional<LoadingPointRef> destination) {
    for (LotEvent event : events) {
      if (event instanceof LotEvent.VehicleEntered entered) {
        inside.add(entered.vehicle());
        since.put(entered.vehicle(), entered.at());
        destinations.put(entered.vehicle(), destination);
        destination.ifPresent(knownPoints::add);
      } else if (event instanceof LotEvent.VehicleExited exited) {
        inside.remove(exited.vehicle());
        since.remove(exited.vehicle());
        destinations.remove(exited.vehicle());
        overstaying.remove(exited.vehicle());
      } else if (event instanceof LotEvent.VehicleReleased released) {
        if (visits.expect(released.vehicle(), released.loadingPoint())) {
          visiting.add(released.vehicle());
        }
      } else if (event instanceof LotEvent.OverstayStarted started) {
        overstaying.add(started.vehicle());
      } else if (event instanceof LotEvent.OverstayEnded ended) {
        overstaying.remove(ended.vehicle());
      }
    }
    return events;
  }

  /** The lot as {@code GetParkingLot} shows it. */
  synchronized ParkingLotState state() {
    ParkingLotState.Builder state = ParkingLotState.newBuilder()
        .setLotId(lot.id().value())
        .setName(lot.name())
        .setCapacity(desk.capacity())
        .setOccupancy(desk.occupancy())
        .setOverflowing(desk.overflowing());
    Map<LoadingPointRef, List<VehicleKey>> queues = new HashMap<>();
    for (LoadingPointRef point : knownPoints) {
      queues.put(point, desk.queue(point));
    }
    for (VehicleKey vehicle : desk.parked()) {
      ParkedVehicle.Builder parked = ParkedVehicle.newBuilder().setPlate(vehicle.value())
          .setOverstaying(overstaying.contains(vehicle));
      Instant at = since.get(vehicle);
      if (at != null) {
        parked.setSince(TrackMessages.timestamp(at));
      }
      Optional<LoadingPointRef> point = destinations.getOrDefault(vehicle, Optional.empty());
      if (point.isPresent()) {
        parked.setEnterpriseId(point.get().enterprise().value()).setLoadingPoint(point.get().id());
        int index = queues.getOrDefault(point.get(), List.of()).indexOf(vehicle);
        parked.setQueuePosition(index + 1);
      }
      state.addParked(parked);
    }
    for (LoadingPointRef point : knownPoints) {
      List<String> serving = new ArrayList<>();
      desk.servedBy(point).forEach(v -> serving.add(v.value()));
      serving.sort(null);
      state.addQueues(LoadingPointQueue.newBuilder().setEnterpriseId(point.enterprise().value())
          .setLoadingPoint(point.id()).addAllServing(serving)
          .addAllWaiting(queues.get(point).stream().map(VehicleKey::value).toList()));
    }
    return state.build();
  }
}
