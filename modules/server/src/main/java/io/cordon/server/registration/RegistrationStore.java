package io.cordon.server.registration;

import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationId;
import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.ApplicationState;
import io.cordon.domain.appointment.Booking;
import io.cordon.domain.appointment.Department;
import io.cordon.domain.appointment.KindRules;
import io.cordon.domain.appointment.VehicleBookings;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.Appeal;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.BlacklistLookup;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.Violation;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.TransactionWork;
import io.cordon.server.persistence.Database;
import io.cordon.server.registration.RegistrationRows.AppealRow;
import io.cordon.server.registration.RegistrationRows.ApplicationPlateKey;
import io.cordon.server.registration.RegistrationRows.ApplicationPlateRow;
import io.cordon.server.registration.RegistrationRows.ApplicationRow;
import io.cordon.server.registration.RegistrationRows.BlacklistEntryRow;
import io.cordon.server.registration.RegistrationRows.CounterRow;
import io.cordon.server.registration.RegistrationRows.EnterpriseAccountRow;
import io.cordon.server.registration.RegistrationRows.EnterpriseRow;
import io.cordon.server.registration.RegistrationRows.PermitRow;
import io.cordon.server.registration.RegistrationRows.PersonRow;
import io.cordon.server.registration.RegistrationRows.ReviewerDepartmentKey;
import io.cordon.server.registration.RegistrationRows.ReviewerDepartmentRow;
import io.cordon.server.registration.RegistrationRows.VehicleRow;
import io.cordon.server.registration.RegistrationRows.ViolationRow;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Persistence of registration: reads of the current-state tables, and writes that run inside the
 * journal's transaction ({@link #commit}), so a state and the events recording its change commit
 * together or not at all. Also the domain's ports over the database: {@link BlacklistLookup} and
 * {@link VehicleBookings}.
 */
final class RegistrationStore implements BlacklistLookup, VehicleBookings {

  /** States whose window holds the vehicle (a booking). */
  static final Set<String> BOOKING_STATES = Set.of(ApplicationState.SUBMITTED.name(),
      ApplicationState.UNDER_REVIEW.name(), ApplicationState.JOINT_REVIEW.name(), ApplicationState.APPROVED.name());
  static final Set<String> PENDING_STATES = Set.of(ApplicationState.DRAFT.name(), ApplicationState.SUBMITTED.name(),
      ApplicationState.UNDER_REVIEW.name(), ApplicationState.JOINT_REVIEW.name(), ApplicationState.RETURNED.name());

  private final Database database;
  private final EventJournal journal;
  private final Function<ApplicationKind, KindRules> rules;
  private final Duration exitWindow;

  RegistrationStore(Database database, EventJournal journal, Function<ApplicationKind, KindRules> rules,
      Duration exitWindow) {
    this.database = database;
    this.journal = journal;
    this.rules = rules;
    this.exitWindow = exitWindow;
  }

  /** Appends the events and runs {@code work} in the same transaction (see {@link EventJournal#appendAll}). */
  List<Appended> commit(List<JournalAppend> appends, TransactionWork work) {
    try {
      return journal.appendAll(appends, work);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RegistrationException r) {
          throw r;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      throw e;
    }
  }

  /** Allocates the next id with this prefix ("P-000001"); numbers are never reused (gaps are fine). */
  String nextId(String prefix) {
    long n = database.inTransaction(session -> {
      CounterRow row = session.find(CounterRow.class, prefix, LockModeType.PESSIMISTIC_WRITE);
      if (row == null) {
        row = new CounterRow();
        row.name = prefix;
        row.lastValue = 1;
        session.persist(row);
        return 1L;
      }
      row.lastValue++;
      return row.lastValue;
    });
    return String.format(Locale.ROOT, "%s-%06d", prefix, n);
  }

  /** The subject id of kind {@code kind} of the event a request key recorded, if it was recorded. */
  Optional<String> recordedSubject(String requestKey, String kind) {
    return database.inTransaction(session -> session.createNativeQuery(
            "select s.subject_id from processed_request r join event_subject s on s.seq = r.seq"
                + " where r.request_key = :key and s.kind = :kind order by s.ordinal", String.class)
        .setParameter("key", requestKey).setParameter("kind", kind).setMaxResults(1).getResultList().stream()
        .findFirst());
  }

  boolean wasProcessed(String requestKey) {
    return database.inTransaction(session -> !session.createNativeQuery(
            "select seq from processed_request where request_key = :key", Long.class)
        .setParameter("key", requestKey).getResultList().isEmpty());
  }

  // ---- registry ---------------------------------------------------------------------------------

  Optional<RegistryEnterprise> enterprise(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(EnterpriseRow.class, id))
        .map(r -> RegistrationProtos.decode(r.body, RegistryEnterprise.parser())));
  }

  Optional<EnterpriseId> enterpriseOf(String username) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(EnterpriseAccountRow.class, username))
        .map(r -> new EnterpriseId(r.enterpriseId)));
  }

  /** Usernames linked to another enterprise than {@code enterprise}, by username. */
  java.util.Map<String, String> accountsElsewhere(List<String> usernames, String enterprise) {
    if (usernames.isEmpty()) {
      return java.util.Map.of();
    }
    return database.inTransaction(session -> {
      java.util.Map<String, String> m = new java.util.HashMap<>();
      session.createSelectionQuery("from RegEnterpriseAccountRow a where a.username in :names and a.enterpriseId <> :e",
              EnterpriseAccountRow.class).setParameter("names", usernames).setParameter("e", enterprise)
          .getResultList().forEach(a -> m.put(a.username, a.enterpriseId));
      return m;
    });
  }

  List<RegistryEnterprise> searchEnterprises(String text, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from RegEnterpriseRow e where (:t = '' or lower(e.enterpriseId) like :like or lower(e.name) like :like"
                + " or e.creditCode = :t) order by e.enterpriseId", EnterpriseRow.class)
        .setParameter("t", text).setParameter("like", like(text)).setMaxResults(limit).getResultList().stream()
        .map(r -> RegistrationProtos.decode(r.body, RegistryEnterprise.parser())).toList());
  }

  static void saveEnterprise(Session session, RegistryEnterprise e) {
    EnterpriseRow row = session.find(EnterpriseRow.class, e.getEnterpriseId());
    boolean fresh = row == null;
    if (fresh) {
      row = new EnterpriseRow();
      row.enterpriseId = e.getEnterpriseId();
    }
    row.name = e.getName();
    row.creditCode = e.getCreditCode();
    row.version = e.getVersion();
    row.body = RegistrationProtos.encode(e);
    if (fresh) {
      session.persist(row);
    }
    session.createMutationQuery("delete from RegEnterpriseAccountRow a where a.enterpriseId = :e or a.username in :names")
        .setParameter("e", e.getEnterpriseId())
        .setParameter("names", e.getApplicantUsernamesCount() == 0 ? List.of("") : e.getApplicantUsernamesList())
        .executeUpdate();
    for (String username : e.getApplicantUsernamesList()) {
      EnterpriseAccountRow a = new EnterpriseAccountRow();
      a.username = username;
      a.enterpriseId = e.getEnterpriseId();
      session.persist(a);
    }
  }

  Optional<RegistryPerson> person(String personId) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(PersonRow.class, personId))
        .map(r -> RegistrationProtos.decode(r.body, RegistryPerson.parser())));
  }

  Optional<String> personIdByIdNumber(String idNumber) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "select p.personId from RegPersonRow p where p.idNumber = :n", String.class)
        .setParameter("n", idNumber).getResultList().stream().findFirst());
  }

  List<RegistryPerson> searchPeople(String text, Optional<String> enterprise, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from RegPersonRow p where (:t = '' or lower(p.personId) like :like or lower(p.name) like :like"
                + " or p.idNumber = :upper) and (:e = '' or p.enterpriseId = :e) order by p.personId", PersonRow.class)
        .setParameter("t", text).setParameter("like", like(text)).setParameter("upper", text.toUpperCase(Locale.ROOT))
        .setParameter("e", enterprise.orElse("")).setMaxResults(limit).getResultList().stream()
        .map(r -> RegistrationProtos.decode(r.body, RegistryPerson.parser())).toList());
  }

  static void savePerson(Session session, RegistryPerson p) {
    PersonRow row = session.find(PersonRow.class, p.getPersonId());
    boolean fresh = row == null;
    if (fresh) {
      row = new PersonRow();
      row.personId = p.getPersonId();
    }
    row.idNumber = p.getIdNumber();
    row.name = p.getName();
    row.enterpriseId = p.getEnterpriseId().isEmpty() ? null : p.getEnterpriseId();
    row.role = p.getRole().name();
    row.version = p.getVersion();
    row.body = RegistrationProtos.encode(p);
    if (fresh) {
      session.persist(row);
    }
  }

  Optional<RegistryVehicle> vehicle(String plate) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(VehicleRow.class, plate))
        .map(r -> RegistrationProtos.decode(r.body, RegistryVehicle.parser())));
  }

  List<RegistryVehicle> searchVehicles(String text, Optional<String> owner, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from RegVehicleRow v where (:t = '' or v.plate like :plain or upper(v.vin) = :upper)"
                + " and (:e = '' or v.ownerId = :e) order by v.plate", VehicleRow.class)
        .setParameter("t", text).setParameter("plain", "%" + text.toUpperCase(Locale.ROOT).replace(" ", "") + "%")
        .setParameter("upper", text.toUpperCase(Locale.ROOT)).setParameter("e", owner.orElse(""))
        .setMaxResults(limit).getResultList().stream()
        .map(r -> RegistrationProtos.decode(r.body, RegistryVehicle.parser())).toList());
  }

  static void saveVehicle(Session session, RegistryVehicle v) {
    VehicleRow row = session.find(VehicleRow.class, v.getPlate());
    boolean fresh = row == null;
    if (fresh) {
      row = new VehicleRow();
      row.plate = v.getPlate();
    }
    row.vehicleClass = v.getVehicleClass().name().replace("VEHICLE_CLASS_", "");
    row.ownerId = v.getOwnerId();
    row.vin = v.getVin();
    row.version = v.getVersion();
    row.body = RegistrationProtos.encode(v);
    if (fresh) {
      session.persist(row);
    }
  }

  private static String like(String text) {
    return "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
  }

  // ---- applications -----------------------------------------------------------------------------

  /** An application with the seq of its latest change. */
  record StoredApplication(Application application, long seq) {
  }

  Optional<StoredApplication> application(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(ApplicationRow.class, id))
        .map(this::restore));
  }

  long applicationSeq(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(ApplicationRow.class, id))
        .map(r -> r.lastSeq).orElse(0L));
  }

  private StoredApplication restore(ApplicationRow r) {
    return new StoredApplication(RegistrationProtos.restore(
        RegistrationProtos.decode(r.body, io.cordon.api.v1.Application.parser()), rules), r.lastSeq);
  }

  /** Applications of an enterprise as applicant or host, newest first. */
  List<StoredApplication> applicationsOf(String enterprise, Set<String> states, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from ApplicationRow a where (a.applicantId = :e or a.hostId = :e) and a.state in :states"
                + " order by a.createdAt desc, a.applicationId desc", ApplicationRow.class)
        .setParameter("e", enterprise).setParameter("states", states).setMaxResults(limit).getResultList().stream()
        .map(this::restore).toList());
  }

  /** Applications in these states, the earliest due first (the reviewers' inbox). */
  List<StoredApplication> applicationsIn(Set<String> states, Optional<String> enterprise, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from ApplicationRow a where a.state in :states and (:e = '' or a.applicantId = :e or a.hostId = :e)"
                + " order by a.reviewDue, a.createdAt", ApplicationRow.class)
        .setParameter("states", states).setParameter("e", enterprise.orElse("")).setMaxResults(limit)
        .getResultList().stream().map(this::restore).toList());
  }

  /** Pending applications whose window has ended by {@code now}. */
  List<StoredApplication> expiredBy(Instant now, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from ApplicationRow a where a.state in :states and a.windowUntil <= :now order by a.windowUntil",
            ApplicationRow.class)
        .setParameter("states", PENDING_STATES).setParameter("now", now).setMaxResults(limit).getResultList().stream()
        .map(this::restore).toList());
  }

  /**
   * Applications waiting for a review step whose window ended in ({@code after}, {@code now}): the
   * step is overdue. The earliest due first.
   */
  List<StoredApplication> reviewsDueBetween(Set<String> states, Instant after, Instant now, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from ApplicationRow a where a.state in :states and a.reviewDue > :after and a.reviewDue < :now"
                + " order by a.reviewDue", ApplicationRow.class)
        .setParameter("states", states).setParameter("after", after).setParameter("now", now).setMaxResults(limit)
        .getResultList().stream().map(this::restore).toList());
  }

  /** Of these request keys, those the journal recorded (the notices already given). */
  Set<String> processed(java.util.Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return database.inTransaction(session -> Set.copyOf(session.createNativeQuery(
            "select request_key from processed_request where request_key in (:keys)", String.class)
        .setParameterList("keys", keys).getResultList()));
  }

  /** Approved applications whose permit is not revoked and whose window overlaps {@code window}. */
  List<Application> approvedOverlapping(TimeWindow window) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "select a from ApplicationRow a where a.state = 'APPROVED' and a.windowFrom < :until"
                + " and a.windowUntil > :from and not exists (select p from PermitRow p"
                + " where p.applicationId = a.applicationId and p.revokedAt is not null)", ApplicationRow.class)
        .setParameter("from", window.from()).setParameter("until", window.until()).getResultList().stream()
        .map(r -> restore(r).application()).toList());
  }

  @Override
  public List<Booking> of(Plate plate) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "select a from ApplicationRow a, ApplicationPlateRow p where p.key.applicationId = a.applicationId"
                + " and p.key.plate = :plate and a.state in :states and not exists (select r from PermitRow r"
                + " where r.applicationId = a.applicationId and r.revokedAt is not null)", ApplicationRow.class)
        .setParameter("plate", plate.value()).setParameter("states", BOOKING_STATES).getResultList().stream()
        .map(a -> new Booking(new ApplicationId(a.applicationId), new TimeWindow(a.windowFrom, a.windowUntil)))
        .toList());
  }

  /**
   * Writes an application as it is now. {@code priorVersion} is the version it was decided on (0
   * for a new one): if the row moved on meanwhile, another writer won and this transaction fails.
   */
  static void saveApplication(Session session, Application a, long seq, long priorVersion, Instant createdAt) {
    ApplicationRow row = priorVersion == 0 ? null
        : session.find(ApplicationRow.class, a.id().value(), LockModeType.PESSIMISTIC_WRITE);
    if (priorVersion != 0 && (row == null || row.version != priorVersion)) {
      throw RegistrationException.stale("the application", row == null ? 0 : row.version);
    }
    boolean fresh = row == null;
    if (fresh) {
      row = new ApplicationRow();
      row.applicationId = a.id().value();
      row.createdAt = createdAt;
    }
    row.kind = a.kind().name();
    row.state = a.state().name();
    row.applicantId = a.applicant().value();
    row.hostId = a.content().host().value();
    row.windowFrom = a.content().window().from();
    row.windowUntil = a.content().window().until();
    row.reviewDue = a.reviewDue().orElse(null);
    row.version = a.version();
    row.lastSeq = seq;
    row.body = RegistrationProtos.encode(RegistrationProtos.toProto(a, seq, true, createdAt));
    if (fresh) {
      session.persist(row);
    } else {
      session.createMutationQuery("delete from ApplicationPlateRow p where p.key.applicationId = :id")
          .setParameter("id", a.id().value()).executeUpdate();
    }
    Set<String> plates = new LinkedHashSet<>();
    a.content().vehicles().forEach(v -> plates.add(v.plate().value()));
    for (String plate : plates) {
      ApplicationPlateRow p = new ApplicationPlateRow();
      p.key = new ApplicationPlateKey(a.id().value(), plate);
      session.persist(p);
    }
  }

  // ---- permits ----------------------------------------------------------------------------------

  record StoredPermit(Permit permit, long seq) {
  }

  Optional<StoredPermit> permit(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(PermitRow.class, id))
        .map(r -> new StoredPermit(RegistrationProtos.permit(
            RegistrationProtos.decode(r.body, io.cordon.api.v1.Permit.parser())), r.lastSeq)));
  }

  /** Writes a permit; {@code prior} is the permit it was decided on (empty for a new one). */
  void savePermit(Session session, Permit p, long seq, Optional<Permit> prior) {
    PermitRow row = prior.isEmpty() ? null : session.find(PermitRow.class, p.id().value(), LockModeType.PESSIMISTIC_WRITE);
    if (prior.isPresent() && (row == null || !RegistrationProtos.permit(
        RegistrationProtos.decode(row.body, io.cordon.api.v1.Permit.parser())).equals(prior.get()))) {
      throw RegistrationException.stale("the permit", 0);
    }
    boolean fresh = row == null;
    if (fresh) {
      row = new PermitRow();
      row.permitId = p.id().value();
    }
    row.applicationId = p.applicationId();
    row.hostId = p.host().value();
    row.windowFrom = p.window().from();
    row.windowUntil = p.window().until();
    row.revokedAt = p.revocation().map(r -> r.at()).orElse(null);
    row.lastSeq = seq;
    row.body = RegistrationProtos.encode(RegistrationProtos.toProto(p, seq, exitWindow));
    if (fresh) {
      session.persist(row);
    }
  }

  // ---- blacklist, violations, appeals -----------------------------------------------------------

  @Override
  public List<BlacklistEntry> entriesFor(Subject subject) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from BlacklistEntryRow b where b.subjectKind = :k and b.subjectId = :id order by b.fromAt",
            BlacklistEntryRow.class)
        .setParameter("k", subject.kind().name()).setParameter("id", subject.id()).getResultList().stream()
        .map(RegistrationStore::entry).toList());
  }

  Optional<BlacklistEntry> entry(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(BlacklistEntryRow.class, id))
        .map(RegistrationStore::entry));
  }

  /** Entries still in force at {@code now} (or all when {@code all}), newest first. */
  List<BlacklistEntry> entries(Instant now, boolean all, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from BlacklistEntryRow b where :all = true or (b.liftedAt is null and b.fromAt <= :now"
                + " and (b.untilAt is null or b.untilAt > :now)) order by b.fromAt desc", BlacklistEntryRow.class)
        .setParameter("all", all).setParameter("now", now).setMaxResults(limit).getResultList().stream()
        .map(RegistrationStore::entry).toList());
  }

  /** Entries that ran out by themselves (not lifted) in ({@code after}, {@code now}], the earliest first. */
  List<BlacklistEntry> entriesEndingBetween(Instant after, Instant now, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from BlacklistEntryRow b where b.liftedAt is null and b.untilAt > :after and b.untilAt <= :now"
                + " order by b.untilAt", BlacklistEntryRow.class)
        .setParameter("after", after).setParameter("now", now).setMaxResults(limit).getResultList().stream()
        .map(RegistrationStore::entry).toList());
  }

  List<BlacklistEntry> entriesOfViolation(String violationId) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from BlacklistEntryRow b where b.violationId = :v", BlacklistEntryRow.class)
        .setParameter("v", violationId).getResultList().stream().map(RegistrationStore::entry).toList());
  }

  private static BlacklistEntry entry(BlacklistEntryRow r) {
    return RegistrationProtos.entry(RegistrationProtos.decode(r.body, io.cordon.api.v1.BlacklistEntry.parser()));
  }

  static void saveEntry(Session session, BlacklistEntry e, Instant now) {
    BlacklistEntryRow row = session.find(BlacklistEntryRow.class, e.id());
    boolean fresh = row == null;
    if (fresh) {
      row = new BlacklistEntryRow();
      row.entryId = e.id();
    }
    row.subjectKind = e.subject().kind().name();
    row.subjectId = e.subject().id();
    row.fromAt = e.from();
    row.untilAt = e.until().orElse(null);
    row.liftedAt = e.lifting().map(l -> l.at()).orElse(null);
    row.violationId = e.violationId().orElse(null);
    row.body = RegistrationProtos.encode(RegistrationProtos.toProto(e, now));
    if (fresh) {
      session.persist(row);
    }
  }

  Optional<io.cordon.api.v1.Violation> violation(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(ViolationRow.class, id))
        .map(r -> RegistrationProtos.decode(r.body, io.cordon.api.v1.Violation.parser())));
  }

  /** Violations naming any of these subjects (the offender's history for the ladder), oldest first. */
  List<Violation> violationsNaming(Optional<String> person, Optional<String> plate, Optional<String> enterprise) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from ViolationRow v where v.personId = :p or v.plate = :v or v.enterpriseId = :e order by v.occurredAt",
            ViolationRow.class)
        // a blank id matches nothing: ids are never blank
        .setParameter("p", person.orElse(" ")).setParameter("v", plate.orElse(" "))
        .setParameter("e", enterprise.orElse(" ")).getResultList().stream()
        .map(r -> RegistrationProtos.violation(RegistrationProtos.decode(r.body, io.cordon.api.v1.Violation.parser())))
        .toList());
  }

  List<io.cordon.api.v1.Violation> violations(Optional<Subject> subject, int limit) {
    return database.inTransaction(session -> {
      String where = subject.map(s -> switch0(s)).orElse("");
      var q = session.createSelectionQuery("from ViolationRow v" + where + " order by v.occurredAt desc",
          ViolationRow.class);
      subject.ifPresent(s -> q.setParameter("id", s.id()));
      return q.setMaxResults(limit).getResultList().stream()
          .map(r -> RegistrationProtos.decode(r.body, io.cordon.api.v1.Violation.parser())).toList();
    });
  }

  private static String switch0(Subject s) {
    switch (s.kind()) {
      case PERSON:
        return " where v.personId = :id";
      case VEHICLE:
        return " where v.plate = :id";
      default:
        return " where v.enterpriseId = :id";
    }
  }

  static void saveViolation(Session session, io.cordon.api.v1.Violation v) {
    ViolationRow row = session.find(ViolationRow.class, v.getViolationId());
    boolean fresh = row == null;
    if (fresh) {
      row = new ViolationRow();
      row.violationId = v.getViolationId();
    }
    row.kind = v.getKind().name().replace("VIOLATION_KIND_", "");
    row.occurredAt = RegistrationProtos.instant(v.getAt());
    row.personId = v.getPersonId().isEmpty() ? null : v.getPersonId();
    row.plate = v.getPlate().isEmpty() ? null : v.getPlate();
    row.enterpriseId = v.getEnterpriseId().isEmpty() ? null : v.getEnterpriseId();
    row.overturnedAt = v.hasOverturnedAt() ? RegistrationProtos.instant(v.getOverturnedAt()) : null;
    row.body = RegistrationProtos.encode(v);
    if (fresh) {
      session.persist(row);
    }
  }

  Optional<Appeal> appeal(String id) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(AppealRow.class, id))
        .map(r -> RegistrationProtos.appeal(RegistrationProtos.decode(r.body, io.cordon.api.v1.Appeal.parser()))));
  }

  List<Appeal> appeals(String state, int limit) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from AppealRow a where (:s = '' or a.state = :s) order by a.filedAt desc", AppealRow.class)
        .setParameter("s", state).setMaxResults(limit).getResultList().stream()
        .map(r -> RegistrationProtos.appeal(RegistrationProtos.decode(r.body, io.cordon.api.v1.Appeal.parser())))
        .toList());
  }

  /** Writes an appeal; {@code priorState} is the state it was decided on (null for a new one). */
  static void saveAppeal(Session session, Appeal a, String priorState) {
    AppealRow row = priorState == null ? null : session.find(AppealRow.class, a.id(), LockModeType.PESSIMISTIC_WRITE);
    if (priorState != null && (row == null || !row.state.equals(priorState))) {
      throw RegistrationException.stale("the appeal", 0);
    }
    boolean fresh = row == null;
    if (fresh) {
      row = new AppealRow();
      row.appealId = a.id();
      row.filedAt = a.filedAt();
    }
    row.violationId = a.violationId();
    row.state = a.state().name();
    row.body = RegistrationProtos.encode(RegistrationProtos.toProto(a));
    if (fresh) {
      session.persist(row);
    }
  }

  // ---- reviewers --------------------------------------------------------------------------------

  /** The departments a reviewer reviews for: those set, or the safety department when none is. */
  Set<Department> departmentsOf(String username) {
    List<String> names = database.inTransaction(session -> session.createSelectionQuery(
            "select r.key.department from ReviewerDepartmentRow r where r.key.username = :u", String.class)
        .setParameter("u", username).getResultList());
    if (names.isEmpty()) {
      return EnumSet.of(Department.SAFETY);
    }
    Set<Department> d = EnumSet.noneOf(Department.class);
    names.forEach(n -> d.add(Department.valueOf(n)));
    return d;
  }

  static void saveDepartments(Session session, String username, Set<Department> departments) {
    session.createMutationQuery("delete from ReviewerDepartmentRow r where r.key.username = :u")
        .setParameter("u", username).executeUpdate();
    for (Department d : departments) {
      ReviewerDepartmentRow row = new ReviewerDepartmentRow();
      row.key = new ReviewerDepartmentKey(username, d.name());
      session.persist(row);
    }
  }

  static <T> List<T> copy(List<T> list) {
    return new ArrayList<>(list);
  }
}
