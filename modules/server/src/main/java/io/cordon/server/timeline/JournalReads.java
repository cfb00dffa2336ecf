package io.cordon.server.timeline;

import io.cordon.api.v1.SubjectRef;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The journal's tables in plain JDBC, shaped for timelines (portable SQL, H2 and PostgreSQL):
 * <ul>
 * <li>a subject's events in a window: the window's seq range through journal_event_by_time, then a range
 * scan of event_subject_by_subject (kind, subject_id, seq) over it, then the rows by seq;</li>
 * <li>an area's events: the window and the bounding box through journal_event_by_time (occurred_at, seq,
 * lon, lat), then the rows by seq, the exact polygon test by the caller;</li>
 * <li>the whole park: the window in time order, read forward until the caller has enough.</li>
 * </ul>
 */
final class JournalReads {

  private static final String COLUMNS =
      "seq, occurred_at, recorded_at, event_type, lon, lat, summary, attributes";
  /** Rows by seq go in chunks of this many: bounded statements, bounded index probes each. */
  private static final int CHUNK = 1_000;
  private static final int FETCH = 1_000;

  private final Connection connection;

  JournalReads(Connection connection) {
    this.connection = connection;
  }

  /** The lowest and highest seq of the events that occurred in [from, to); empty when there are none. */
  Optional<long[]> seqRange(Instant from, Instant to) throws SQLException {
    // "offset 0 rows" keeps PostgreSQL from answering min/max by walking the primary key until a row of the
    // window turns up (1.7 s at 10 M events); it reads the window's rows from the time index instead (2 ms)
    try (PreparedStatement select = connection.prepareStatement("select min(seq), max(seq) from (select seq"
        + " from journal_event where occurred_at >= ? and occurred_at < ? offset 0 rows) w")) {
      select.setObject(1, Times.utc(from));
      select.setObject(2, Times.utc(to));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        long lo = rows.getLong(1);
        if (rows.wasNull()) {
          return Optional.empty();
        }
        return Optional.of(new long[] {lo, rows.getLong(2)});
      }
    }
  }

  /** The seqs in [lo, hi] of the events about the subject. */
  List<Long> seqsAbout(SubjectRef subject, long lo, long hi) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select seq from event_subject"
        + " where kind = ? and subject_id = ? and seq >= ? and seq <= ?")) {
      select.setString(1, subject.getKind());
      select.setString(2, subject.getId());
      select.setLong(3, lo);
      select.setLong(4, hi);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          seqs.add(rows.getLong(1));
        }
      }
    }
    return seqs;
  }

  /** The rows with these seqs that occurred in [from, to). */
  List<JournalRow> rows(List<Long> seqs, Instant from, Instant to) throws SQLException {
    List<JournalRow> found = new ArrayList<>();
    for (int start = 0; start < seqs.size(); start += CHUNK) {
      List<Long> chunk = seqs.subList(start, Math.min(seqs.size(), start + CHUNK));
      try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
          + " from journal_event where seq = any(?) and occurred_at >= ? and occurred_at < ?")) {
        select.setArray(1, seqArray(chunk));
        select.setObject(2, Times.utc(from));
        select.setObject(3, Times.utc(to));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(row(rows));
          }
        }
      }
    }
    return found;
  }

  /**
   * The located rows of [from, to) inside the box that pass {@code keep}: the seqs in the box from
   * journal_event_by_time (it carries lon and lat, so no row is read to test the box), then those rows by seq.
   */
  List<JournalRow> rowsIn(Instant from, Instant to, Envelope box, Predicate<JournalRow> keep) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select seq from journal_event"
        + " where occurred_at >= ? and occurred_at < ? and lon >= ? and lon <= ? and lat >= ? and lat <= ?")) {
      select.setFetchSize(FETCH);
      select.setObject(1, Times.utc(from));
      select.setObject(2, Times.utc(to));
      select.setDouble(3, box.getMinX());
      select.setDouble(4, box.getMaxX());
      select.setDouble(5, box.getMinY());
      select.setDouble(6, box.getMaxY());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          seqs.add(rows.getLong(1));
        }
      }
    }
    return rows(seqs, from, to).stream().filter(keep).toList();
  }

  /**
   * The rows of [from, to) oldest first, those passing {@code keep}, until {@code enough} of them (the read
   * stops there).
   */
  List<JournalRow> rowsInOrder(Instant from, Instant to, Predicate<JournalRow> keep, int enough)
      throws SQLException {
    List<JournalRow> found = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from journal_event"
        + " where occurred_at >= ? and occurred_at < ? order by occurred_at, seq")) {
      select.setFetchSize(FETCH);
      select.setObject(1, Times.utc(from));
      select.setObject(2, Times.utc(to));
      try (ResultSet rows = select.executeQuery()) {
        while (found.size() < enough && rows.next()) {
          JournalRow row = row(rows);
          if (keep.test(row)) {
            found.add(row);
          }
        }
      }
    }
    return found;
  }

  /** The subjects of these events, main subject first, by seq. */
  Map<Long, List<SubjectRef>> subjects(List<Long> seqs) throws SQLException {
    Map<Long, List<SubjectRef>> subjects = new HashMap<>();
    for (int start = 0; start < seqs.size(); start += CHUNK) {
      List<Long> chunk = seqs.subList(start, Math.min(seqs.size(), start + CHUNK));
      try (PreparedStatement select = connection.prepareStatement("select seq, kind, subject_id from event_subject"
          + " where seq = any(?) order by seq, ordinal")) {
        select.setArray(1, seqArray(chunk));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            subjects.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                .add(SubjectRef.newBuilder().setKind(rows.getString(2)).setId(rows.getString(3)).build());
          }
        }
      }
    }
    return subjects;
  }

  private Array seqArray(List<Long> seqs) throws SQLException {
    return connection.createArrayOf("bigint", seqs.toArray(new Long[0]));
  }

  private static JournalRow row(ResultSet rows) throws SQLException {
    double lon = rows.getDouble(5);
    Double lonOrNull = rows.wasNull() ? null : lon;
    double lat = rows.getDouble(6);
    Double latOrNull = rows.wasNull() ? null : lat;
    return new JournalRow(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
        rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getString(4), lonOrNull, latOrNull,
        rows.getString(7), rows.getString(8));
  }
}
