package io.cordon.domain.gate.access;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is inside the park (needed for evacuation) and how many, by class and by enterprise, built
 * from accepted perimeter passages. Internal checkpoints do not change it.
 *
 * <p>Applying is idempotent and tolerant of late records, as offline gates upload their queues on
 * reconnect: a record id seen before changes nothing; a passage older than the holder's latest applied
 * one does not change whether the holder is inside (the newer one already tells), only, when it falls
 * into the current stay, since when and through which gate (a late entry before the known one moves
 * {@code since} back; a late exit inside the stay moves it to the latest known entry); an exit of
 * someone not inside is accepted and changes nothing. Counts are kept as passages are applied, so reading them is O(1).
 * Record ids are remembered up to a bound (oldest forgotten first); beyond it, the per-holder time
 * order still keeps a replayed record from changing anything.
 *
 * <p>Unknown holders are counted in {@link #unknown()}; those the camera saw as vehicles also count
 * in {@link #occupancy()} as vehicles. Thread-safe (methods synchronise).
 */
public final class ParkOccupancy {

  public static final int DEFAULT_REMEMBERED_RECORDS = 1_000_000;

  /** The latest passage of a holder, its latest exit and its latest entry (with the gate). */
  private static final class Track {
    Instant latest;
    Instant lastExit;
    Instant latestEntry;
    GateId latestEntryGate;
  }

  private final int rememberedRecords;
  private final LinkedHashSet<String> records = new LinkedHashSet<>();
  /** Per holder key: what the passages so far say, to place late records. */
  private final Map<String, Track> tracks = new HashMap<>();
  private final Map<String, InsideHolder> inside = new HashMap<>();
  private final EnumMap<VehicleClass, Integer> vehicles = new EnumMap<>(VehicleClass.class);
  private final Map<EnterpriseId, int[]> enterprises = new HashMap<>();
  private int people;
  private int unknown;
  private int unknownVehicles;
  private int unknownDangerous;

  public ParkOccupancy() {
    this(DEFAULT_REMEMBERED_RECORDS);
  }

  public ParkOccupancy(int rememberedRecords) {
    if (rememberedRecords < 1) {
      throw new IllegalArgumentException("rememberedRecords must be at least 1");
    }
    this.rememberedRecords = rememberedRecords;
  }

  /**
   * Applies an accepted passage.
   *
   * @return true when the record is new (whether or not it moved the holder), false for a record id seen before
   */
  public synchronized boolean apply(String recordId, Holder holder, PassageDirection direction, GateId gate,
      Instant at) {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(at, "at");
    if (!records.add(recordId)) {
      return false;
    }
    if (records.size() > rememberedRecords) {
      Iterator<String> oldest = records.iterator();
      oldest.next();
      oldest.remove();
    }
    String key = holder.key();
    Track track = tracks.computeIfAbsent(key, k -> new Track());
    boolean late = track.latest != null && at.isBefore(track.latest);
    InsideHolder was = inside.get(key);
    if (direction == PassageDirection.ENTRY) {
      if (track.latestEntry == null || at.isAfter(track.latestEntry)) {
        track.latestEntry = at;
        track.latestEntryGate = gate;
      }
      if (!late && was == null) {
        inside.put(key, new InsideHolder(holder, at, gate));
        count(holder, 1);
      } else if (late && was != null && at.isBefore(was.since())
          && (track.lastExit == null || at.isAfter(track.lastExit))) {
        inside.put(key, new InsideHolder(was.holder(), at, gate));
      }
    } else {
      if (!late && was != null) {
        inside.remove(key);
        count(was.holder(), -1);
      } else if (late && was != null && !at.isBefore(was.since())) {
        inside.put(key, new InsideHolder(was.holder(), track.latestEntry, track.latestEntryGate));
      }
      if (track.lastExit == null || at.isAfter(track.lastExit)) {
        track.lastExit = at;
      }
    }
    if (!late) {
      track.latest = at;
    }
    return true;
  }

  private void count(Holder holder, int delta) {
    if (holder instanceof Holder.Person) {
      people += delta;
    } else if (holder instanceof Holder.Vehicle v) {
      vehicles.merge(v.vehicleClass(), delta, Integer::sum);
    } else {
      Optional<VehicleClass> seen = ((Holder.Unknown) holder).seenClass();
      unknown += delta;
      if (seen.isPresent()) {
        unknownVehicles += delta;
        unknownDangerous += seen.get().isDangerous() ? delta : 0;
      }
    }
    Optional<EnterpriseId> enterprise = holder.enterprise();
    if (enterprise.isPresent()) {
      int[] c = enterprises.computeIfAbsent(enterprise.get(), e -> new int[2]);
      c[holder instanceof Holder.Person ? 0 : 1] += delta;
      if (c[0] == 0 && c[1] == 0) {
        enterprises.remove(enterprise.get());
      }
    }
  }

  public synchronized Presence presenceOf(Holder holder) {
    return inside.containsKey(holder.key()) ? Presence.INSIDE : Presence.OUTSIDE;
  }

  /** The holder's entry, when inside. */
  public synchronized Optional<InsideHolder> entryOf(Holder holder) {
    return Optional.ofNullable(inside.get(holder.key()));
  }

  /** Everyone inside, the longest inside first. */
  public synchronized List<InsideHolder> inside() {
    List<InsideHolder> list = new ArrayList<>(inside.values());
    list.sort(Comparator.comparing(InsideHolder::since).thenComparing(i -> i.holder().key()));
    return list;
  }

  /** How many holders are inside, of every kind. */
  public synchronized int size() {
    return inside.size();
  }

  /** Registered people inside. */
  public synchronized int people() {
    return people;
  }

  /** Registered vehicles inside, every class. */
  public synchronized int vehicles() {
    int n = 0;
    for (int c : vehicles.values()) {
      n += c;
    }
    return n;
  }

  public synchronized int vehicles(VehicleClass vehicleClass) {
    return vehicles.getOrDefault(vehicleClass, 0);
  }

  /** Registered vehicles inside by class; every class is a key. */
  public synchronized Map<VehicleClass, Integer> vehiclesByClass() {
    EnumMap<VehicleClass, Integer> m = new EnumMap<>(VehicleClass.class);
    for (VehicleClass c : VehicleClass.values()) {
      m.put(c, vehicles.getOrDefault(c, 0));
    }
    return m;
  }

  /** Unknown holders inside (forced entries, mostly). */
  public synchronized int unknown() {
    return unknown;
  }

  /** People and vehicles inside by enterprise; enterprises with nobody inside are absent. */
  public synchronized Map<EnterpriseId, EnterpriseCount> byEnterprise() {
    Map<EnterpriseId, EnterpriseCount> m = new HashMap<>();
    enterprises.forEach((e, c) -> m.put(e, new EnterpriseCount(c[0], c[1])));
    return m;
  }

  /** The counts the capacity rule uses: registered people; vehicles (and dangerous ones) including unknowns seen as vehicles. */
  public synchronized Occupancy occupancy() {
    int dangerous = vehicles.getOrDefault(VehicleClass.HAZMAT, 0) + vehicles.getOrDefault(VehicleClass.HAZWASTE, 0);
    return new Occupancy(people, vehicles() + unknownVehicles, dangerous + unknownDangerous);
  }
}
