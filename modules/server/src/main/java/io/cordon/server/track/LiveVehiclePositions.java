package io.cordon.server.track;

import io.cordon.devices.track.ReportedFix;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The latest fix and a short, thinned trail of every vehicle heard recently; written after each
 * committed batch, read by the live streams. Every change raises a version number and stamps the
 * vehicles it touched, so a reader that remembers the version it last saw asks for what changed
 * since — nothing is queued per reader. Removals (vehicles gone silent) are remembered for a
 * while; a reader whose version is older than that memory needs a fresh {@link #snapshot()}.
 *
 * <p>Fixes older than a vehicle's current one (late, or a batch whose commit overtook another's)
 * do not move it here; they join its trail where they belong in time, thinned like the rest.
 */
public final class LiveVehiclePositions {

  /** How long removals are remembered for readers that fell behind. */
  static final Duration REMOVAL_MEMORY = Duration.ofMinutes(10);

  /** What changed after a version: vehicles that moved (with no trail) and plates removed. */
  record Changes(long version, List<LiveVehicle> moved, List<String> removed) {
    boolean isEmpty() {
      return moved.isEmpty() && removed.isEmpty();
    }
  }

  /** Every live vehicle with its trail, as of {@code version}. */
  record Snapshot(long version, List<LiveVehicle> vehicles) {}

  private record Removal(long version, String plate, Instant at) {}

  private static final class Entry {
    final String plate;
    PlateColor plateColor;
    VehicleClass vehicleClass;
    LiveTags tags = LiveTags.NONE;
    TrackPoint current;
    /** Oldest first, strictly increasing times, all before {@link #current}. */
    final List<TrackPoint> trail = new ArrayList<>();
    long changed;
    Instant lastHeard;

    Entry(String plate) {
      this.plate = plate;
    }
  }

  private final TrackSettings settings;
  private final Clock clock;
  private final Object lock = new Object();
  // guarded by lock
  private final Map<String, Entry> byPlate = new HashMap<>();
  private final ArrayDeque<Removal> removals = new ArrayDeque<>();
  private long version;
  /** Removals up to this version are forgotten: readers behind it need a snapshot. */
  private long forgottenUpTo;

  public LiveVehiclePositions(TrackSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public TrackSettings settings() {
    return settings;
  }

  /** Applies a committed batch received at {@code receivedAt}. */
  public void accept(List<ReportedFix> fixes, Instant receivedAt) {
    List<ReportedFix> byTime = new ArrayList<>(fixes);
    byTime.sort(Comparator.comparingLong(f -> f.point().epochMillis()));
    synchronized (lock) {
      version++;
      for (ReportedFix fix : byTime) {
        apply(fix, receivedAt);
      }
    }
  }

  /**
   * Applies committed fixes of the JT/T 808 pipeline received at {@code receivedAt}, in the order
   * given (per vehicle in time order). A fix's tags replace the vehicle's, so a violation that ended
   * or a trip that closed shows with the next fix; a late fix only joins the trail.
   */
  public void acceptTracked(List<LiveFix> fixes, Instant receivedAt) {
    synchronized (lock) {
      version++;
      for (LiveFix fix : fixes) {
        apply(fix.plate(), fix.plateColor(), fix.vehicleClass(), fix.point(), fix.tags(), receivedAt);
      }
    }
  }

  /**
   * Changes the tags of a live vehicle without a new fix (a violation ended on a clock tick); does
   * nothing for a vehicle not in the view.
   */
  public void retag(String plate, LiveTags tags) {
    synchronized (lock) {
      Entry entry = byPlate.get(plate);
      if (entry != null && !entry.tags.equals(tags)) {
        version++;
        entry.tags = tags;
        entry.changed = version;
      }
    }
  }

  /** Rebuilds the view from fixes read back from the table, then drops stale vehicles. */
  void restore(List<StoredFix> fixes) {
    restoreFrom(fixes::forEach);
  }

  /**
   * Rebuilds the view from fixes streamed from the table: {@code source} hands each fix to the
   * consumer it is given (per plate, oldest first is cheapest), so they are never all in memory at
   * once. Runs at start-up, before any stream reads the view; then drops stale vehicles.
   */
  void restoreFrom(Consumer<Consumer<StoredFix>> source) {
    synchronized (lock) {
      version++;
      source.accept(stored -> apply(stored.fix(), stored.receivedAt()));
    }
    expire();
  }

  private void apply(ReportedFix fix, Instant receivedAt) {
    apply(fix.plate().value(), fix.plateColor(), fix.vehicleClass(), fix.point(), null, receivedAt);
  }

  /** @param tags null: keep the vehicle's tags (fixes of PositionIngestService carry none) */
  private void apply(String plate, PlateColor plateColor, VehicleClass vehicleClass, TrackPoint point,
      LiveTags tags, Instant receivedAt) {
    Entry entry = byPlate.get(plate);
    if (entry == null) {
      entry = new Entry(plate);
      byPlate.put(plate, entry);
    } else {
      if (receivedAt.isAfter(entry.lastHeard)) {
        entry.lastHeard = receivedAt;
      }
      if (point.epochMillis() <= entry.current.epochMillis()) {
        insertLate(entry, point);
        if (tags != null && !tags.equals(entry.tags)) {
          entry.tags = tags;
          entry.changed = version;
        }
        return;
      }
      TrackPoint last = entry.trail.isEmpty() ? null : entry.trail.get(entry.trail.size() - 1);
      if (last == null
          || entry.current.epochMillis() - last.epochMillis() >= settings.trailSpacing().toMillis()) {
        entry.trail.add(entry.current);
      }
      long oldest = point.epochMillis() - settings.trailWindow().toMillis();
      int drop = 0;
      while (drop < entry.trail.size() && entry.trail.get(drop).epochMillis() < oldest) {
        drop++;
      }
      entry.trail.subList(0, drop).clear();
    }
    if (entry.lastHeard == null) {
      entry.lastHeard = receivedAt;
    }
    entry.current = point;
    entry.plateColor = plateColor;
    entry.vehicleClass = vehicleClass;
    if (tags != null) {
      entry.tags = tags;
    }
    entry.changed = version;
  }

  /**
   * Puts a fix older than the vehicle's current one into its trail, in time order: unless it is
   * already there, older than the trail window, or closer than the trail spacing to the point
   * before it (the rule successive fixes follow). The vehicle does not move, so streams send
   * nothing; a new subscriber's snapshot has the point.
   */
  private void insertLate(Entry entry, TrackPoint point) {
    long time = point.epochMillis();
    long current = entry.current.epochMillis();
    if (time == current || time < current - settings.trailWindow().toMillis()) {
      return;
    }
    List<TrackPoint> trail = entry.trail;
    int at = trail.size();
    while (at > 0 && trail.get(at - 1).epochMillis() >= time) {
      at--; // late fixes are usually recent: search from the end
    }
    if (at < trail.size() && trail.get(at).epochMillis() == time) {
      return;
    }
    if (at > 0 && time - trail.get(at - 1).epochMillis() < settings.trailSpacing().toMillis()) {
      return;
    }
    trail.add(at, point);
  }

  /** Removes vehicles not heard from for {@link TrackSettings#staleAfter()}; forgets old removals. */
  public void expire() {
    Instant now = clock.instant();
    Instant silentSince = now.minus(settings.staleAfter());
    synchronized (lock) {
      boolean bumped = false;
      for (Iterator<Entry> it = byPlate.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.lastHeard.isBefore(silentSince)) {
          if (!bumped) {
            version++;
            bumped = true;
          }
          it.remove();
          removals.addLast(new Removal(version, entry.plate, now));
        }
      }
      Instant forgetBefore = now.minus(REMOVAL_MEMORY);
      while (!removals.isEmpty() && removals.peekFirst().at().isBefore(forgetBefore)) {
        forgottenUpTo = removals.removeFirst().version();
      }
    }
  }

  /** What the view shows of a vehicle's trip and rules now; empty for a vehicle not in the view. */
  public Optional<LiveTags> tags(String plate) {
    synchronized (lock) {
      Entry entry = byPlate.get(plate);
      return entry == null ? Optional.empty() : Optional.of(entry.tags);
    }
  }

  /** The current version; it rises with every change. */
  public long version() {
    synchronized (lock) {
      return version;
    }
  }

  public int size() {
    synchronized (lock) {
      return byPlate.size();
    }
  }

  Snapshot snapshot() {
    synchronized (lock) {
      List<LiveVehicle> vehicles = new ArrayList<>(byPlate.size());
      for (Entry entry : byPlate.values()) {
        vehicles.add(new LiveVehicle(entry.plate, entry.plateColor, entry.vehicleClass, entry.current,
            List.copyOf(entry.trail), entry.tags));
      }
      return new Snapshot(version, vehicles);
    }
  }

  /** What changed after {@code cursor}; empty when removals that far back are forgotten. */
  Optional<Changes> changesSince(long cursor) {
    synchronized (lock) {
      if (cursor < forgottenUpTo) {
        return Optional.empty();
      }
      List<LiveVehicle> moved = new ArrayList<>();
      if (cursor < version) {
        for (Entry entry : byPlate.values()) {
          if (entry.changed > cursor) {
            moved.add(new LiveVehicle(entry.plate, entry.plateColor, entry.vehicleClass, entry.current, List.of(),
                entry.tags));
          }
        }
      }
      java.util.Set<String> removed = new java.util.LinkedHashSet<>();
      for (Iterator<Removal> it = removals.descendingIterator(); it.hasNext(); ) {
        Removal removal = it.next();
        if (removal.version() <= cursor) {
          break;
        }
        if (!byPlate.containsKey(removal.plate())) { // back again since: it is in moved instead
          removed.add(removal.plate());
        }
      }
      return Optional.of(new Changes(version, moved, List.copyOf(removed)));
    }
  }
}
