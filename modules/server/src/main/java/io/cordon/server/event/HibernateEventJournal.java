package io.cordon.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.server.persistence.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The journal on the relational database. Appenders lock the single {@code journal_head} row to
 * allocate the next seq, so seqs are gapless and commit in order even with several server nodes;
 * within this JVM a lock keeps appenders from queueing on the database row lock.
 */
public final class HibernateEventJournal implements EventJournal {

  static final int MAX_ATTRIBUTES_JSON = 4000;
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
  };

  private final Database database;
  private final LiveEvents live;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final ReentrantLock appendLock = new ReentrantLock();

  public HibernateEventJournal(Database database, LiveEvents live, Clock clock) {
    this.database = database;
    this.live = live;
    this.clock = clock;
  }

  @Override
  public JournalEvent append(NewEvent event) {
    return appendCommitted(null, event);
  }

  @Override
  public JournalEvent appendOnce(String requestKey, NewEvent event) {
    if (requestKey == null || requestKey.isEmpty() || requestKey.length() > 200) {
      throw new IllegalArgumentException("requestKey must be 1..200 characters");
    }
    return appendCommitted(requestKey, event);
  }

  private JournalEvent appendCommitted(String requestKey, NewEvent event) {
    String attributes = attributesJson(event.attributes());
    Appended appended;
    appendLock.lock();
    try {
      appended = database.inTransaction(session -> appendIn(session, requestKey, event, attributes));
    } finally {
      appendLock.unlock();
    }
    if (appended.isNew()) {
      live.committed(appended.event().seq());
    }
    return appended.event();
  }

  private record Appended(JournalEvent event, boolean isNew) {
  }

  private Appended appendIn(Session session, String requestKey, NewEvent event, String attributes) {
    // Lock first, then look the request up: the lock orders us after any concurrent twin.
    JournalHeadRow head = session.find(JournalHeadRow.class, JournalHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
    if (requestKey != null) {
      ProcessedRequestRow done = session.find(ProcessedRequestRow.class, requestKey);
      if (done != null) {
        return new Appended(read(session, done.seq).orElseThrow(), false);
      }
    }
    long seq = head.lastSeq + 1;
    head.lastSeq = seq;
    EventRow row = new EventRow();
    row.seq = seq;
    row.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
    row.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    row.type = event.type();
    row.lon = event.location().map(Location::lon).orElse(null);
    row.lat = event.location().map(Location::lat).orElse(null);
    row.summary = event.summary();
    row.attributes = attributes;
    session.persist(row);
    for (int i = 0; i < event.subjects().size(); i++) {
      session.persist(new EventSubjectRow(seq, i, event.subjects().get(i)));
    }
    if (requestKey != null) {
      session.persist(new ProcessedRequestRow(requestKey, seq, row.recordedAt));
    }
    return new Appended(toEvent(row, event.subjects()), true);
  }

  private Optional<JournalEvent> read(Session session, long seq) {
    EventRow row = session.find(EventRow.class, seq);
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(toEvents(session, List.of(row)).get(0));
  }

  @Override
  public List<JournalEvent> readAfter(long afterSeq, TypeFilter types, int limit) {
    return database.inTransaction(session -> {
      StringBuilder hql = new StringBuilder("from EventRow e where e.seq > :after");
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("after", afterSeq);
      appendTypeFilter(hql, parameters, types);
      hql.append(" order by e.seq");
      SelectionQuery<EventRow> select = session.createSelectionQuery(hql.toString(), EventRow.class);
      parameters.forEach(select::setParameter);
      return toEvents(session, select.setMaxResults(limit).getResultList());
    });
  }

  @Override
  public EventPage query(EventQuery query) {
    return database.inTransaction(session -> {
      StringBuilder hql = new StringBuilder(
          "from EventRow e where e.occurredAt >= :from and e.occurredAt < :to");
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("from", query.from());
      parameters.put("to", query.to());
      appendTypeFilter(hql, parameters, query.types());
      appendSubjectFilter(hql, parameters, query.subjects());
      query.after().ifPresent(cursor -> {
        hql.append(" and (e.occurredAt > :afterTime or (e.occurredAt = :afterTime and e.seq > :afterSeq))");
        parameters.put("afterTime", cursor.occurredAt());
        parameters.put("afterSeq", cursor.seq());
      });
      hql.append(" order by e.occurredAt, e.seq");
      SelectionQuery<EventRow> select = session.createSelectionQuery(hql.toString(), EventRow.class);
      parameters.forEach(select::setParameter);
      List<EventRow> rows = select.setMaxResults(query.pageSize() + 1).getResultList();
      boolean more = rows.size() > query.pageSize();
      List<EventRow> page = more ? rows.subList(0, query.pageSize()) : rows;
      List<JournalEvent> events = toEvents(session, page);
      Optional<QueryCursor> next = more
          ? Optional.of(new QueryCursor(page.get(page.size() - 1).occurredAt, page.get(page.size() - 1).seq))
          : Optional.empty();
      return new EventPage(events, next);
    });
  }

  private static void appendTypeFilter(StringBuilder hql, Map<String, Object> parameters, TypeFilter types) {
    if (types.patterns().isEmpty()) {
      return;
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < types.patterns().size(); i++) {
      String pattern = types.patterns().get(i);
      if (TypeFilter.isPrefix(pattern)) {
        terms.add("e.type like :type" + i + " escape '!'");
        parameters.put("type" + i, escapeLike(pattern) + "%");
      } else {
        terms.add("e.type = :type" + i);
        parameters.put("type" + i, pattern);
      }
    }
    hql.append(" and (").append(String.join(" or ", terms)).append(')');
  }

  private static void appendSubjectFilter(StringBuilder hql, Map<String, Object> parameters,
      List<SubjectKey> subjects) {
    if (subjects.isEmpty()) {
      return;
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      terms.add("(s.kind = :kind" + i + " and s.subjectId = :subject" + i + ")");
      parameters.put("kind" + i, subjects.get(i).kind());
      parameters.put("subject" + i, subjects.get(i).id());
    }
    hql.append(" and exists (select 1 from EventSubjectRow s where s.key.seq = e.seq and (")
        .append(String.join(" or ", terms)).append("))");
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public long lastSeq() {
    return database.inTransaction(session -> session.find(JournalHeadRow.class, JournalHeadRow.ID).lastSeq);
  }

  private List<JournalEvent> toEvents(Session session, List<EventRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> seqs = rows.stream().map(r -> r.seq).toList();
    Map<Long, List<SubjectKey>> subjects = new TreeMap<>();
    session.createSelectionQuery(
            "from EventSubjectRow s where s.key.seq in :seqs order by s.key.seq, s.key.ordinal",
            EventSubjectRow.class)
        .setParameter("seqs", seqs)
        .getResultList()
        .forEach(s -> subjects.computeIfAbsent(s.key.seq, k -> new ArrayList<>())
            .add(new SubjectKey(s.kind, s.subjectId)));
    List<JournalEvent> events = new ArrayList<>(rows.size());
    for (EventRow row : rows) {
      events.add(toEvent(row, subjects.getOrDefault(row.seq, List.of())));
    }
    return events;
  }

  private JournalEvent toEvent(EventRow row, List<SubjectKey> subjects) {
    Optional<Location> location = row.lon == null || row.lat == null
        ? Optional.empty()
        : Optional.of(new Location(row.lon, row.lat));
    return new JournalEvent(row.seq, row.occurredAt, row.recordedAt, row.type, subjects, location,
        row.summary, parseAttributes(row.attributes));
  }

  private String attributesJson(Map<String, String> attributes) {
    try {
      String text = json.writeValueAsString(new TreeMap<>(attributes));
      if (text.length() > MAX_ATTRIBUTES_JSON) {
        throw new IllegalArgumentException("attributes exceed " + MAX_ATTRIBUTES_JSON + " characters");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes cannot be written", e);
    }
  }

  private Map<String, String> parseAttributes(String text) {
    try {
      return json.readValue(text, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt attributes in the journal", e);
    }
  }
}
