package io.cordon.server.track;

import io.cordon.devices.track.BatchReceipt;
import io.cordon.devices.track.ReportedFix;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code vehicle_position} and {@code position_batch} tables, in plain JDBC on the
 * transaction's connection: a batch of fixes is one JDBC batch insert, not thousands of entity
 * persists. The batch row is written first, so a concurrent twin of the same request waits on its
 * key and then fails instead of storing the fixes twice.
 */
final class PositionTable {

  static final int MAX_REQUEST_KEY = 200;
  static final int FETCH_SIZE = 1000;
  private static final String INSERT_FIX = "insert into vehicle_position (plate, plate_color, vehicle_class, lon,"
      + " lat, heading_deg, speed_kmh, fix_time, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database database;

  PositionTable(Database database) {
    this.database = database;
  }

  /**
   * Stores the fixes under {@code requestKey} in one transaction, unless the key was stored
   * before; then nothing is written and the earlier receipt is returned.
   *
   * @throws io.cordon.server.persistence.RejectedDataException when the database refuses a value
   */
  BatchReceipt insertOnce(String requestKey, List<ReportedFix> fixes, Instant receivedAt) {
    if (requestKey.isEmpty() || requestKey.length() > MAX_REQUEST_KEY) {
      throw new IllegalArgumentException("requestKey must be 1.." + MAX_REQUEST_KEY + " characters");
    }
    OffsetDateTime received = utc(receivedAt);
    try {
      return database.inTransaction(session -> session.doReturningWork(connection -> {
        Optional<Integer> earlier = recordedCount(connection, requestKey);
        if (earlier.isPresent()) {
          return new BatchReceipt(earlier.get(), true);
        }
        try (PreparedStatement batch = connection.prepareStatement(
            "insert into position_batch (request_key, fix_count, received_at) values (?, ?, ?)")) {
          batch.setString(1, requestKey);
          batch.setInt(2, fixes.size());
          batch.setObject(3, received);
          batch.executeUpdate();
        }
        insertFixes(connection, fixes, received);
        return new BatchReceipt(fixes.size(), false);
      }));
    } catch (RuntimeException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      // a concurrent twin committed first: answer as the repeat it is
      return database.inTransaction(session -> session.doReturningWork(connection -> recordedCount(connection,
          requestKey))).map(count -> new BatchReceipt(count, true)).orElseThrow(() -> e);
    }
  }

  /**
   * Streams the fixes taken at or after {@code takenSince} of the plates heard (received) at or
   * after {@code heardSince}, oldest first, to {@code sink}, for rebuilding the live view. The rows
   * are read forward-only in pages of {@link #FETCH_SIZE}, so a busy park's minutes of fixes are
   * never one list in memory; only the set of recently heard plates is.
   *
   * @return how many fixes went to the sink
   */
  long forEachRecentFix(Instant takenSince, Instant heardSince, Consumer<StoredFix> sink) {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      Set<String> heard = new HashSet<>();
      try (PreparedStatement select = connection.prepareStatement("select distinct plate from vehicle_position"
          + " where fix_time >= ? and received_at >= ? and fix_valid = true")) {
        select.setObject(1, utc(takenSince));
        select.setObject(2, utc(heardSince));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            if (Plate.isValid(rows.getString(1))) { // not "终端:<number>": unbound terminals show again when they report
              heard.add(rows.getString(1));
            }
          }
        }
      }
      if (heard.isEmpty()) {
        return 0L;
      }
      long count = 0;
      try (PreparedStatement select = connection.prepareStatement("select plate, plate_color, vehicle_class, lon,"
          + " lat, heading_deg, speed_kmh, fix_time, received_at from vehicle_position where fix_time >= ?"
          + " and fix_valid = true order by fix_time", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        select.setFetchSize(FETCH_SIZE); // PostgreSQL pages only like this, inside a transaction
        select.setObject(1, utc(takenSince));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            if (heard.contains(rows.getString("plate"))) {
              sink.accept(read(rows));
              count++;
            }
          }
        }
      }
      return count;
    }));
  }

  /** Every stored fix of one plate, oldest first. */
  List<TrackPoint> track(String plate) {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      List<TrackPoint> points = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select plate, plate_color, vehicle_class, lon,"
          + " lat, heading_deg, speed_kmh, fix_time, received_at from vehicle_position where plate = ?"
          + " order by fix_time")) {
        select.setString(1, plate);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            points.add(read(rows).fix().point());
          }
        }
      }
      return points;
    }));
  }

  private static void insertFixes(Connection connection, List<ReportedFix> fixes, OffsetDateTime received)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_FIX)) {
      int pending = 0;
      for (ReportedFix fix : fixes) {
        TrackPoint point = fix.point();
        insert.setString(1, fix.plate().value());
        insert.setString(2, fix.plateColor().name());
        insert.setString(3, fix.vehicleClass().name());
        insert.setDouble(4, point.lon());
        insert.setDouble(5, point.lat());
        insert.setDouble(6, point.headingDeg());
        insert.setDouble(7, point.speedKmh());
        insert.setObject(8, utc(Instant.ofEpochMilli(point.epochMillis())));
        insert.setObject(9, received);
        insert.addBatch();
        if (++pending == 1000) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static Optional<Integer> recordedCount(Connection connection, String requestKey) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select fix_count from position_batch where request_key = ?")) {
      select.setString(1, requestKey);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
      }
    }
  }

  private static StoredFix read(ResultSet rows) throws SQLException {
    TrackPoint point = new TrackPoint(rows.getDouble("lon"), rows.getDouble("lat"), rows.getDouble("heading_deg"),
        rows.getDouble("speed_kmh"), rows.getObject("fix_time", OffsetDateTime.class).toInstant().toEpochMilli());
    ReportedFix fix = new ReportedFix(new Plate(rows.getString("plate")),
        PlateColor.valueOf(rows.getString("plate_color")), VehicleClass.valueOf(rows.getString("vehicle_class")),
        point);
    return new StoredFix(fix, rows.getObject("received_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** SQL state class 23 (integrity constraint violation), e.g. the batch key stored concurrently. */
  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String state = t instanceof SQLException sql ? sql.getSQLState()
          : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
