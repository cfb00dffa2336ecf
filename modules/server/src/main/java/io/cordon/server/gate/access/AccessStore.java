package io.cordon.server.gate.access;

import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The V7 tables over plain JDBC: batched inserts within the journal's transaction, and the reads. */
final class AccessStore {

  private static final int IN_LIST = 500;

  private final Database database;

  AccessStore(Database database) {
    this.database = database;
  }

  /** Which of these record ids are stored already. */
  Set<String> storedRecordIds(Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return Set.of();
    }
    List<String> ids = List.copyOf(recordIds);
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      Set<String> found = new HashSet<>();
      for (int from = 0; from < ids.size(); from += IN_LIST) {
        List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
        String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
            "select record_id from access_record where record_id in (" + marks + ")")) {
          for (int i = 0; i < part.size(); i++) {
            select.setString(i + 1, part.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              found.add(rows.getString(1));
            }
          }
        }
      }
      return found;
    }));
  }

  /** A stored record with its seq. */
  record Stored(AccessEntry entry, long seq) {
  }

  static void insert(Connection connection, List<Stored> records, Instant recordedAt) throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into access_record (record_id, seq, gate_id,"
        + " lane_id, direction, occurred_at, credential_kind, holder, holder_name, holder_class, enterprise_id, passed,"
        + " rule, detail, permit_id, snapshot_ref, decided_offline, passage_at, forced, tailgate, recorded_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Stored s : records) {
        AccessEntry e = s.entry();
        int i = 1;
        insert.setString(i++, e.recordId());
        insert.setLong(i++, s.seq());
        insert.setString(i++, e.gate().id().value());
        insert.setString(i++, e.laneId());
        insert.setString(i++, e.direction().name());
        insert.setTimestamp(i++, Timestamp.from(e.at()));
        insert.setString(i++, e.credentialKind());
        insert.setString(i++, e.holder());
        insert.setString(i++, e.holderName());
        insert.setString(i++, e.holderClass());
        insert.setString(i++, e.enterpriseId());
        insert.setBoolean(i++, e.passed());
        insert.setString(i++, e.rule());
        insert.setString(i++, e.detail());
        insert.setString(i++, e.permitId());
        insert.setString(i++, e.snapshotRef());
        insert.setBoolean(i++, e.offline());
        if (e.passageAt().isPresent()) {
          insert.setTimestamp(i++, Timestamp.from(e.passageAt().get()));
        } else {
          insert.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        insert.setBoolean(i++, e.forced());
        insert.setBoolean(i++, e.tailgate());
        insert.setTimestamp(i, Timestamp.from(recordedAt));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** A record's passage time: the loop detector saw it go through. */
  record PassageUpdate(String recordId, Instant at) {
  }

  static void passages(Connection connection, List<PassageUpdate> updates) throws SQLException {
    if (updates.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update access_record set passage_at = ? where record_id = ? and passage_at is null")) {
      for (PassageUpdate u : updates) {
        update.setTimestamp(1, Timestamp.from(u.at()));
        update.setString(2, u.recordId());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Replaces the holders' rows (the last row per holder wins). */
  static void presence(Connection connection, Collection<PresenceRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("delete from gate_presence where holder_key = ?")) {
      for (PresenceRow row : rows) {
        delete.setString(1, row.holderKey());
        delete.addBatch();
      }
      delete.executeBatch();
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into gate_presence (holder_key, kind, holder,"
        + " holder_class, enterprise_id, inside, gate_id, since, last_at, record_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (PresenceRow row : rows) {
        insert.setString(1, row.holderKey());
        insert.setString(2, row.kind());
        insert.setString(3, row.holder());
        insert.setString(4, row.holderClass());
        insert.setString(5, row.enterpriseId());
        insert.setBoolean(6, row.inside());
        insert.setString(7, row.gateId());
        insert.setTimestamp(8, Timestamp.from(row.since()));
        insert.setTimestamp(9, Timestamp.from(row.lastAt()));
        insert.setString(10, row.recordId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  List<PresenceRow> presenceRows() {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      List<PresenceRow> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select holder_key, kind, holder, holder_class,"
          + " enterprise_id, inside, gate_id, since, last_at, record_id from gate_presence order by last_at")) {
        select.setFetchSize(2_000);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            rows.add(new PresenceRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getBoolean(6), r.getString(7), r.getTimestamp(8).toInstant(), r.getTimestamp(9).toInstant(),
                r.getString(10)));
          }
        }
      }
      return rows;
    }));
  }

  /** The stored PEM of the cache signing key, if one was made before. */
  Optional<String> signingKey() {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement("select pem from gate_cache_key where key_id = 'cache'")) {
        try (ResultSet r = select.executeQuery()) {
          return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
        }
      }
    }));
  }

  void saveSigningKey(String pem, Instant at) {
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "insert into gate_cache_key (key_id, pem, created_at) values ('cache', ?, ?)")) {
        insert.setString(1, pem);
        insert.setTimestamp(2, Timestamp.from(at));
        insert.executeUpdate();
      }
    }));
  }

  /** Access records, newest first, filtered (ListAccessRecords). */
  List<io.cordon.api.v1.AccessRecordView> query(AccessQuery q) {
    StringBuilder sql = new StringBuilder("select record_id, seq, gate_id, lane_id, direction, occurred_at,"
        + " credential_kind, holder, holder_name, holder_class, enterprise_id, passed, rule, detail, permit_id,"
        + " snapshot_ref, decided_offline, passage_at, forced, tailgate from access_record where occurred_at < ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(q.to()));
    q.from().ifPresent(from -> {
      sql.append(" and occurred_at >= ?");
      args.add(Timestamp.from(from));
    });
    if (!q.gateIds().isEmpty()) {
      sql.append(" and gate_id in (").append(String.join(",", java.util.Collections.nCopies(q.gateIds().size(), "?")))
          .append(')');
      args.addAll(q.gateIds());
    }
    if (!q.laneId().isEmpty()) {
      sql.append(" and lane_id = ?");
      args.add(q.laneId());
    }
    if (!q.holder().isEmpty()) {
      sql.append(" and holder = ?");
      args.add(q.holder());
    }
    switch (q.outcome()) {
      case ACCESS_OUTCOME_FILTER_PASSED:
        sql.append(" and passed = true");
        break;
      case ACCESS_OUTCOME_FILTER_DENIED:
        sql.append(" and passed = false and forced = false and tailgate = false");
        break;
      case ACCESS_OUTCOME_FILTER_ALARMS:
        sql.append(" and (forced = true or tailgate = true)");
        break;
      default:
        break;
    }
    sql.append(" order by occurred_at desc, seq desc");
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      List<io.cordon.api.v1.AccessRecordView> list = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
        select.setMaxRows(q.limit());
        for (int i = 0; i < args.size(); i++) {
          select.setObject(i + 1, args.get(i));
        }
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            io.cordon.api.v1.AccessRecordView.Builder v = io.cordon.api.v1.AccessRecordView.newBuilder()
                .setRecordId(r.getString(1)).setSeq(r.getLong(2)).setGateId(r.getString(3)).setLaneId(r.getString(4))
                .setDirection(r.getString(5).equals("ENTRY") ? io.cordon.api.v1.Direction.DIRECTION_ENTRY
                    : io.cordon.api.v1.Direction.DIRECTION_EXIT)
                .setTime(ts(r.getTimestamp(6).toInstant())).setCredentialKind(r.getString(7)).setHolder(r.getString(8))
                .setHolderName(r.getString(9)).setHolderClass(r.getString(10)).setEnterpriseId(r.getString(11))
                .setPassed(r.getBoolean(12)).setRule(r.getString(13)).setDetail(r.getString(14))
                .setPermitId(r.getString(15)).setSnapshotRef(r.getString(16)).setDecidedOffline(r.getBoolean(17))
                .setForced(r.getBoolean(19)).setTailgate(r.getBoolean(20));
            Timestamp passage = r.getTimestamp(18);
            if (passage != null) {
              v.setPassageTime(ts(passage.toInstant()));
            }
            list.add(v.build());
          }
        }
      }
      return list;
    }));
  }

  /** A checked ListAccessRecords request. */
  record AccessQuery(List<String> gateIds, String laneId, String holder, Optional<Instant> from, Instant to,
      io.cordon.api.v1.AccessOutcomeFilter outcome, int limit) {
  }

  static com.google.protobuf.Timestamp ts(Instant at) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
