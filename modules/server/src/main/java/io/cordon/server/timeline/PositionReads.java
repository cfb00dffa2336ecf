package io.cordon.server.timeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * vehicle_position in plain JDBC, shaped for timelines: one plate's window through
 * vehicle_position_by_plate (plate, fix_time); every plate's window through vehicle_position_by_time with the
 * bounding box in SQL (or the plates asked for) and the exact test by the caller. That index holds every column these reads select or
 * filter on, so an area's hour is read from the index alone, not the table (V14). Only valid fixes (a
 * receiver without a fix is no position).
 */
final class PositionReads {

  private static final String COLUMNS = "plate, vehicle_class, lon, lat, heading_deg, speed_kmh, fix_time";
  private static final int FETCH = 5_000;

  private final Connection connection;

  PositionReads(Connection connection) {
    this.connection = connection;
  }

  /** The plate's fixes with {@code from <= fix_time < to}, oldest first. */
  Fixes track(String plate, Instant from, Instant to) throws SQLException {
    Fixes fixes = new Fixes(plate);
    try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from vehicle_position"
        + " where plate = ? and fix_time >= ? and fix_time < ? and fix_valid = true order by fix_time")) {
      select.setFetchSize(FETCH);
      select.setString(1, plate);
      select.setObject(2, Times.utc(from));
      select.setObject(3, Times.utc(to));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          add(fixes, rows);
        }
      }
    }
    return fixes;
  }

  /**
   * Every plate's fixes with {@code from <= fix_time < to} (or {@code from <= fix_time <= to} when
   * {@code toInclusive}) inside the box or of a plate in {@code orPlates}, that pass {@code keep} (plate,
   * lon/lat), by plate, oldest first.
   */
  Map<String, Fixes> fixesIn(Instant from, Instant to, boolean toInclusive, Envelope box, Collection<String> orPlates,
      BiPredicate<String, double[]> keep) throws SQLException {
    Map<String, Fixes> byPlate = new LinkedHashMap<>();
    String inBox = "lon >= ? and lon <= ? and lat >= ? and lat <= ?";
    String sql = "select " + COLUMNS + " from vehicle_position where fix_time >= ? and fix_time "
        + (toInclusive ? "<=" : "<") + " ? and fix_valid = true"
        + (box == null ? "" : orPlates.isEmpty() ? " and " + inBox
            : " and (" + inBox + " or plate in (" + literals(orPlates) + "))")
        + " order by fix_time";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setFetchSize(FETCH);
      select.setObject(1, Times.utc(from));
      select.setObject(2, Times.utc(to));
      if (box != null) {
        select.setDouble(3, box.getMinX());
        select.setDouble(4, box.getMaxX());
        select.setDouble(5, box.getMinY());
        select.setDouble(6, box.getMaxY());
      }
      double[] lonLat = new double[2];
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String plate = rows.getString(1);
          lonLat[0] = rows.getDouble(3);
          lonLat[1] = rows.getDouble(4);
          if (keep.test(plate, lonLat)) {
            add(byPlate.computeIfAbsent(plate, Fixes::new), rows);
          }
        }
      }
    }
    return byPlate;
  }

  /** The plate's last fix with {@code from <= fix_time <= to}, as a one-fix track, or null. */
  Fixes lastOf(String plate, Instant from, Instant to) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from vehicle_position"
        + " where plate = ? and fix_time >= ? and fix_time <= ? and fix_valid = true order by fix_time desc")) {
      select.setMaxRows(1);
      select.setString(1, plate);
      select.setObject(2, Times.utc(from));
      select.setObject(3, Times.utc(to));
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        Fixes fixes = new Fixes(plate);
        add(fixes, rows);
        return fixes;
      }
    }
  }

  /**
   * The values as SQL string literals, quotes doubled (standard SQL; both databases take backslashes as they
   * are). Literals, not "= any(?)": H2 tests an array parameter value by value for every fix of the window
   * (a hundred plates made an area's hour 3 times slower), but keeps a list of constants in a hash set.
   */
  private static String literals(Collection<String> values) {
    return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
  }

  static boolean any(Set<String> plates, String plate) {
    return plates.isEmpty() || plates.contains(plate);
  }

  private static void add(Fixes fixes, ResultSet rows) throws SQLException {
    fixes.add(rows.getDouble(3), rows.getDouble(4), rows.getDouble(5), rows.getDouble(6),
        rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getString(2));
  }
}
