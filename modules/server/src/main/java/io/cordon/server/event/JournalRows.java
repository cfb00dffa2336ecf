package io.cordon.server.event;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The rows of one append transaction, written as three JDBC batches (events, then their subjects,
 * then the request keys). The journal is the hottest write path (every device report), and plain
 * batched inserts skip what the ORM adds per row there: entity instantiation, the persistence
 * context and the dirty check at flush. Readers still map the tables with Hibernate. Portable SQL
 * (H2 and PostgreSQL), the columns of V1.
 */
final class JournalRows {

  private static final String INSERT_EVENT = "insert into journal_event"
      + " (seq, occurred_at, recorded_at, event_type, lon, lat, summary, attributes) values (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SUBJECT =
      "insert into event_subject (seq, ordinal, kind, subject_id) values (?, ?, ?, ?)";
  private static final String INSERT_REQUEST =
      "insert into processed_request (request_key, seq, recorded_at) values (?, ?, ?)";

  private record Row(long seq, Instant occurredAt, Instant recordedAt, NewEvent event, String attributes,
      String requestKey) {
  }

  private final List<Row> rows = new ArrayList<>();

  /** Queues one event; returns it as it will read back once committed. */
  JournalEvent add(long seq, Instant recordedAt, NewEvent event, String attributesJson, String requestKey) {
    Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
    rows.add(new Row(seq, occurredAt, recordedAt, event, attributesJson, requestKey));
    return new JournalEvent(seq, occurredAt, recordedAt, event.type(), event.subjects(), event.location(),
        event.summary(), new TreeMap<>(event.attributes()));
  }

  /** Executes the batches in the session's transaction; a failing statement throws before the commit. */
  void insert(Session session) {
    if (rows.isEmpty()) {
      return;
    }
    session.doWork(connection -> {
      try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT)) {
        for (Row row : rows) {
          events.setLong(1, row.seq());
          events.setObject(2, utc(row.occurredAt()));
          events.setObject(3, utc(row.recordedAt()));
          events.setString(4, row.event().type());
          if (row.event().location().isPresent()) {
            events.setDouble(5, row.event().location().get().lon());
            events.setDouble(6, row.event().location().get().lat());
          } else {
            events.setNull(5, Types.DOUBLE);
            events.setNull(6, Types.DOUBLE);
          }
          events.setString(7, row.event().summary());
          events.setString(8, row.attributes());
          events.addBatch();
        }
        events.executeBatch();
      }
      try (PreparedStatement subjects = connection.prepareStatement(INSERT_SUBJECT)) {
        boolean any = false;
        for (Row row : rows) {
          List<SubjectKey> keys = row.event().subjects();
          for (int i = 0; i < keys.size(); i++) {
            subjects.setLong(1, row.seq());
            subjects.setInt(2, i);
            subjects.setString(3, keys.get(i).kind());
            subjects.setString(4, keys.get(i).id());
            subjects.addBatch();
            any = true;
          }
        }
        if (any) {
          subjects.executeBatch();
        }
      }
      if (rows.stream().anyMatch(r -> r.requestKey() != null)) {
        try (PreparedStatement requests = connection.prepareStatement(INSERT_REQUEST)) {
          for (Row row : rows) {
            if (row.requestKey() != null) {
              requests.setString(1, row.requestKey());
              requests.setLong(2, row.seq());
              requests.setObject(3, utc(row.recordedAt()));
              requests.addBatch();
            }
          }
          requests.executeBatch();
        }
      }
    });
  }

  /** Lookups go in chunks of this many keys, the last chunk padded, so the database reuses one plan. */
  private static final int KEY_CHUNK = 32;
  private static final String SELECT_REQUESTS = "select request_key, seq from processed_request where request_key in ("
      + String.join(", ", java.util.Collections.nCopies(KEY_CHUNK, "?")) + ")";

  /**
   * The seqs recorded before for these request keys. Plain JDBC with a fixed statement shape: the
   * ORM would interpret the query anew for every distinct list length, once per group commit.
   */
  static java.util.Map<String, Long> recordedSeqs(Session session, java.util.Collection<String> keys) {
    List<String> all = List.copyOf(keys);
    java.util.Map<String, Long> seqs = new java.util.HashMap<>();
    session.doWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT_REQUESTS)) {
        for (int from = 0; from < all.size(); from += KEY_CHUNK) {
          for (int i = 0; i < KEY_CHUNK; i++) {
            int at = Math.min(from + i, all.size() - 1); // pad with a key already asked for
            select.setString(i + 1, all.get(at));
          }
          try (java.sql.ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              seqs.put(rows.getString(1), rows.getLong(2));
            }
          }
        }
      }
    });
    return seqs;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
