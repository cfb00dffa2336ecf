package io.cordon.server.video.recording;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.api.v1.Alarm;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alarm center's current-state table ({@code alarm}, V5) into {@code recording_evidence}: every alarm
 * gets a row (with its linked cameras, and the camera that raised it) when first seen, and its close time when
 * it closes. Reading the table rather than the journal because only the stored alarm carries the linked cameras.
 */
final class AlarmEvidenceBook {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmEvidenceBook.class);
  /** Guideline §7.2.1.2: keep the video from one minute before an alarm until its handling ends. */
  static final Duration PRE_ALARM = Duration.ofSeconds(60);
  private static final int BATCH = 1_000;

  private final Database database;

  AlarmEvidenceBook(Database database) {
    this.database = database;
  }

  /**
   * Cheap, run every couple of seconds: open alarms (indexed on {@code closed_at}) without evidence get it, and
   * open evidence whose alarm closed gets the close time. An alarm raised and closed between two rounds is
   * caught by {@link #fullSync} or when asked for ({@link #syncOne}).
   */
  synchronized int sync() {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      int changed = apply(c, "select a.alarm_id, a.raised_at, a.closed_at, a.body, e.alarm_id from alarm a"
          + " left join recording_evidence e on e.alarm_id = a.alarm_id where a.closed_at is null"
          + " and e.alarm_id is null");
      return changed + apply(c, "select a.alarm_id, a.raised_at, a.closed_at, a.body, e.alarm_id"
          + " from recording_evidence e join alarm a on a.alarm_id = e.alarm_id where e.closed_at is null"
          + " and a.closed_at is not null");
    }));
  }

  /** Every alarm without evidence, and every closing missed: at start and now and then (scans the alarm table). */
  synchronized int fullSync() {
    int changed = 0;
    int round;
    do {
      round = database.inTransaction(session -> session.doReturningWork(c -> apply(c,
          "select a.alarm_id, a.raised_at, a.closed_at, a.body, e.alarm_id from alarm a left join recording_evidence e"
              + " on e.alarm_id = a.alarm_id where e.alarm_id is null or (e.closed_at is null and a.closed_at is not null)"
              + " order by a.raised_at limit " + BATCH)));
      changed += round;
    } while (round == BATCH);
    return changed;
  }

  /** Brings one alarm's evidence up to date (an RPC asks about an alarm raised a moment ago). */
  synchronized void syncOne(String alarmId) {
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select a.alarm_id, a.raised_at, a.closed_at, a.body,"
          + " e.alarm_id, e.closed_at from alarm a left join recording_evidence e on e.alarm_id = a.alarm_id"
          + " where a.alarm_id = ?")) {
        select.setString(1, alarmId);
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            Instant closed = DatabaseSegmentCatalog.instant(rows, 3);
            if (rows.getString(5) == null) {
              insert(c, alarmId, DatabaseSegmentCatalog.instant(rows, 2), closed, cameras(alarmId, rows.getString(4)));
            } else if (closed != null && rows.getObject(6) == null) {
              close(c, alarmId, closed);
            }
          }
        }
      }
    }));
  }

  private int apply(Connection c, String sql) throws SQLException {
    int changed = 0;
    try (PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String alarmId = rows.getString(1);
        Instant raised = DatabaseSegmentCatalog.instant(rows, 2);
        Instant closed = DatabaseSegmentCatalog.instant(rows, 3);
        if (rows.getString(5) == null) {
          insert(c, alarmId, raised, closed, cameras(alarmId, rows.getString(4)));
        } else {
          close(c, alarmId, closed);
        }
        changed++;
      }
    }
    return changed;
  }

  private static void insert(Connection c, String alarmId, Instant raised, Instant closed, Set<String> cameras)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("insert into recording_evidence (alarm_id, raised_at, from_at,"
        + " closed_at) values (?, ?, ?, ?)")) {
      insert.setString(1, alarmId);
      insert.setObject(2, DatabaseSegmentCatalog.utc(raised));
      insert.setObject(3, DatabaseSegmentCatalog.utc(raised.minus(PRE_ALARM)));
      insert.setObject(4, closed == null ? null : DatabaseSegmentCatalog.utc(closed));
      insert.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(
        "insert into recording_evidence_camera (alarm_id, camera_id) values (?, ?)")) {
      for (String camera : cameras) {
        insert.setString(1, alarmId);
        insert.setString(2, camera);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void close(Connection c, String alarmId, Instant closed) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "update recording_evidence set closed_at = ? where alarm_id = ? and closed_at is null")) {
      update.setObject(1, DatabaseSegmentCatalog.utc(closed));
      update.setString(2, alarmId);
      update.executeUpdate();
    }
  }

  /** The linked cameras of a stored alarm, and the camera that raised it. */
  private static Set<String> cameras(String alarmId, String body) {
    Alarm.Builder alarm = Alarm.newBuilder();
    try {
      if (body.startsWith("{")) {
        JsonFormat.parser().ignoringUnknownFields().merge(body, alarm);
      } else {
        alarm.mergeFrom(Base64.getDecoder().decode(body));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      LOG.warn("alarm {}: stored form unreadable, no cameras protected: {}", alarmId, e.toString());
      return Set.of();
    }
    Set<String> cameras = new LinkedHashSet<>(alarm.getLinkedCameraIdsList());
    if (!alarm.getLocation().getCameraId().isEmpty()) {
      cameras.add(alarm.getLocation().getCameraId());
    }
    return cameras;
  }

  Optional<AlarmEvidence> find(String alarmId) {
    return database.inTransaction(session -> session.doReturningWork(c -> find(c, alarmId)));
  }

  private static Optional<AlarmEvidence> find(Connection c, String alarmId) throws SQLException {
    List<String> cameras = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(
        "select camera_id from recording_evidence_camera where alarm_id = ? order by camera_id")) {
      select.setString(1, alarmId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          cameras.add(rows.getString(1));
        }
      }
    }
    try (PreparedStatement select = c.prepareStatement("select raised_at, from_at, closed_at, released_at,"
        + " released_by, release_reason from recording_evidence where alarm_id = ?")) {
      select.setString(1, alarmId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new AlarmEvidence(alarmId, DatabaseSegmentCatalog.instant(rows, 1),
            DatabaseSegmentCatalog.instant(rows, 2), Optional.ofNullable(DatabaseSegmentCatalog.instant(rows, 3)),
            Optional.ofNullable(DatabaseSegmentCatalog.instant(rows, 4)), nullToEmpty(rows.getString(5)),
            nullToEmpty(rows.getString(6)), List.copyOf(cameras)));
      }
    }
  }

  /** Releases an alarm's evidence; releasing it again changes nothing. Empty when the alarm has no evidence row. */
  Optional<AlarmEvidence> release(String alarmId, String by, String reason, Instant at) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement update = c.prepareStatement("update recording_evidence set released_at = ?,"
          + " released_by = ?, release_reason = ? where alarm_id = ? and released_at is null")) {
        update.setObject(1, DatabaseSegmentCatalog.utc(at));
        update.setString(2, by);
        update.setString(3, reason.length() > 400 ? reason.substring(0, 400) : reason);
        update.setString(4, alarmId);
        update.executeUpdate();
      }
      return find(c, alarmId);
    }));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
