package io.cordon.domain.track.parking;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.track.parking.LotEvent.LeftOutOfTurn;
import io.cordon.domain.track.parking.LotEvent.LoadingPointLeft;
import io.cordon.domain.track.parking.LotEvent.OverflowEnded;
import io.cordon.domain.track.parking.LotEvent.OverflowStarted;
import io.cordon.domain.track.parking.LotEvent.OverstayEnded;
import io.cordon.domain.track.parking.LotEvent.OverstayStarted;
import io.cordon.domain.track.parking.LotEvent.VehicleEntered;
import io.cordon.domain.track.parking.LotEvent.VehicleExited;
import io.cordon.domain.track.parking.LotEvent.VehicleReleased;
import io.cordon.domain.track.rules.VehicleKey;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The hazmat parking lot (§7.1.6) as the dispatcher sees it. Vehicles come in and go out — told
 * explicitly (the lot's tag readers, §7.1.6.1 d) or judged from their positions with hysteresis —
 * and wait there for their loading point. A loading point serves at most {@code perLoadingPoint}
 * vehicles at a time: the lot releases waiting vehicles to it in arrival order as it has room, and
 * a slot frees when the vehicle leaves the loading point or the loading point reports itself free.
 *
 * <p>Occupancy above capacity is an overflow (the lot is a buffer, not a wall: arriving vehicles are
 * never refused, the overflow is raised instead); a vehicle in the lot longer than
 * {@code overstayAfter} overstays. Mutable, not thread-safe: one instance per lot behind one queue.
 */
public final class HazmatParkingLot {

  /**
   * @param overstayAfter how long a vehicle may stay (default 12 h, our choice: a night's wait)
   * @param perLoadingPoint vehicles released to one loading point at a time (default 1)
   * @param enterMetres a fix this close to the lot (0 = inside) counts as in it (default 20 m)
   * @param enterAfter ... for this long before the vehicle counts as entered (default 10 s)
   * @param leaveMetres a fix farther than this from the lot counts as out of it (default 60 m)
   * @param leaveAfter ... for this long before the vehicle counts as gone (default 30 s)
   */
  public record Settings(Duration overstayAfter, int perLoadingPoint, double enterMetres, Duration enterAfter,
      double leaveMetres, Duration leaveAfter) {
    public static final Settings DEFAULTS = new Settings(Duration.ofHours(12), 1, 20, Duration.ofSeconds(10), 60,
        Duration.ofSeconds(30));

    public Settings {
      Objects.requireNonNull(overstayAfter, "overstayAfter");
      Objects.requireNonNull(enterAfter, "enterAfter");
      Objects.requireNonNull(leaveAfter, "leaveAfter");
      if (perLoadingPoint < 1) {
        throw new IllegalArgumentException("perLoadingPoint must be at least 1");
      }
      if (enterMetres < 0 || leaveMetres < enterMetres) {
        throw new IllegalArgumentException("need 0 <= enterMetres <= leaveMetres");
      }
    }
  }

  private static final class Stay {
    final Instant enteredAt;
    final Optional<LoadingPointRef> destination;
    boolean released;
    boolean overstaying;

    Stay(Instant enteredAt, Optional<LoadingPointRef> destination) {
      this.enteredAt = enteredAt;
      this.destination = destination;
    }
  }

  private final ParkingLotId id;
  private final int capacity;
  private final Settings settings;
  private final LocalProjection projection;
  private final Polygon metricArea;
  private final Map<VehicleKey, Stay> parked = new LinkedHashMap<>();
  private final Map<LoadingPointRef, ArrayDeque<VehicleKey>> queues = new HashMap<>();
  private final Map<LoadingPointRef, Set<VehicleKey>> serving = new HashMap<>();
  private final Map<VehicleKey, Instant> pendingSince = new HashMap<>();
  private boolean overflowing;

  public HazmatParkingLot(ParkingLot lot, Settings settings) {
    Objects.requireNonNull(lot, "lot");
    if (!lot.hazmat()) {
      throw new IllegalArgumentException("parking lot " + lot.id() + " is not a hazmat lot");
    }
    if (lot.capacity() < 1) {
      throw new IllegalArgumentException("parking lot " + lot.id() + " has no places");
    }
    this.id = lot.id();
    this.capacity = lot.capacity();
    this.settings = Objects.requireNonNull(settings, "settings");
    this.projection = LocalProjection.around(lot.area());
    this.metricArea = projection.toMetres(lot.area());
  }

  public ParkingLotId id() {
    return id;
  }

  public int capacity() {
    return capacity;
  }

  public int occupancy() {
    return parked.size();
  }

  public boolean overflowing() {
    return overflowing;
  }

  /** The vehicles in the lot, in arrival order. */
  public List<VehicleKey> parked() {
    return List.copyOf(parked.keySet());
  }

  /** The vehicles waiting for this loading point, first to be released first. */
  public List<VehicleKey> queue(LoadingPointRef loadingPoint) {
    return List.copyOf(queues.getOrDefault(loadingPoint, new ArrayDeque<>()));
  }

  /** The vehicles released to this loading point and not yet done there. */
  public Set<VehicleKey> servedBy(LoadingPointRef loadingPoint) {
    return Set.copyOf(serving.getOrDefault(loadingPoint, Set.of()));
  }

  // ---- commands ----

  /**
   * The vehicle came into the lot, bound for {@code destination} (its permit's loading point; empty
   * when it only waits, e.g. to leave the park). Refused when it is already in.
   */
  public Result<List<LotEvent>> enter(VehicleKey vehicle, Optional<LoadingPointRef> destination, Instant at) {
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(at, "at");
    if (parked.containsKey(vehicle)) {
      return Result.refused(Refusal.conflict("vehicle", vehicle + " is already in the lot"));
    }
    List<LotEvent> events = new ArrayList<>();
    parked.put(vehicle, new Stay(at, destination));
    events.add(new VehicleEntered(vehicle, at, parked.size()));
    checkOverflow(at, events);
    destination.ifPresent(lp -> {
      queues.computeIfAbsent(lp, k -> new ArrayDeque<>()).addLast(vehicle);
      dispatch(lp, at, events);
    });
    return Result.ok(List.copyOf(events));
  }

  /** The vehicle left the lot. Refused when it is not in. */
  public Result<List<LotEvent>> exit(VehicleKey vehicle, Instant at) {
    Objects.requireNonNull(at, "at");
    Stay stay = parked.get(vehicle);
    if (stay == null) {
      return Result.refused(Refusal.conflict("vehicle", vehicle + " is not in the lot"));
    }
    List<LotEvent> events = new ArrayList<>();
    parked.remove(vehicle);
    pendingSince.remove(vehicle);
    if (stay.overstaying) {
      events.add(new OverstayEnded(vehicle, at));
    }
    if (stay.destination.isPresent() && !stay.released) {
      LoadingPointRef lp = stay.destination.get();
      queues.get(lp).remove(vehicle);
      serving.computeIfAbsent(lp, k -> new LinkedHashSet<>()).add(vehicle); // it is on its way there all the same
      events.add(new LeftOutOfTurn(vehicle, stay.destination, at));
    }
    events.add(new VehicleExited(vehicle, at, parked.size(), Duration.between(stay.enteredAt, at)));
    checkOverflow(at, events);
    return Result.ok(List.copyOf(events));
  }

  /**
   * Metres from the lot; beyond both thresholds the distance to its envelope (a lower bound) is
   * enough, so the exact distance is computed only for the few vehicles near the lot.
   */
  private double distanceToLot(Coordinate metric) {
    double envelope = metricArea.getEnvelopeInternal().distance(new Envelope(metric));
    if (envelope > Math.max(settings.enterMetres(), settings.leaveMetres())) {
      return envelope;
    }
    return metricArea.distance(metricArea.getFactory().createPoint(metric));
  }

  /**
   * A position of a vehicle near the lot: it enters once its fixes have stayed within
   * {@code enterMetres} of the lot for {@code enterAfter}, and leaves once they have stayed farther
   * than {@code leaveMetres} for {@code leaveAfter}. Between the two nothing changes, so a parked
   * vehicle's GPS noise does not take it out of the lot and back in.
   */
  public List<LotEvent> position(VehicleKey vehicle, Optional<LoadingPointRef> destination, double lon, double lat,
      Instant at) {
    double d = distanceToLot(projection.toMetres(new Coordinate(lon, lat)));
    boolean in = parked.containsKey(vehicle);
    boolean change = in ? d > settings.leaveMetres() : d <= settings.enterMetres();
    if (!change) {
      pendingSince.remove(vehicle);
      return List.of();
    }
    Instant since = pendingSince.merge(vehicle, at, (a, b) -> a.isBefore(b) ? a : b);
    Duration needed = in ? settings.leaveAfter() : settings.enterAfter();
    if (Duration.between(since, at).compareTo(needed) < 0) {
      return List.of();
    }
    pendingSince.remove(vehicle);
    return (in ? exit(vehicle, since) : enter(vehicle, destination, since)).orElseThrow();
  }

  /** The vehicle finished at its loading point and drove off: its slot goes to the next in the queue. */
  public Result<List<LotEvent>> leftLoadingPoint(VehicleKey vehicle, Instant at) {
    for (Map.Entry<LoadingPointRef, Set<VehicleKey>> e : serving.entrySet()) {
      if (e.getValue().remove(vehicle)) {
        List<LotEvent> events = new ArrayList<>();
        events.add(new LoadingPointLeft(vehicle, e.getKey(), at));
        dispatch(e.getKey(), at, events);
        return Result.ok(List.copyOf(events));
      }
    }
    return Result.refused(Refusal.conflict("vehicle", vehicle + " was not sent to any loading point"));
  }

  /** The loading point reports it has room for all its slots again: release the next vehicles. */
  public List<LotEvent> loadingPointFree(LoadingPointRef loadingPoint, Instant at) {
    Objects.requireNonNull(loadingPoint, "loadingPoint");
    serving.remove(loadingPoint);
    List<LotEvent> events = new ArrayList<>();
    dispatch(loadingPoint, at, events);
    return List.copyOf(events);
  }

  /** Raises overstays that are due at {@code now}. */
  public List<LotEvent> tick(Instant now) {
    List<LotEvent> events = new ArrayList<>();
    for (Map.Entry<VehicleKey, Stay> e : parked.entrySet()) {
      Stay stay = e.getValue();
      if (!stay.overstaying && Duration.between(stay.enteredAt, now).compareTo(settings.overstayAfter()) >= 0) {
        stay.overstaying = true;
        events.add(new OverstayStarted(e.getKey(), stay.enteredAt, settings.overstayAfter(), now));
      }
    }
    return List.copyOf(events);
  }

  // ---- inside ----

  private void dispatch(LoadingPointRef lp, Instant at, List<LotEvent> events) {
    ArrayDeque<VehicleKey> queue = queues.get(lp);
    Set<VehicleKey> busy = serving.computeIfAbsent(lp, k -> new LinkedHashSet<>());
    while (queue != null && !queue.isEmpty() && busy.size() < settings.perLoadingPoint()) {
      VehicleKey next = queue.pollFirst();
      Stay stay = parked.get(next);
      stay.released = true;
      busy.add(next);
      events.add(new VehicleReleased(next, lp, Duration.between(stay.enteredAt, at), at));
    }
  }

  private void checkOverflow(Instant at, List<LotEvent> events) {
    if (!overflowing && parked.size() > capacity) {
      overflowing = true;
      events.add(new OverflowStarted(parked.size(), capacity, at));
    } else if (overflowing && parked.size() <= capacity) {
      overflowing = false;
      events.add(new OverflowEnded(parked.size(), capacity, at));
    }
  }
}
