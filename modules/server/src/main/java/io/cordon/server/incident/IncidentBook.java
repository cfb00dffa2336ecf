package io.cordon.server.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.Database;
import io.cordon.server.timeline.AlarmFacts;
import io.cordon.server.timeline.IncidentScopes;
import io.cordon.server.timeline.RequestRefusal;
import io.cordon.server.timeline.Times;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Incidents: created from alarms, extended, closed with a conclusion. Every change is one transaction: its
 * journal event (idempotent by the caller's request id, through the journal's request keys) and the rows.
 * Changes are serialised in this JVM, which also makes the day's next incident number safe to take.
 * The window and the subjects derived from the alarms are computed when an incident is read, so an open
 * alarm keeps the window growing until it closes.
 */
public final class IncidentBook implements IncidentScopes {

  /** How far before the first alarm and after the last close an incident's window reaches. */
  static final Duration MARGIN = Duration.ofMinutes(10);
  static final int MAX_TITLE = 200;
  static final int MAX_CONCLUSION = 2_000;
  static final int MAX_ALARMS = 500;
  static final int MAX_EXTRA_SUBJECTS = 100;
  static final int MAX_REQUEST_ID = 64;
  static final int DEFAULT_LIST = 100;
  static final int MAX_LIST = 1_000;
  private static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Database database;
  private final EventJournal journal;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public IncidentBook(Database database, EventJournal journal, Clock clock) {
    this.database = database;
    this.journal = journal;
    this.clock = clock;
  }

  /** Creates an incident, or returns the one this user's request_id created before. */
  public synchronized Incident create(String user, CreateIncidentRequest r) {
    String key = key("create", user, r.getRequestId());
    String title = r.getTitle().strip();
    if (title.isEmpty() || title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
      throw RequestRefusal.invalid("title", "is required: 1.." + MAX_TITLE + " characters, one line");
    }
    List<String> alarmIds = alarmIds(r.getAlarmIdsList(), true);
    List<SubjectRef> extra = new ArrayList<>();
    for (int i = 0; i < r.getExtraSubjectsCount(); i++) {
      extra.add(checked(r.getExtraSubjects(i), "extra_subjects[" + i + "]"));
    }
    if (extra.size() > MAX_EXTRA_SUBJECTS) {
      throw RequestRefusal.invalid("extra_subjects", "at most " + MAX_EXTRA_SUBJECTS);
    }
    if (r.hasWindowFrom() && r.hasWindowTo() && !Times.instant(r.getWindowTo()).isAfter(Times.instant(r.getWindowFrom()))) {
      throw RequestRefusal.invalid("window_to", "must be after window_from");
    }
    Optional<String> earlier = earlierIncident(key);
    if (earlier.isPresent()) {
      return get(earlier.get());
    }
    Instant now = clock.instant();
    String id = nextId(now);
    NewEvent event = IncidentEvents.created(id, title, alarmIds, user, now);
    Appended appended = journal.appendAll(List.of(JournalAppend.once(key, event)), (session, outcomes) -> {
      if (!outcomes.get(0).isNew()) {
        return;
      }
      IncidentRow row = new IncidentRow();
      row.incidentId = id;
      row.title = title;
      row.windowFrom = r.hasWindowFrom() ? Times.instant(r.getWindowFrom()) : null;
      row.windowTo = r.hasWindowTo() ? Times.instant(r.getWindowTo()) : null;
      row.createdBy = user;
      row.createdAt = outcomes.get(0).event().occurredAt();
      session.persist(row);
      for (int i = 0; i < alarmIds.size(); i++) {
        session.persist(new IncidentAlarmRow(id, i, alarmIds.get(i)));
      }
      for (int i = 0; i < extra.size(); i++) {
        session.persist(new IncidentSubjectRow(id, i, extra.get(i).getKind(), extra.get(i).getId()));
      }
    }).get(0);
    return get(incidentOf(appended));
  }

  /** Adds alarms to an open incident (those already in it are ignored). */
  public synchronized Incident addAlarms(String user, AddAlarmsRequest r) {
    String key = key("add", user, r.getRequestId());
    List<String> alarmIds = alarmIds(r.getAlarmIdsList(), true);
    Optional<String> earlier = earlierIncident(key);
    if (earlier.isPresent()) {
      return get(earlier.get());
    }
    IncidentRow incident = openIncident(r.getIncidentId(), "added to");
    List<String> present = rows(incident.incidentId, IncidentAlarmRow.class, "key.ordinal").stream()
        .map(a -> a.alarmId).toList();
    List<String> fresh = alarmIds.stream().filter(a -> !present.contains(a)).toList();
    NewEvent event = IncidentEvents.alarmsAdded(incident.incidentId, fresh.isEmpty() ? alarmIds : fresh, user,
        clock.instant());
    journal.appendAll(List.of(JournalAppend.once(key, event)), (session, outcomes) -> {
      if (!outcomes.get(0).isNew()) {
        return;
      }
      for (int i = 0; i < fresh.size(); i++) {
        session.persist(new IncidentAlarmRow(incident.incidentId, present.size() + i, fresh.get(i)));
      }
    });
    return get(incident.incidentId);
  }

  /** Closes an open incident with the supervisor's conclusion. */
  public synchronized Incident close(String user, CloseIncidentRequest r) {
    String key = key("close", user, r.getRequestId());
    String conclusion = r.getConclusion().strip();
    if (conclusion.isEmpty() || conclusion.length() > MAX_CONCLUSION) {
      throw RequestRefusal.invalid("conclusion", "is required: 1.." + MAX_CONCLUSION + " characters");
    }
    Optional<String> earlier = earlierIncident(key);
    if (earlier.isPresent()) {
      return get(earlier.get());
    }
    IncidentRow incident = openIncident(r.getIncidentId(), "closed");
    NewEvent event = IncidentEvents.closed(incident.incidentId, conclusion, user, clock.instant());
    journal.appendAll(List.of(JournalAppend.once(key, event)), (session, outcomes) -> {
      if (!outcomes.get(0).isNew()) {
        return;
      }
      IncidentRow row = session.find(IncidentRow.class, incident.incidentId);
      row.closedBy = user;
      row.closedAt = outcomes.get(0).event().occurredAt();
      row.conclusion = conclusion;
    });
    return get(incident.incidentId);
  }

  /** @throws RequestRefusal NOT_FOUND naming incident_id */
  public Incident get(String incidentId) {
    return find(incidentId).orElseThrow(() -> RequestRefusal.notFound("incident_id", "no incident " + incidentId));
  }

  public Optional<Incident> find(String incidentId) {
    if (incidentId.isEmpty()) {
      return Optional.empty();
    }
    return database.inTransaction(session -> Optional.ofNullable(session.find(IncidentRow.class, incidentId))
        .map(row -> toProto(session, row)));
  }

  /** Incidents created in the range, newest first. */
  public List<Incident> list(ListIncidentsRequest r) {
    int limit = r.getLimit() == 0 ? DEFAULT_LIST : r.getLimit();
    if (limit < 1 || limit > MAX_LIST) {
      throw RequestRefusal.invalid("limit", "must be 1.." + MAX_LIST + " (0 for " + DEFAULT_LIST + ")");
    }
    StringBuilder hql = new StringBuilder("from IncidentRow i where 1 = 1");
    if (r.hasFrom()) {
      hql.append(" and i.createdAt >= :from");
    }
    if (r.hasTo()) {
      hql.append(" and i.createdAt < :to");
    }
    if (r.getOpenOnly()) {
      hql.append(" and i.closedAt is null");
    }
    hql.append(" order by i.createdAt desc, i.incidentId desc");
    return database.inTransaction(session -> {
      var select = session.createSelectionQuery(hql.toString(), IncidentRow.class);
      if (r.hasFrom()) {
        select.setParameter("from", Times.instant(r.getFrom()));
      }
      if (r.hasTo()) {
        select.setParameter("to", Times.instant(r.getTo()));
      }
      return select.setMaxResults(limit).getResultList().stream().map(row -> toProto(session, row)).toList();
    });
  }

  @Override
  public Optional<Scope> scope(String incidentId) {
    return find(incidentId).map(incident -> {
      List<SubjectRef> subjects = new ArrayList<>();
      subjects.add(SubjectRef.newBuilder().setKind("incident").setId(incidentId).build());
      subjects.addAll(incident.getSubjectsList());
      return new Scope(Times.instant(incident.getWindowFrom()), Times.instant(incident.getWindowTo()), subjects);
    });
  }

  private IncidentRow openIncident(String incidentId, String doing) {
    IncidentRow row = incidentId.isEmpty() ? null
        : database.inTransaction(session -> session.find(IncidentRow.class, incidentId));
    if (row == null) {
      throw RequestRefusal.notFound("incident_id", "no incident " + incidentId);
    }
    if (row.closedAt != null) {
      throw RequestRefusal.failedPrecondition("incident_id",
          "incident " + incidentId + " is closed and cannot be " + doing);
    }
    return row;
  }

  /** The alarm ids, each known to the alarm center (NOT_FOUND naming alarm_ids[i] otherwise). */
  private List<String> alarmIds(List<String> requested, boolean required) {
    if (required && requested.isEmpty()) {
      throw RequestRefusal.invalid("alarm_ids", "at least one alarm is required");
    }
    if (requested.size() > MAX_ALARMS) {
      throw RequestRefusal.invalid("alarm_ids", "at most " + MAX_ALARMS + " alarms");
    }
    Map<String, AlarmFacts.Fact> known = alarmFacts(requested);
    for (int i = 0; i < requested.size(); i++) {
      if (!known.containsKey(requested.get(i))) {
        throw RequestRefusal.notFound("alarm_ids[" + i + "]", "no alarm " + requested.get(i));
      }
    }
    return List.copyOf(new LinkedHashSet<>(requested));
  }

  private Map<String, AlarmFacts.Fact> alarmFacts(List<String> alarmIds) {
    return database.inTransaction(session -> session.doReturningWork(c -> AlarmFacts.read(c, alarmIds)));
  }

  private static SubjectRef checked(SubjectRef s, String field) {
    if (s.getKind().isEmpty() || s.getKind().length() > 32) {
      throw RequestRefusal.invalid(field + ".kind", "must be 1..32 characters");
    }
    if (s.getId().isEmpty() || s.getId().length() > 128) {
      throw RequestRefusal.invalid(field + ".id", "must be 1..128 characters");
    }
    return s;
  }

  private static String key(String rpc, String user, String requestId) {
    if (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID || requestId.chars().anyMatch(Character::isISOControl)) {
      throw RequestRefusal.invalid("request_id", "is required: 1.." + MAX_REQUEST_ID + " characters");
    }
    return "incident-" + rpc + "/" + user + "/" + requestId;
  }

  /** The incident a request key changed before, if it was recorded. */
  private Optional<String> earlierIncident(String key) {
    Long seq = journal.recordedSeqs(List.of(key)).get(key);
    if (seq == null) {
      return Optional.empty();
    }
    return database.inTransaction(session -> session.createNativeQuery(
            "select subject_id from event_subject where seq = :seq and kind = 'incident'", String.class)
        .setParameter("seq", seq).getResultList().stream().findFirst());
  }

  private static String incidentOf(Appended appended) {
    return appended.event().subjects().stream().filter(s -> s.kind().equals("incident")).map(SubjectKey::id)
        .findFirst().orElseThrow(() -> new IllegalStateException("incident event without its incident"));
  }

  /** INC-yyyyMMdd-NNN: the park's day, then one more than the day's highest number. */
  private String nextId(Instant now) {
    String prefix = "INC-" + DAY.format(now.atZone(PARK_ZONE)) + "-";
    int highest = database.inTransaction(session -> session.createSelectionQuery(
            "select i.incidentId from IncidentRow i where i.incidentId like :prefix", String.class)
        .setParameter("prefix", prefix + "%").getResultList().stream()
        .mapToInt(id -> Integer.parseInt(id.substring(prefix.length()))).max().orElse(0));
    return prefix + String.format("%03d", highest + 1);
  }

  private <T> List<T> rows(String incidentId, Class<T> type, String order) {
    return database.inTransaction(session -> rows(session, incidentId, type, order));
  }

  private static <T> List<T> rows(Session session, String incidentId, Class<T> type, String order) {
    return session.createSelectionQuery("from " + type.getSimpleName() + " r where r.key.incidentId = :id order by r."
        + order, type).setParameter("id", incidentId).getResultList();
  }

  private Incident toProto(Session session, IncidentRow row) {
    List<String> alarmIds = rows(session, row.incidentId, IncidentAlarmRow.class, "key.ordinal").stream()
        .map(a -> a.alarmId).toList();
    Map<String, AlarmFacts.Fact> facts = session.doReturningWork(c -> AlarmFacts.read(c, alarmIds));
    Incident.Builder b = Incident.newBuilder()
        .setId(row.incidentId)
        .setTitle(row.title)
        .setStatus(row.closedAt == null ? IncidentStatus.INCIDENT_STATUS_OPEN : IncidentStatus.INCIDENT_STATUS_CLOSED)
        .addAllAlarmIds(alarmIds)
        .setCreatedBy(row.createdBy)
        .setCreatedAt(Times.timestamp(row.createdAt));
    Instant now = clock.instant();
    Instant from = Optional.ofNullable(row.windowFrom).orElseGet(() -> facts.values().stream()
        .map(AlarmFacts.Fact::raisedAt).min(Instant::compareTo).orElse(row.createdAt).minus(MARGIN));
    Instant to = Optional.ofNullable(row.windowTo).orElseGet(() -> facts.values().stream()
        .anyMatch(f -> f.closedAt().isEmpty()) ? now
        : facts.values().stream().map(f -> f.closedAt().orElseThrow()).max(Instant::compareTo).orElse(now).plus(MARGIN));
    b.setWindowFrom(Times.timestamp(from)).setWindowTo(Times.timestamp(to.isAfter(from) ? to : from.plusSeconds(1)));
    Set<SubjectRef> subjects = new LinkedHashSet<>();
    for (String alarmId : alarmIds) {
      subjects.add(subject("alarm", alarmId));
      AlarmFacts.Fact fact = facts.get(alarmId);
      if (fact != null) {
        subjectsOf(fact.alarm(), subjects);
      }
    }
    rows(session, row.incidentId, IncidentSubjectRow.class, "key.ordinal")
        .forEach(s -> subjects.add(subject(s.kind, s.subjectId)));
    b.addAllSubjects(subjects);
    if (row.closedAt != null) {
      b.setClosedBy(row.closedBy).setClosedAt(Times.timestamp(row.closedAt)).setConclusion(row.conclusion);
    }
    b.addAllReportHashes(reportHashes(session, row.incidentId));
    return b.build();
  }

  private static void subjectsOf(io.cordon.api.v1.Alarm alarm, Set<SubjectRef> subjects) {
    if (!alarm.getSourceKind().isEmpty() && !alarm.getSourceId().isEmpty()) {
      subjects.add(subject(alarm.getSourceKind(), alarm.getSourceId()));
    }
    Map<String, Function<io.cordon.api.v1.AlarmLocation, String>> places = new java.util.LinkedHashMap<>();
    places.put("segment", io.cordon.api.v1.AlarmLocation::getSegmentId);
    places.put("zone", io.cordon.api.v1.AlarmLocation::getZoneId);
    places.put("gate", io.cordon.api.v1.AlarmLocation::getGateId);
    places.put("camera", io.cordon.api.v1.AlarmLocation::getCameraId);
    places.forEach((kind, id) -> {
      String value = id.apply(alarm.getLocation());
      if (!value.isEmpty()) {
        subjects.add(subject(kind, value));
      }
    });
  }

  private static SubjectRef subject(String kind, String id) {
    return SubjectRef.newBuilder().setKind(kind).setId(id).build();
  }

  /** The hashes of the incident's signed reports (report.signed events about it), oldest first. */
  private List<String> reportHashes(Session session, String incidentId) {
    return session.doReturningWork(c -> {
      List<String> hashes = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("select e.attributes from event_subject s"
          + " join journal_event e on e.seq = s.seq where s.kind = 'incident' and s.subject_id = ?"
          + " and e.event_type = 'report.signed' order by e.seq")) {
        select.setString(1, incidentId);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            String hash = json.readTree(rows.getString(1)).path("sha256").asText("");
            if (!hash.isEmpty()) {
              hashes.add(hash);
            }
          }
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("corrupt attributes in the journal", e);
        }
      }
      return hashes;
    });
  }
}
