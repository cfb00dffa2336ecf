package io.cordon.server.alarm;

import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.AlarmState;
import io.cordon.domain.alarm.Snooze;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.persistence.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The alarm center's persistence: the current-state tables, written in the same transaction as the
 * journal events that record the changes, and the consumer cursor over the journal's report events.
 */
final class AlarmStore {

  private final Database database;
  private final EventJournal journal;
  private final SopCatalog sops;

  AlarmStore(Database database, EventJournal journal, SopCatalog sops) {
    this.database = database;
    this.journal = journal;
    this.sops = sops;
  }

  /** Open alarms and those closed after {@code closedAfter}. */
  List<Alarm> loadCurrent(Instant closedAfter) {
    return database.inTransaction(session -> session.createSelectionQuery(
            "from AlarmRow a where a.closedAt is null or a.closedAt > :after order by a.raisedAt", AlarmRow.class)
        .setParameter("after", closedAfter)
        .getResultList().stream().map(r -> AlarmProtos.restore(r.body, sops)).toList());
  }

  /** The seq of each alarm's latest change, by alarm id. */
  Map<String, Long> lastSeqs(List<Alarm> alarms) {
    if (alarms.isEmpty()) {
      return Map.of();
    }
    return database.inTransaction(session -> {
      Map<String, Long> seqs = new java.util.HashMap<>();
      List<String> ids = alarms.stream().map(a -> a.id().value()).toList();
      for (int from = 0; from < ids.size(); from += 1000) {
        session.createSelectionQuery("select a.alarmId, a.lastSeq from AlarmRow a where a.alarmId in :ids",
                Object[].class)
            .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
            .getResultList().forEach(row -> seqs.put((String) row[0], (Long) row[1]));
      }
      return seqs;
    });
  }

  /** The highest alarm number ever given (closed and forgotten alarms included), 0 if none. */
  long highestAlarmNumber() {
    return database.inTransaction(session -> {
      List<String> ids = session.createSelectionQuery(
          "select a.alarmId from AlarmRow a order by a.alarmId desc", String.class).setMaxResults(1).getResultList();
      return ids.isEmpty() ? 0L : new io.cordon.domain.alarm.AlarmId(ids.get(0)).numberOrMinusOne();
    });
  }

  Optional<io.cordon.api.v1.Alarm> find(String alarmId) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(AlarmRow.class, alarmId))
        .map(r -> AlarmProtos.toProto(AlarmProtos.restore(r.body, sops), r.lastSeq)));
  }

  List<Snooze> loadSnoozes() {
    return database.inTransaction(session -> session.createSelectionQuery("from AlarmSnoozeRow", AlarmSnoozeRow.class)
        .getResultList().stream()
        .map(r -> new Snooze(new SourceRef(r.key.sourceKind, r.key.sourceId), r.until, r.reason, r.byUser)).toList());
  }

  long cursor() {
    return database.inTransaction(session -> session.find(AlarmCursorRow.class, AlarmCursorRow.ID).lastSeq);
  }

  /** Whether the journal has recorded this request key (an action already applied before a restart). */
  boolean wasProcessed(String requestKey) {
    return database.inTransaction(session -> !session.createNativeQuery(
            "select seq from processed_request where request_key = :key", Long.class)
        .setParameter("key", requestKey).getResultList().isEmpty());
  }

  /** The seqs recorded for those request keys before (retries of committed reports), by key. */
  Map<String, Long> processedSeqs(List<String> requestKeys) {
    return journal.recordedSeqs(new java.util.LinkedHashSet<>(requestKeys));
  }

  /**
   * Commits a batch: the journal events, then in the same transaction the alarms as they now are
   * (each with the seq of its latest event in this batch), the snooze changes and the cursor: the
   * highest of {@code cursor} and the seqs committed now.
   *
   * @return one outcome per append, in order
   */
  List<Appended> commit(List<JournalAppend> appends, List<Pending> alarms, List<Snooze> snoozed,
      List<SourceRef> unsnoozed, long cursor) {
    return journal.appendAll(appends, (session, appended) -> {
      for (Pending pending : alarms) {
        upsert(session, pending, appended.get(pending.appendIndex()).event().seq());
      }
      for (Snooze snooze : snoozed) {
        AlarmSnoozeRow row = session.find(AlarmSnoozeRow.class, key(snooze.source()));
        boolean fresh = row == null;
        if (fresh) {
          row = new AlarmSnoozeRow();
          row.key = key(snooze.source());
        }
        row.until = snooze.until();
        row.reason = snooze.reason();
        row.byUser = snooze.by();
        if (fresh) {
          session.persist(row);
        }
      }
      for (SourceRef source : unsnoozed) {
        AlarmSnoozeRow row = session.find(AlarmSnoozeRow.class, key(source));
        if (row != null) {
          session.remove(row);
        }
      }
      AlarmCursorRow row = session.find(AlarmCursorRow.class, AlarmCursorRow.ID);
      long highest = appended.stream().mapToLong(a -> a.event().seq()).max().orElse(0);
      row.lastSeq = Math.max(row.lastSeq, Math.max(cursor, highest));
    });
  }

  /**
   * An alarm to store, with the index (in the batch's appends) of its latest event; {@code raised}
   * when the batch raised it (no row yet: inserted without looking it up first).
   */
  record Pending(Alarm alarm, int appendIndex, boolean raised) {
  }

  private static void upsert(Session session, Pending pending, long seq) {
    Alarm alarm = pending.alarm();
    AlarmRow row = pending.raised() ? null : session.find(AlarmRow.class, alarm.id().value());
    boolean fresh = row == null;
    if (fresh) {
      row = new AlarmRow();
      row.alarmId = alarm.id().value();
      row.raisedAt = alarm.raisedAt();
    }
    row.state = alarm.state().name();
    row.version = alarm.version();
    row.lastSeq = seq;
    row.closedAt = alarm.state() == AlarmState.CLOSED ? alarm.closedAt().orElse(null) : null;
    row.body = AlarmProtos.stored(alarm, seq);
    if (fresh) {
      session.persist(row);
    }
  }

  private static AlarmSnoozeRow.Key key(SourceRef source) {
    return new AlarmSnoozeRow.Key(source.kind(), source.id());
  }

  static List<Pending> pendingList() {
    return new ArrayList<>();
  }
}
