package io.cordon.server.gate.access;

import io.cordon.api.v1.RegistryPerson;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a gate decision reads, in memory, so a decision costs map lookups: permits by plate, by
 * person and by gate (those whose window has not ended, revoked ones included until then, so a
 * revoked permit is refused by name), blacklist entries by subject, registered vehicles by plate and
 * people by id and by ID number, enterprise names. Loaded from the registration tables (V6) with
 * plain JDBC at start, then kept current by {@link RegistryFollower}, one change at a time, from a
 * single thread; readers on any thread see each key's list whole (lists are replaced, never changed).
 */
final class AccessIndex {

  private static final Logger log = LoggerFactory.getLogger(AccessIndex.class);
  private static final int FETCH = 2_000;

  /** A registered vehicle as the gate sees it. */
  record VehicleInfo(Plate plate, VehicleClass vehicleClass, Optional<EnterpriseId> owner, boolean emergencyService) {
  }

  /** A registered person as the gate sees it. */
  record PersonInfo(PersonId id, String idNumber, String name, Optional<EnterpriseId> enterprise, String phone) {
  }

  /** A permit with its stored message (pushed to the agents' caches as it is). */
  record IndexedPermit(Permit permit, io.cordon.api.v1.Permit proto) {
  }

  private final Database database;
  private final Clock clock;
  private final Set<String> emergencyPlates;
  private final Map<String, IndexedPermit> permits = new ConcurrentHashMap<>();
  private final Map<String, List<Permit>> permitsByPlate = new ConcurrentHashMap<>();
  private final Map<String, List<Permit>> permitsByPerson = new ConcurrentHashMap<>();
  private final Map<GateId, Set<String>> permitsByGate = new ConcurrentHashMap<>();
  private final Map<String, BlacklistEntry> entries = new ConcurrentHashMap<>();
  private final Map<String, io.cordon.api.v1.BlacklistEntry> entryProtos = new ConcurrentHashMap<>();
  private final Map<Subject, List<BlacklistEntry>> entriesBySubject = new ConcurrentHashMap<>();
  private final Map<String, VehicleInfo> vehicles = new ConcurrentHashMap<>();
  private final Map<String, PersonInfo> people = new ConcurrentHashMap<>();
  private final Map<String, String> personByIdNumber = new ConcurrentHashMap<>();
  private final Map<String, String> enterpriseNames = new ConcurrentHashMap<>();

  /** @param emergencyPlates plates of fire, ambulance and rescue vehicles (the registry has no such flag) */
  AccessIndex(Database database, Clock clock, Collection<String> emergencyPlates) {
    this.database = database;
    this.clock = clock;
    Set<String> plates = new HashSet<>();
    for (String p : emergencyPlates) {
      plates.add(Plate.isValid(p) ? Plate.parse(p).value() : p);
    }
    this.emergencyPlates = Set.copyOf(plates);
  }

  // ---- loading ----------------------------------------------------------------------------------

  /** Reads every table; returns how long it took in ms. */
  long load() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    database.runInTransaction(session -> session.doWork(connection -> {
      loadEnterprises(connection, null);
      loadVehicles(connection, null);
      loadPeople(connection, null);
      loadBlacklist(connection, null);
      try (PreparedStatement select = connection.prepareStatement(
          "select body from permit where window_until > ?")) {
        select.setFetchSize(FETCH);
        select.setTimestamp(1, Timestamp.from(now));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            putPermit(RegistryBodies.decode(rows.getString(1), io.cordon.api.v1.Permit.parser()));
          }
        }
      }
    }));
    long ms = (System.nanoTime() - started) / 1_000_000;
    log.info("Access index loaded in {} ms: {} permits, {} blacklist entries, {} vehicles, {} people", ms,
        permits.size(), entries.size(), vehicles.size(), people.size());
    return ms;
  }

  private void loadEnterprises(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select enterprise_id, name from reg_enterprise"
        + (id == null ? "" : " where enterprise_id = ?"))) {
      if (id != null) {
        select.setString(1, id);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          enterpriseNames.put(rows.getString(1), rows.getString(2));
        }
      }
    }
  }

  private boolean loadVehicles(Connection connection, String plate) throws SQLException {
    boolean found = false;
    try (PreparedStatement select = connection.prepareStatement("select plate, vehicle_class, owner_id from reg_vehicle"
        + (plate == null ? "" : " where plate = ?"))) {
      select.setFetchSize(FETCH);
      if (plate != null) {
        select.setString(1, plate);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found = true;
          String value = rows.getString(1);
          String owner = rows.getString(3);
          vehicles.put(value, new VehicleInfo(new Plate(value), VehicleClass.valueOf(rows.getString(2)),
              owner == null || owner.isEmpty() ? Optional.empty() : Optional.of(new EnterpriseId(owner)),
              emergencyPlates.contains(value)));
        }
      }
    }
    return found;
  }

  private boolean loadPeople(Connection connection, String id) throws SQLException {
    boolean found = false;
    try (PreparedStatement select = connection.prepareStatement("select body from reg_person"
        + (id == null ? "" : " where person_id = ?"))) {
      select.setFetchSize(FETCH);
      if (id != null) {
        select.setString(1, id);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found = true;
          RegistryPerson p = RegistryBodies.decode(rows.getString(1), RegistryPerson.parser());
          PersonInfo before = people.get(p.getPersonId());
          if (before != null) {
            personByIdNumber.remove(before.idNumber(), before.id().value());
          }
          people.put(p.getPersonId(), new PersonInfo(new PersonId(p.getPersonId()), p.getIdNumber(), p.getName(),
              p.getEnterpriseId().isEmpty() ? Optional.empty() : Optional.of(new EnterpriseId(p.getEnterpriseId())),
              p.getPhone()));
          personByIdNumber.put(p.getIdNumber(), p.getPersonId());
        }
      }
    }
    return found;
  }

  private void loadBlacklist(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select body from blacklist_entry"
        + (id == null ? "" : " where entry_id = ?"))) {
      select.setFetchSize(FETCH);
      if (id != null) {
        select.setString(1, id);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          putEntry(RegistryBodies.decode(rows.getString(1), io.cordon.api.v1.BlacklistEntry.parser()));
        }
      }
    }
  }

  // ---- changes (one thread) ---------------------------------------------------------------------

  /** Reads one permit again; returns the gates whose caches it touched (before and after). */
  Set<GateId> reloadPermit(String permitId) {
    Set<GateId> gates = new HashSet<>();
    IndexedPermit before = permits.get(permitId);
    if (before != null) {
      gates.addAll(before.permit().gates());
    }
    Optional<io.cordon.api.v1.Permit> stored = database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select body from permit where permit_id = ?")) {
        select.setString(1, permitId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(RegistryBodies.decode(rows.getString(1), io.cordon.api.v1.Permit.parser()))
              : Optional.<io.cordon.api.v1.Permit>empty();
        }
      }
    }));
    if (stored.isPresent()) {
      putPermit(stored.get());
      gates.addAll(permits.get(permitId).permit().gates());
    } else {
      removePermit(permitId);
    }
    return gates;
  }

  void reloadBlacklistEntry(String entryId) {
    database.runInTransaction(session -> session.doWork(c -> loadBlacklist(c, entryId)));
  }

  void reloadVehicle(String plate) {
    boolean found = database.inTransaction(session -> session.doReturningWork(c -> loadVehicles(c, plate)));
    if (!found) {
      vehicles.remove(plate);
    }
  }

  void reloadPerson(String personId) {
    boolean found = database.inTransaction(session -> session.doReturningWork(c -> loadPeople(c, personId)));
    if (!found) {
      PersonInfo gone = people.remove(personId);
      if (gone != null) {
        personByIdNumber.remove(gone.idNumber(), personId);
      }
    }
  }

  void reloadEnterprise(String enterpriseId) {
    database.runInTransaction(session -> session.doWork(c -> loadEnterprises(c, enterpriseId)));
  }

  /** After an import: every enterprise, vehicle and person again. */
  void reloadRegistry() {
    database.runInTransaction(session -> session.doWork(c -> {
      loadEnterprises(c, null);
      loadVehicles(c, null);
      loadPeople(c, null);
    }));
  }

  private void putPermit(io.cordon.api.v1.Permit proto) {
    Permit permit = RegistryBodies.permit(proto);
    String id = permit.id().value();
    removePermit(id);
    permits.put(id, new IndexedPermit(permit, proto));
    permit.vehicles().keySet().forEach(plate -> add(permitsByPlate, plate.value(), permit));
    permit.people().forEach(person -> add(permitsByPerson, person.value(), permit));
    permit.gates().forEach(gate -> permitsByGate.computeIfAbsent(gate, g -> ConcurrentHashMap.newKeySet()).add(id));
  }

  private void removePermit(String id) {
    IndexedPermit before = permits.remove(id);
    if (before == null) {
      return;
    }
    Permit permit = before.permit();
    permit.vehicles().keySet().forEach(plate -> remove(permitsByPlate, plate.value(), permit));
    permit.people().forEach(person -> remove(permitsByPerson, person.value(), permit));
    permit.gates().forEach(gate -> {
      Set<String> ids = permitsByGate.get(gate);
      if (ids != null) {
        ids.remove(id);
      }
    });
  }

  private void putEntry(io.cordon.api.v1.BlacklistEntry proto) {
    BlacklistEntry entry = RegistryBodies.entry(proto);
    BlacklistEntry before = entries.put(entry.id(), entry);
    entryProtos.put(entry.id(), proto);
    if (before != null) {
      entriesBySubject.computeIfPresent(before.subject(), (s, list) -> {
        List<BlacklistEntry> rest = list.stream().filter(e -> !e.id().equals(entry.id())).toList();
        return rest.isEmpty() ? null : rest;
      });
    }
    entriesBySubject.compute(entry.subject(), (s, list) -> {
      List<BlacklistEntry> next = new ArrayList<>(list == null ? List.of() : list);
      next.add(entry);
      return List.copyOf(next);
    });
  }

  private static <T> void add(Map<String, List<T>> index, String key, T value) {
    index.compute(key, (k, list) -> {
      List<T> next = new ArrayList<>(list == null ? 2 : list.size() + 1);
      if (list != null) {
        next.addAll(list);
      }
      next.add(value);
      return List.copyOf(next);
    });
  }

  private static void remove(Map<String, List<Permit>> index, String key, Permit permit) {
    index.computeIfPresent(key, (k, list) -> {
      List<Permit> rest = list.stream().filter(p -> !p.id().equals(permit.id())).toList();
      return rest.isEmpty() ? null : rest;
    });
  }

  // ---- reads (any thread) -----------------------------------------------------------------------

  Optional<VehicleInfo> vehicle(String plate) {
    return Optional.ofNullable(vehicles.get(plate));
  }

  Optional<PersonInfo> person(String personId) {
    return Optional.ofNullable(people.get(personId));
  }

  Optional<PersonInfo> personByIdNumber(String idNumber) {
    return Optional.ofNullable(personByIdNumber.get(idNumber)).flatMap(this::person);
  }

  Optional<String> enterpriseName(String enterpriseId) {
    return Optional.ofNullable(enterpriseNames.get(enterpriseId));
  }

  List<Permit> permitsOfPlate(String plate) {
    return permitsByPlate.getOrDefault(plate, List.of());
  }

  List<Permit> permitsOfPerson(String personId) {
    return permitsByPerson.getOrDefault(personId, List.of());
  }

  /** Entries about the subject or the enterprise (any state; the policy checks which apply). */
  List<BlacklistEntry> blacklistOf(Subject subject, Optional<EnterpriseId> enterprise) {
    List<BlacklistEntry> own = entriesBySubject.getOrDefault(subject, List.of());
    if (enterprise.isEmpty()) {
      return own;
    }
    List<BlacklistEntry> theirs = entriesBySubject.getOrDefault(Subject.enterprise(enterprise.get()), List.of());
    if (theirs.isEmpty()) {
      return own;
    }
    List<BlacklistEntry> both = new ArrayList<>(own);
    both.addAll(theirs);
    return both;
  }

  Optional<IndexedPermit> permit(String permitId) {
    return Optional.ofNullable(permits.get(permitId));
  }

  /** The permits naming the gate. */
  List<IndexedPermit> permitsAt(GateId gate) {
    List<IndexedPermit> list = new ArrayList<>();
    for (String id : permitsByGate.getOrDefault(gate, Set.of())) {
      IndexedPermit p = permits.get(id);
      if (p != null) {
        list.add(p);
      }
    }
    list.sort(java.util.Comparator.comparing(p -> p.permit().id().value()));
    return list;
  }

  /** The blacklist entries that are not over (active now or later), as stored. */
  List<io.cordon.api.v1.BlacklistEntry> currentBlacklist() {
    Instant now = clock.instant();
    List<io.cordon.api.v1.BlacklistEntry> list = new ArrayList<>();
    entries.values().stream().filter(e -> e.lifting().isEmpty() && e.end().map(now::isBefore).orElse(true))
        .sorted(java.util.Comparator.comparing(BlacklistEntry::id))
        .forEach(e -> list.add(entryProtos.get(e.id())));
    return list;
  }

  Optional<io.cordon.api.v1.BlacklistEntry> entryProto(String entryId) {
    return Optional.ofNullable(entryProtos.get(entryId));
  }

  int permitCount() {
    return permits.size();
  }
}
