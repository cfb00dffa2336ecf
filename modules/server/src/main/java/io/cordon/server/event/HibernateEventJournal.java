package io.cordon.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.server.persistence.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on the relational database. Appenders lock the single {@code journal_head} row to
 * allocate the next seq, so seqs are gapless and commit in order even with several server nodes.
 *
 * <p>Within this JVM appends are group-committed ({@link GroupCommit}): concurrent {@code append}
 * and {@code appendOnce} callers queue their event, and whoever holds the append lock commits up to
 * {@value #MAX_GROUP} queued events in one transaction with consecutive seqs, so the commit cost
 * (the fsync, the row lock round trip) is paid once per group rather than once per event. When a
 * group fails before it is written, its events are retried one by one, so only the event that
 * caused the failure fails, with its own exception.
 */
public final class HibernateEventJournal implements EventJournal {

  static final int MAX_ATTRIBUTES_JSON = 4000;
  /** Events per group transaction: large enough to absorb a burst, small enough to keep the lock short. */
  static final int MAX_GROUP = 256;
  private static final Logger log = LoggerFactory.getLogger(HibernateEventJournal.class);
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
  };

  private final Database database;
  private final LiveEvents live;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final GroupCommit<Pending, JournalEvent> group = new GroupCommit<>(MAX_GROUP, this::commitGroup);

  public HibernateEventJournal(Database database, LiveEvents live, Clock clock) {
    this.database = database;
    this.live = live;
    this.clock = clock;
  }

  /** An append checked and serialised in its caller's thread, waiting for its group. */
  private record Pending(String requestKey, NewEvent event, String attributes) {
  }

  @Override
  public JournalEvent append(NewEvent event) {
    return group.submit(pending(null, event));
  }

  @Override
  public JournalEvent appendOnce(String requestKey, NewEvent event) {
    JournalAppend.requireValidKey(requestKey);
    return group.submit(pending(requestKey, event));
  }

  @Override
  public List<Appended> appendAll(List<JournalAppend> appends, TransactionWork extra) {
    Objects.requireNonNull(extra, "extra");
    List<Pending> pendings = appends.stream()
        .map(a -> pending(a.requestKey().orElse(null), a.event()))
        .toList();
    List<Appended> appended = group.exclusively(() -> database.inTransaction(session -> {
      List<Appended> outcomes = List.copyOf(appendIn(session, pendings, new GroupProgress()));
      extra.run(session, outcomes);
      return outcomes;
    }));
    tellLive(appended);
    return appended;
  }

  @Override
  public Map<String, Long> recordedSeqs(java.util.Collection<String> requestKeys) {
    if (requestKeys.isEmpty()) {
      return Map.of();
    }
    return database.inTransaction(session -> JournalRows.recordedSeqs(session, requestKeys));
  }

  @Override
  public void check(NewEvent event) {
    attributesJson(Objects.requireNonNull(event, "event").attributes());
  }

  /** Appends waiting for their group, for tests that line a group up. */
  int queuedAppends() {
    return group.queued();
  }

  private Pending pending(String requestKey, NewEvent event) {
    Objects.requireNonNull(event, "event");
    return new Pending(requestKey, event, attributesJson(event.attributes()));
  }

  /**
   * Writes one group; called by {@link GroupCommit} with the append lock held. Returns the live
   * wake-up, run once the lock is released.
   */
  private Runnable commitGroup(List<GroupCommit.Ticket<Pending, JournalEvent>> tickets) {
    List<Pending> pendings = tickets.stream().map(GroupCommit.Ticket::item).toList();
    GroupProgress progress = new GroupProgress();
    List<Appended> appended;
    try {
      appended = database.inTransaction(session -> {
        List<Appended> outcomes = appendIn(session, pendings, progress);
        session.flush(); // statement failures surface here, so a failure after it is the commit's
        progress.flushed = true;
        return outcomes;
      });
    } catch (RuntimeException e) {
      if (tickets.size() > 1 && progress.headLocked && !progress.flushed) {
        return commitOneByOne(tickets); // some event broke the group: find it
      }
      // before the head lock no event is to blame (no connection, lock timeout); after the flush
      // the commit itself failed and may have happened anyway, so retrying could double events
      tickets.forEach(ticket -> ticket.fail(e));
      return () -> {
      };
    }
    for (int i = 0; i < tickets.size(); i++) {
      tickets.get(i).complete(appended.get(i).event());
    }
    return () -> tellLive(appended);
  }

  /** How far a group transaction got, to tell whose fault its failure is. */
  private static final class GroupProgress {
    boolean headLocked;
    boolean flushed;
  }

  private Runnable commitOneByOne(List<GroupCommit.Ticket<Pending, JournalEvent>> tickets) {
    List<Appended> committed = new ArrayList<>();
    for (GroupCommit.Ticket<Pending, JournalEvent> ticket : tickets) {
      try {
        Appended appended = database.inTransaction(
            session -> appendIn(session, List.of(ticket.item()), new GroupProgress()).get(0));
        committed.add(appended);
        ticket.complete(appended.event());
      } catch (RuntimeException e) {
        ticket.fail(e);
      }
    }
    return () -> tellLive(committed);
  }

  /** One wake-up per commit, with its highest new seq; none when it recorded nothing new. */
  private void tellLive(List<Appended> appended) {
    long highest = appended.stream().filter(Appended::isNew).mapToLong(a -> a.event().seq()).max().orElse(0);
    if (highest > 0) {
      try {
        live.committed(highest);
      } catch (RuntimeException e) {
        log.warn("Telling live listeners about seq {} failed", highest, e); // readers still poll the journal
      }
    }
  }

  private List<Appended> appendIn(Session session, List<Pending> pendings, GroupProgress progress) {
    // Lock first, then look the requests up: the lock orders us after any concurrent twin.
    JournalHeadRow head = session.find(JournalHeadRow.class, JournalHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
    progress.headLocked = true;
    Map<String, Long> recordedBefore = recordedSeqs(session, pendings);
    Map<String, JournalEvent> byKey = new HashMap<>();
    Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Appended> outcomes = new ArrayList<>(pendings.size());
    JournalRows rows = new JournalRows();
    for (Pending pending : pendings) {
      String key = pending.requestKey();
      if (key != null && byKey.containsKey(key)) {
        outcomes.add(new Appended(byKey.get(key), false));
        continue;
      }
      if (key != null && recordedBefore.containsKey(key)) {
        long seq = recordedBefore.get(key);
        JournalEvent earlier = read(session, seq).orElseThrow(() -> new IllegalStateException(
            "request key " + key + " names seq " + seq + ", which the journal does not hold"));
        byKey.put(key, earlier);
        outcomes.add(new Appended(earlier, false));
        continue;
      }
      long seq = head.lastSeq + 1;
      head.lastSeq = seq;
      JournalEvent event = rows.add(seq, recordedAt, pending.event(), pending.attributes(), key);
      if (key != null) {
        byKey.put(key, event);
      }
      outcomes.add(new Appended(event, true));
    }
    rows.insert(session);
    return outcomes;
  }

  private static Map<String, Long> recordedSeqs(Session session, List<Pending> pendings) {
    Set<String> keys = new HashSet<>();
    pendings.forEach(p -> {
      if (p.requestKey() != null) {
        keys.add(p.requestKey());
      }
    });
    if (keys.isEmpty()) {
      return Map.of();
    }
    return JournalRows.recordedSeqs(session, keys);
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
