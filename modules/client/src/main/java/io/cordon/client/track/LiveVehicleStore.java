package io.cordon.client.track;

import io.cordon.domain.track.TrackPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live vehicles, written by the stream thread and read by the map on the FX thread. Each
 * write builds a new immutable view (a plate-sorted array of immutable vehicles) and publishes it
 * through a volatile field, so readers never lock and never see a half-applied update; the map
 * checks {@link #revision()} each pulse and redraws only when it changed.
 *
 * <p>Trails are kept here from successive fixes: at most one point per {@code trailSpacing}, no
 * older than {@code trailWindow} before the current fix. A vehicle not updated for {@code
 * staleAfter} (client clock) is dropped by {@link #expire()}, so a broken link does not freeze
 * ghosts on the map forever.
 */
public final class LiveVehicleStore {

  private record Entry(TrackedVehicle vehicle, long receivedAtMillis) {}

  private record View(long revision, TrackedVehicle[] byPlate) {}

  private final Duration trailSpacing;
  private final Clock clock;
  private final Object writeLock = new Object();
  // guarded by writeLock
  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<String> seenInSnapshot = new HashSet<>();
  private Duration staleAfter;
  private Duration trailWindow;
  private volatile View view = new View(0, new TrackedVehicle[0]);

  /** Five minutes of trail at one point per 5 s, vehicles dropped after 120 s of silence. */
  public LiveVehicleStore() {
    this(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(120), Clock.systemUTC());
  }

  public LiveVehicleStore(Duration trailWindow, Duration trailSpacing, Duration staleAfter, Clock clock) {
    this.trailWindow = trailWindow;
    this.trailSpacing = trailSpacing;
    this.staleAfter = staleAfter;
    this.clock = clock;
  }

  /** Increases whenever a vehicle appeared, moved or went away. */
  public long revision() {
    return view.revision();
  }

  public int size() {
    return view.byPlate().length;
  }

  /** Visits every live vehicle once, in plate order, without locking. */
  public void forEach(TrackVisitor visitor) {
    for (TrackedVehicle vehicle : view.byPlate()) {
      visitor.visit(vehicle.plate(), vehicle.vehicleClass(), vehicle.current(), vehicle.trail());
    }
  }

  /** Visits every live vehicle whole (with its {@link TripTracking}), in plate order, without locking. */
  public void forEachVehicle(java.util.function.Consumer<TrackedVehicle> visitor) {
    for (TrackedVehicle vehicle : view.byPlate()) {
      visitor.accept(vehicle);
    }
  }

  public Optional<TrackedVehicle> find(String plate) {
    if (plate == null) {
      return Optional.empty();
    }
    TrackedVehicle[] vehicles = view.byPlate();
    int at = Arrays.binarySearch(vehicles, probe(plate), BY_PLATE);
    return at >= 0 ? Optional.of(vehicles[at]) : Optional.empty();
  }

  /**
   * Plates starting with {@code prefix}, with or without the province character (so "A12" finds
   * 苏A12345), ignoring the case of letters; in plate order, at most {@code limit}.
   */
  public List<String> platesMatching(String prefix, int limit) {
    String wanted = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
    List<String> plates = new ArrayList<>();
    for (TrackedVehicle vehicle : view.byPlate()) {
      if (plates.size() >= limit) {
        break;
      }
      String plate = vehicle.plate();
      if (plate.startsWith(wanted) || plate.startsWith(wanted, 1)) {
        plates.add(plate);
      }
    }
    return plates;
  }

  /**
   * Applies one part of a server snapshot: its vehicles replace what the store held for them.
   * The last part removes every vehicle the snapshot did not name.
   */
  public void applySnapshotPart(List<TrackedVehicle> vehicles, boolean first, boolean last) {
    synchronized (writeLock) {
      if (first) {
        seenInSnapshot.clear();
      }
      long now = clock.millis();
      for (TrackedVehicle vehicle : vehicles) {
        entries.put(vehicle.plate(), new Entry(bounded(vehicle), now));
        seenInSnapshot.add(vehicle.plate());
      }
      if (last) {
        entries.keySet().retainAll(seenInSnapshot);
        seenInSnapshot.clear();
      }
      publish();
    }
  }

  /**
   * Applies an update: each moved vehicle's fix becomes current and its previous current joins
   * the trail; removed plates go away. A fix older than the current one is ignored.
   */
  public void applyUpdate(List<TrackedVehicle> moved, List<String> removed) {
    synchronized (writeLock) {
      removed.forEach(entries::remove);
      long now = clock.millis();
      for (TrackedVehicle fix : moved) {
        Entry known = entries.get(fix.plate());
        entries.put(fix.plate(), new Entry(known == null ? bounded(fix) : advanced(known.vehicle(), fix), now));
      }
      publish();
    }
  }

  /** Sets how long a silent vehicle stays (the server says so with every message). */
  public void setStaleAfter(Duration staleAfter) {
    synchronized (writeLock) {
      this.staleAfter = staleAfter;
    }
  }

  /**
   * Sets how far back trails reach (the server says so with every message); a shorter window
   * trims the trails at the vehicles' next change.
   */
  public void setTrailWindow(Duration trailWindow) {
    synchronized (writeLock) {
      this.trailWindow = trailWindow;
    }
  }

  /** Drops vehicles not updated for the stale interval. */
  public void expire() {
    synchronized (writeLock) {
      long oldest = clock.millis() - staleAfter.toMillis();
      boolean changed = false;
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        if (it.next().receivedAtMillis() < oldest) {
          it.remove();
          changed = true;
        }
      }
      if (changed) {
        publish();
      }
    }
  }

  /** Forgets every vehicle. */
  public void clear() {
    synchronized (writeLock) {
      entries.clear();
      seenInSnapshot.clear();
      publish();
    }
  }

  private TrackedVehicle advanced(TrackedVehicle known, TrackedVehicle fix) {
    TrackPoint previous = known.current();
    TrackPoint next = fix.current();
    if (next.epochMillis() <= previous.epochMillis()) {
      // an old fix moves nothing, but the rule state it carries is news (e.g. signal lost)
      return known.tracking().equals(fix.tracking()) ? known : new TrackedVehicle(known.plate(), known.plateColor(),
          known.vehicleClass(), previous, known.trail(), fix.tracking());
    }
    List<TrackPoint> trail = new ArrayList<>(known.trail().size() + 1);
    trail.addAll(known.trail());
    if (trail.isEmpty()
        || previous.epochMillis() - trail.get(trail.size() - 1).epochMillis() >= trailSpacing.toMillis()) {
      trail.add(previous);
    }
    // the update's tracking wins: the server sends the active violations in every update
    return bounded(new TrackedVehicle(fix.plate(), fix.plateColor(), fix.vehicleClass(), next, trail, fix.tracking()));
  }

  /** The vehicle with trail points older than the window dropped. */
  private TrackedVehicle bounded(TrackedVehicle vehicle) {
    long oldest = vehicle.current().epochMillis() - trailWindow.toMillis();
    List<TrackPoint> trail = vehicle.trail();
    int from = 0;
    while (from < trail.size() && trail.get(from).epochMillis() < oldest) {
      from++;
    }
    return from == 0 ? vehicle : new TrackedVehicle(vehicle.plate(), vehicle.plateColor(), vehicle.vehicleClass(),
        vehicle.current(), trail.subList(from, trail.size()), vehicle.tracking());
  }

  private void publish() {
    TrackedVehicle[] vehicles = new TrackedVehicle[entries.size()];
    int i = 0;
    for (Entry entry : entries.values()) {
      vehicles[i++] = entry.vehicle();
    }
    Arrays.sort(vehicles, BY_PLATE);
    view = new View(view.revision() + 1, vehicles);
  }

  private static final Comparator<TrackedVehicle> BY_PLATE = Comparator.comparing(TrackedVehicle::plate);

  private static TrackedVehicle probe(String plate) {
    return new TrackedVehicle(plate, io.cordon.domain.vehicle.PlateColor.BLUE,
        io.cordon.domain.vehicle.VehicleClass.ORDINARY, new TrackPoint(0, 0, 0, 0, 0), List.of());
  }
}
