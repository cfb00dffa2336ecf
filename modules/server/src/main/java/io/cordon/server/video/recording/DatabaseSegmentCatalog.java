package io.cordon.server.video.recording;

import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.SegmentCatalog;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment index in the database (V10 {@code recording_segment}), with alarm evidence protection: a segment
 * is protected while an unreleased {@code recording_evidence} of one of its camera's alarms covers it, that is
 * when it ends after the evidence's {@code from_at} (raised - 60 s) and starts no later than its
 * {@code closed_at} (or the alarm is still open). Computed when asked, so a segment recorded during an open
 * alarm is protected as soon as it is indexed.
 */
public final class DatabaseSegmentCatalog implements SegmentCatalog {
  private static final String COLUMNS = "s.path, s.camera_id, s.profile, s.start_at, s.end_at, s.bytes";
  /** The evidences covering segment {@code s}: use inside "exists (...)" or a join. */
  static final String COVERING = "from recording_evidence_camera ec join recording_evidence e"
      + " on e.alarm_id = ec.alarm_id where ec.camera_id = s.camera_id and e.released_at is null"
      + " and s.end_at > e.from_at and (e.closed_at is null or s.start_at <= e.closed_at)";

  private final Database database;

  public DatabaseSegmentCatalog(Database database) {
    this.database = database;
  }

  @Override
  public void recorded(RecordedSegment segment) {
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement delete = c.prepareStatement("delete from recording_segment where path = ?")) {
        delete.setString(1, segment.path().toString());
        delete.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement("insert into recording_segment (path, camera_id, profile,"
          + " start_at, end_at, bytes) values (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, segment.path().toString());
        insert.setString(2, segment.cameraId());
        insert.setString(3, segment.profile().urlName());
        insert.setObject(4, utc(segment.start()));
        insert.setObject(5, utc(segment.end()));
        insert.setLong(6, segment.bytes());
        insert.executeUpdate();
      }
    }));
  }

  @Override
  public List<RecordedSegment> segments(String cameraId, StreamProfile profile, Instant from, Instant to) {
    return query("select " + COLUMNS + " from recording_segment s where s.camera_id = ? and s.profile = ?"
        + " and s.start_at < ? and s.end_at > ? order by s.start_at", cameraId, profile.urlName(), utc(to), utc(from));
  }

  /** Segments of {@code cameraId} (any profile) that overlap {@code [from, to]} (both ends included). */
  List<RecordedSegment> covering(String cameraId, Instant from, Instant to) {
    return query("select " + COLUMNS + " from recording_segment s where s.camera_id = ? and s.start_at <= ?"
        + " and s.end_at > ? order by s.profile, s.start_at", cameraId, utc(to), utc(from));
  }

  @Override
  public List<String> cameras() {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(
          "select distinct camera_id from recording_segment order by camera_id");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.add(rows.getString(1));
        }
      }
      return out;
    }));
  }

  @Override
  public List<RecordedSegment> expired(String cameraId, Instant endedBefore, int limit) {
    return query("select " + COLUMNS + " from recording_segment s where s.camera_id = ? and s.end_at <= ?"
        + " and not exists (select 1 " + COVERING + ") order by s.start_at limit ?", cameraId, utc(endedBefore),
        limit);
  }

  @Override
  public List<RecordedSegment> oldestUnprotected(int limit) {
    return query("select " + COLUMNS + " from recording_segment s where not exists (select 1 " + COVERING + ")"
        + " order by s.start_at limit ?", limit);
  }

  @Override
  public long protectedCount() {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "select count(*) from recording_segment s where exists (select 1 " + COVERING + ")");
          ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }));
  }

  @Override
  public void removed(RecordedSegment segment) {
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement delete = c.prepareStatement("delete from recording_segment where path = ?")) {
        delete.setString(1, segment.path().toString());
        delete.executeUpdate();
      }
    }));
  }

  /** The alarms whose unreleased evidence covers each of {@code segments}, keyed by path. */
  Map<Path, List<String>> protectors(List<RecordedSegment> segments) {
    Map<Path, List<String>> out = new LinkedHashMap<>();
    if (segments.isEmpty()) {
      return out;
    }
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select e.alarm_id from recording_segment s"
          + " join recording_evidence_camera ec on ec.camera_id = s.camera_id"
          + " join recording_evidence e on e.alarm_id = ec.alarm_id where s.path = ? and e.released_at is null"
          + " and s.end_at > e.from_at and (e.closed_at is null or s.start_at <= e.closed_at) order by e.alarm_id")) {
        for (RecordedSegment segment : segments) {
          select.setString(1, segment.path().toString());
          List<String> alarms = new ArrayList<>();
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              alarms.add(rows.getString(1));
            }
          }
          out.put(segment.path(), alarms);
        }
      }
    }));
    return out;
  }

  private List<RecordedSegment> query(String sql, Object... parameters) {
    return database.inTransaction(session -> session.doReturningWork(c -> read(c, sql, parameters)));
  }

  private static List<RecordedSegment> read(Connection c, String sql, Object... parameters) throws SQLException {
    List<RecordedSegment> out = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.add(new RecordedSegment(rows.getString(2), StreamProfile.fromUrlName(rows.getString(3)).orElseThrow(),
              instant(rows, 4), instant(rows, 5), rows.getLong(6), Path.of(rows.getString(1))));
        }
      }
    }
    return out;
  }

  static Instant instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
