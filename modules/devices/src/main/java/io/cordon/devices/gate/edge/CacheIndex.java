package io.cordon.devices.gate.edge;

import io.cordon.api.v1.CachedHolder;
import io.cordon.api.v1.CachedPerson;
import io.cordon.api.v1.CachedVehicle;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content of a gate's cache, indexed for the offline decision: permits by holder, blacklist
 * entries by subject, the registry's vehicles by plate and people by id and ID-card number.
 * Not thread-safe: {@link AgentCache} builds a copy, applies a verified unit of chunks to it and
 * then publishes it; a published index is never changed again.
 */
public final class CacheIndex {

  private static final Logger log = LoggerFactory.getLogger(CacheIndex.class);

  private long version;
  private GateOperatingMode mode = GateOperatingMode.GATE_OPERATING_MODE_NORMAL;
  private final Map<String, Permit> permits;
  private final Map<String, Set<String>> permitsByHolder; // "P:<person id>" / "V:<plate>" → permit ids
  private final Map<String, BlacklistEntry> blacklist;
  private final Map<Subject, Set<String>> blacklistBySubject;
  private final Map<String, CachedVehicle> vehicles; // by normalised plate
  private final Map<String, CachedPerson> people;    // by person id
  private final Map<String, String> personByIdNumber;

  /** An empty cache (version 0). */
  public CacheIndex() {
    this(0, GateOperatingMode.GATE_OPERATING_MODE_NORMAL, new HashMap<>(), new HashMap<>(), new HashMap<>(),
        new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  private CacheIndex(long version, GateOperatingMode mode, Map<String, Permit> permits,
      Map<String, Set<String>> permitsByHolder, Map<String, BlacklistEntry> blacklist,
      Map<Subject, Set<String>> blacklistBySubject, Map<String, CachedVehicle> vehicles,
      Map<String, CachedPerson> people, Map<String, String> personByIdNumber) {
    this.version = version;
    this.mode = mode;
    this.permits = permits;
    this.permitsByHolder = permitsByHolder;
    this.blacklist = blacklist;
    this.blacklistBySubject = blacklistBySubject;
    this.vehicles = vehicles;
    this.people = people;
    this.personByIdNumber = personByIdNumber;
  }

  /** A deep enough copy to apply changes to without touching this one. */
  CacheIndex copy() {
    Map<String, Set<String>> byHolder = new HashMap<>(permitsByHolder.size() * 2);
    permitsByHolder.forEach((k, v) -> byHolder.put(k, new HashSet<>(v)));
    Map<Subject, Set<String>> bySubject = new HashMap<>();
    blacklistBySubject.forEach((k, v) -> bySubject.put(k, new HashSet<>(v)));
    return new CacheIndex(version, mode, new HashMap<>(permits), byHolder, new HashMap<>(blacklist), bySubject,
        new HashMap<>(vehicles), new HashMap<>(people), new HashMap<>(personByIdNumber));
  }

  /**
   * Applies one (already verified) payload: permits added or replaced and removed, blacklist entries
   * added or replaced, holders added or replaced, the mode and the version. Malformed entries are
   * skipped and logged; a snapshot payload is applied to an empty index by the caller.
   */
  public void apply(GateCachePayload payload) {
    for (io.cordon.api.v1.Permit p : payload.getPermitsList()) {
      removePermit(p.getPermitId());
      try {
        Permit permit = EdgeProtos.permit(p);
        permits.put(p.getPermitId(), permit);
        for (PersonId person : permit.people()) {
          permitsByHolder.computeIfAbsent("P:" + person.value(), k -> new HashSet<>()).add(p.getPermitId());
        }
        for (Plate plate : permit.vehicles().keySet()) {
          permitsByHolder.computeIfAbsent("V:" + plate.value(), k -> new HashSet<>()).add(p.getPermitId());
        }
      } catch (RuntimeException e) {
        log.warn("Skipping the malformed cached permit {}: {}", p.getPermitId(), e.getMessage());
      }
    }
    payload.getRemovedPermitIdsList().forEach(this::removePermit);
    for (io.cordon.api.v1.BlacklistEntry e : payload.getBlacklistList()) {
      try {
        BlacklistEntry entry = EdgeProtos.blacklistEntry(e);
        BlacklistEntry old = blacklist.put(entry.id(), entry);
        if (old != null) {
          Set<String> ids = blacklistBySubject.get(old.subject());
          if (ids != null) {
            ids.remove(old.id());
          }
        }
        blacklistBySubject.computeIfAbsent(entry.subject(), k -> new HashSet<>()).add(entry.id());
      } catch (RuntimeException ex) {
        log.warn("Skipping the malformed cached blacklist entry {}: {}", e.getEntryId(), ex.getMessage());
      }
    }
    for (CachedHolder h : payload.getHoldersList()) {
      if (h.hasVehicle() && Plate.isValid(h.getVehicle().getPlate())) {
        vehicles.put(Plate.parse(h.getVehicle().getPlate()).value(), h.getVehicle());
      } else if (h.hasPerson() && !h.getPerson().getPersonId().isBlank()) {
        CachedPerson old = people.put(h.getPerson().getPersonId(), h.getPerson());
        if (old != null && !old.getIdNumber().isBlank()) {
          personByIdNumber.remove(old.getIdNumber());
        }
        if (!h.getPerson().getIdNumber().isBlank()) {
          personByIdNumber.put(h.getPerson().getIdNumber().toUpperCase(), h.getPerson().getPersonId());
        }
      }
    }
    if (payload.getMode() != GateOperatingMode.GATE_OPERATING_MODE_UNSPECIFIED) {
      mode = payload.getMode();
    }
    version = payload.getVersion();
  }

  private void removePermit(String id) {
    Permit old = permits.remove(id);
    if (old == null) {
      return;
    }
    for (PersonId person : old.people()) {
      dropIndex("P:" + person.value(), id);
    }
    for (Plate plate : old.vehicles().keySet()) {
      dropIndex("V:" + plate.value(), id);
    }
  }

  private void dropIndex(String key, String permitId) {
    Set<String> ids = permitsByHolder.get(key);
    if (ids != null) {
      ids.remove(permitId);
      if (ids.isEmpty()) {
        permitsByHolder.remove(key);
      }
    }
  }

  public long version() {
    return version;
  }

  public GateOperatingMode mode() {
    return mode;
  }

  public int permitCount() {
    return permits.size();
  }

  public int blacklistCount() {
    return blacklist.size();
  }

  public int holderCount() {
    return vehicles.size() + people.size();
  }

  /** Every cached permit (a copy). */
  public List<Permit> permits() {
    return List.copyOf(permits.values());
  }

  /** Every cached blacklist entry, lifted and expired ones included (a copy). */
  public List<BlacklistEntry> blacklistEntries() {
    return List.copyOf(blacklist.values());
  }

  /** The registry's vehicles the cache knows (a copy). */
  public List<CachedVehicle> vehicles() {
    return List.copyOf(vehicles.values());
  }

  /** The registry's people the cache knows (a copy). */
  public List<CachedPerson> people() {
    return List.copyOf(people.values());
  }

  public Optional<Permit> permit(String id) {
    return Optional.ofNullable(permits.get(id));
  }

  /** The permits naming the holder ("P:<person id>" or "V:<plate>", as Holder.key()). */
  public List<Permit> permitsOf(String holderKey) {
    Set<String> ids = permitsByHolder.get(holderKey);
    if (ids == null) {
      return List.of();
    }
    List<Permit> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(permits.get(id));
    }
    return out;
  }

  /** Entries of the subject, in any state. */
  public List<BlacklistEntry> blacklistOf(Subject subject) {
    Set<String> ids = blacklistBySubject.get(subject);
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    List<BlacklistEntry> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(blacklist.get(id));
    }
    return out;
  }

  public Optional<CachedVehicle> vehicle(Plate plate) {
    return Optional.ofNullable(vehicles.get(plate.value()));
  }

  public Optional<CachedPerson> person(String personId) {
    return Optional.ofNullable(people.get(personId));
  }

  public Optional<CachedPerson> personByIdNumber(String idNumber) {
    String id = personByIdNumber.get(idNumber.toUpperCase());
    return id == null ? Optional.empty() : Optional.ofNullable(people.get(id));
  }
}
