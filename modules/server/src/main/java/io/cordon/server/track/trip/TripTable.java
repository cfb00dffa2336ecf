package io.cordon.server.track.trip;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The V9 tables with plain JDBC: trips, own terminals and the first answers of mutating requests.
 * Reads open their own transaction; writes take the connection of the journal's transaction, so a
 * trip changes in the same commit as its journal event.
 */
final class TripTable {

  private static final String COLUMNS = "trip_id, terminal_number, plate, plate_color, vehicle_class, own_terminal,"
      + " permit_id, opened_at, opened_gate_id, opened_by, closed_at, closed_gate_id, closed_by";

  private final Database database;

  TripTable(Database database) {
    this.database = database;
  }

  // ---- reads ------------------------------------------------------------------------------------

  List<StoredTrip> openTrips() {
    return trips("select " + COLUMNS + " from track_trip where open_terminal is not null order by trip_id");
  }

  /** Open trips and those closed at or after {@code closedSince}, optionally of one plate, oldest first. */
  List<StoredTrip> recent(Instant closedSince, Optional<String> plate) {
    String sql = "select " + COLUMNS + " from track_trip where (open_terminal is not null or closed_at >= ?)"
        + (plate.isPresent() ? " and plate = ?" : "") + " order by opened_at, trip_id";
    return plate.isPresent() ? trips(sql, utc(closedSince), plate.get()) : trips(sql, utc(closedSince));
  }

  /** The newest trip of a vehicle, open or closed. */
  Optional<StoredTrip> latestOfPlate(String plate) {
    List<StoredTrip> found = trips("select " + COLUMNS + " from track_trip where plate = ?"
        + " order by opened_at desc, trip_id desc fetch first 1 rows only", plate);
    return found.stream().findFirst();
  }

  /** True when the terminal was ever on a trip. */
  boolean terminalKnown(String terminalNumber) {
    return !trips("select " + COLUMNS + " from track_trip where terminal_number = ? fetch first 1 rows only",
        terminalNumber).isEmpty();
  }

  /** The highest trip number given so far (ids are "T-" and a zero-padded number). */
  long lastTripNumber() {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select max(trip_id) from track_trip");
          ResultSet rows = select.executeQuery()) {
        String max = rows.next() ? rows.getString(1) : null;
        return max == null ? 0L : Long.parseLong(max.substring(2));
      }
    }));
  }

  List<OwnTerminal> ownTerminals() {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      List<OwnTerminal> found = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("select terminal_number, plate, plate_color, vehicle_class,"
          + " saved_at, saved_by from track_own_terminal order by terminal_number");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(new OwnTerminal(rows.getString(1), new Plate(rows.getString(2)),
              PlateColor.valueOf(rows.getString(3)), VehicleClass.valueOf(rows.getString(4)), instant(rows, 5),
              rows.getString(6)));
        }
      }
      return found;
    }));
  }

  Optional<String> answer(String requestKey) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select body from track_trip_answer where request_key = ?")) {
        select.setString(1, requestKey);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
        }
      }
    }));
  }

  // ---- writes (in the caller's transaction) -----------------------------------------------------

  static void insert(Connection c, StoredTrip t) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("insert into track_trip (" + COLUMNS
        + ", open_terminal, open_plate) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, t.tripId());
      insert.setString(2, t.terminalNumber());
      insert.setString(3, t.plate().value());
      insert.setString(4, t.plateColor().name());
      insert.setString(5, t.vehicleClass().name());
      insert.setBoolean(6, t.ownTerminal());
      insert.setString(7, t.permitId());
      insert.setObject(8, utc(t.openedAt()));
      insert.setString(9, t.openedGateId());
      insert.setString(10, t.openedBy());
      insert.setObject(11, t.closedAt().map(TripTable::utc).orElse(null));
      insert.setString(12, t.closedGateId());
      insert.setString(13, t.closedBy());
      insert.setString(14, t.open() ? t.terminalNumber() : null);
      insert.setString(15, t.open() ? t.plate().value() : null);
      insert.executeUpdate();
    }
  }

  static void close(Connection c, StoredTrip closed) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("update track_trip set closed_at = ?, closed_gate_id = ?,"
        + " closed_by = ?, open_terminal = null, open_plate = null where trip_id = ? and open_terminal is not null")) {
      update.setObject(1, utc(closed.closedAt().orElseThrow()));
      update.setString(2, closed.closedGateId());
      update.setString(3, closed.closedBy());
      update.setString(4, closed.tripId());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("trip " + closed.tripId() + " is not open");
      }
    }
  }

  static void saveOwn(Connection c, OwnTerminal own) throws SQLException {
    deleteOwn(c, own.terminalNumber());
    try (PreparedStatement insert = c.prepareStatement("insert into track_own_terminal (terminal_number, plate,"
        + " plate_color, vehicle_class, saved_at, saved_by) values (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, own.terminalNumber());
      insert.setString(2, own.plate().value());
      insert.setString(3, own.plateColor().name());
      insert.setString(4, own.vehicleClass().name());
      insert.setObject(5, utc(own.savedAt()));
      insert.setString(6, own.savedBy());
      insert.executeUpdate();
    }
  }

  static void deleteOwn(Connection c, String terminalNumber) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("delete from track_own_terminal where terminal_number = ?")) {
      delete.setString(1, terminalNumber);
      delete.executeUpdate();
    }
  }

  static void putAnswer(Connection c, String requestKey, String body, Instant at) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "insert into track_trip_answer (request_key, body, recorded_at) values (?, ?, ?)")) {
      insert.setString(1, requestKey);
      insert.setString(2, body);
      insert.setObject(3, utc(at));
      insert.executeUpdate();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private List<StoredTrip> trips(String sql, Object... args) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      List<StoredTrip> found = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          select.setObject(i + 1, args[i]);
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(read(rows));
          }
        }
      }
      return found;
    }));
  }

  private static StoredTrip read(ResultSet rows) throws SQLException {
    OffsetDateTime closed = rows.getObject(11, OffsetDateTime.class);
    return new StoredTrip(rows.getString(1), rows.getString(2), new Plate(rows.getString(3)),
        PlateColor.valueOf(rows.getString(4)), VehicleClass.valueOf(rows.getString(5)), rows.getBoolean(6),
        rows.getString(7), instant(rows, 8), rows.getString(9), rows.getString(10),
        Optional.ofNullable(closed).map(OffsetDateTime::toInstant), rows.getString(12), rows.getString(13));
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
