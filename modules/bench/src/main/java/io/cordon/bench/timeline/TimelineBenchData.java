package io.cordon.bench.timeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fills a migrated database with a month of a busy park, set-based: every table is one INSERT … SELECT per
 * chunk of a row generator, the columns computed from the row number, so the database does the work and
 * nothing crosses JDBC row by row. The secondary indexes the queries use are dropped for the load and built
 * again afterwards (their definitions as in the migrations), which is several times faster than keeping them
 * up to date row by row.
 *
 * <p>Events: seq 1..N evenly over the days; a mix of gate access (40 %), vehicle rules (15 %), alarms (7 %),
 * heartbeats (13 %), gate commands (7 %), operator sign-ins (5 %), trips (8 %) and sensor faults (5 %), each
 * about one or two of 2,000 vehicles, 50,000 people, 10 gates, the zones, 200 sensors, 20 operators and its
 * alarm; located events lie in the sample park's bounding box. Positions: every vehicle reports evenly over the
 * days, moving a few metres per fix.
 */
final class TimelineBenchData {

  static final Instant START = Instant.parse("2026-10-02T00:00:00Z");
  static final double MIN_LON = 120.920;
  static final double SPAN_LON = 0.048;
  static final double MIN_LAT = 31.930;
  static final double SPAN_LAT = 0.025;
  private static final long CHUNK = 250_000;
  private static final String START_SQL = "2026-10-02 00:00:00+00";

  private static final List<String> DROP_INDEXES = List.of(
      "drop index journal_event_by_time", "drop index journal_event_by_type", "drop index event_subject_by_subject",
      "drop index vehicle_position_by_plate", "drop index vehicle_position_by_time");
  private static final List<String> CREATE_INDEXES = List.of(
      "create index journal_event_by_time on journal_event (occurred_at, seq, lon, lat)",
      "create index journal_event_by_type on journal_event (event_type, seq)",
      "create index event_subject_by_subject on event_subject (kind, subject_id, seq)",
      "create index vehicle_position_by_plate on vehicle_position (plate, fix_time)",
      "create index vehicle_position_by_time on vehicle_position"
          + " (fix_time, lon, lat, plate, vehicle_class, heading_deg, speed_kmh, fix_valid)");

  private final TimelineBenchSettings settings;
  private final BulkSql sql;

  TimelineBenchData(TimelineBenchSettings settings, BulkSql sql) {
    this.settings = settings;
    this.sql = sql;
  }

  Duration span() {
    return Duration.ofDays(settings.days());
  }

  static String plate(long vehicle) {
    return "苏A" + String.format("%05d", vehicle);
  }

  /** Whether the database holds this data set already (a re-run reuses it). */
  boolean loaded(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      long lastSeq = single(s, "select last_seq from journal_head");
      return lastSeq == settings.events() && single(s, "select count(*) from vehicle_position") == settings.positions();
    }
  }

  /** Loads everything into an empty database; returns how long it took. */
  Duration load(Connection c) throws SQLException {
    long started = System.nanoTime();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      for (String drop : DROP_INDEXES) {
        s.execute(drop);
      }
      long n = settings.events();
      long spanMs = span().toMillis();
      for (long lo = 1; lo <= n; lo += CHUNK) {
        long hi = Math.min(n, lo + CHUNK - 1);
        s.executeUpdate(events(lo, hi, n, spanMs));
        s.executeUpdate(subjects(lo, hi, 0));
        s.executeUpdate(subjects(lo, hi, 1));
        progress("events", hi, n, started);
      }
      s.executeUpdate("update journal_head set last_seq = " + n);
      long p = settings.positions();
      for (long lo = 0; lo < p; lo += CHUNK) {
        long hi = Math.min(p - 1, lo + CHUNK - 1);
        s.executeUpdate(positions(lo, hi, p, spanMs));
        progress("positions", hi + 1, p, started);
      }
      for (String create : CREATE_INDEXES) {
        long t = System.nanoTime();
        s.execute(create);
        System.out.printf("  %s: %.1f s%n", create, (System.nanoTime() - t) / 1e9);
      }
      if (sql == BulkSql.POSTGRESQL) {
        s.execute("analyze");
      }
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private String events(long lo, long hi, long n, long spanMs) {
    String m = "mod(r.x, 100)";
    String located = "(" + m + " < 62 or (" + m + " >= 87 and " + m + " < 95) or " + m + " >= 95)";
    return "insert into journal_event (seq, occurred_at, recorded_at, event_type, lon, lat, summary, attributes)"
        + " select r.x, " + sql.plusMillis(START_SQL, "r.x * " + spanMs + " / " + n) + ", "
        + sql.plusMillis(START_SQL, "r.x * " + spanMs + " / " + n + " + 200") + ", "
        + "case when " + m + " < 40 then 'gate.access' when " + m + " < 55 then 'track.violation_started'"
        + " when " + m + " < 62 then 'alarm.raised' when " + m + " < 75 then 'sensor.heartbeat'"
        + " when " + m + " < 82 then 'gate.command' when " + m + " < 87 then 'user.login'"
        + " when " + m + " < 95 then 'trip.opened' else 'sensor.fault' end, "
        + "case when " + located + " then " + MIN_LON + " + " + SPAN_LON
        + " * cast(mod(r.x * 7919, 10007) as double precision) / 10007 end, "
        + "case when " + located + " then " + MIN_LAT + " + " + SPAN_LAT
        + " * cast(mod(r.x * 104729, 10009) as double precision) / 10009 end, "
        + "'bench event', '{\"bench\":\"true\"}' from " + sql.range(lo, hi);
  }

  /** Ordinal 0 is the main subject; ordinal 1 the second, for the kinds that have one. */
  private String subjects(long lo, long hi, int ordinal) {
    String m = "mod(r.x, 100)";
    String vehicle = "'苏A' || lpad(cast(mod(r.x * 7, " + settings.vehicles() + ") as varchar), 5, '0')";
    String gate = "'G' || cast(1 + mod(r.x, 10) as varchar)";
    String zone = "'Z-KEY-' || cast(1 + mod(r.x, 6) as varchar)";
    String sensor = "'S-' || cast(mod(r.x, 200) as varchar)";
    String user = "'op' || cast(mod(r.x, 20) as varchar)";
    String person = "'P-' || cast(mod(r.x * 13, 50000) as varchar)";
    String kind;
    String id;
    String where;
    if (ordinal == 0) {
      kind = "case when " + m + " < 40 then 'gate' when " + m + " < 55 then 'vehicle' when " + m + " < 62 then 'alarm'"
          + " when " + m + " < 75 then 'sensor' when " + m + " < 82 then 'gate' when " + m + " < 87 then 'user'"
          + " when " + m + " < 95 then 'vehicle' else 'sensor' end";
      id = "case when " + m + " < 40 then " + gate + " when " + m + " < 55 then " + vehicle
          + " when " + m + " < 62 then 'AL-' || cast(r.x as varchar) when " + m + " < 75 then " + sensor
          + " when " + m + " < 82 then " + gate + " when " + m + " < 87 then " + user
          + " when " + m + " < 95 then " + vehicle + " else " + sensor + " end";
      where = "";
    } else {
      kind = "case when " + m + " < 30 then 'vehicle' when " + m + " < 40 then 'person' when " + m + " < 62 then 'zone'"
          + " when " + m + " < 82 then 'user' when " + m + " < 95 then 'gate' else 'zone' end";
      id = "case when " + m + " < 30 then " + vehicle + " when " + m + " < 40 then " + person
          + " when " + m + " < 62 then " + zone + " when " + m + " < 82 then " + user
          + " when " + m + " < 95 then " + gate + " else " + zone + " end";
      where = " where " + m + " < 62 or (" + m + " >= 75 and " + m + " < 82) or " + m + " >= 87";
    }
    return "insert into event_subject (seq, ordinal, kind, subject_id) select r.x, " + ordinal + ", " + kind + ", "
        + id + " from " + sql.range(lo, hi) + where;
  }

  private String positions(long lo, long hi, long p, long spanMs) {
    long v = settings.vehicles();
    long perVehicle = Math.max(1, p / v);
    long stepMs = spanMs / perVehicle;
    String vehicle = "mod(r.x, " + v + ")";
    String k = "(r.x / " + v + ")";
    String time = sql.plusMillis(START_SQL, k + " * " + stepMs + " + " + vehicle + " * " + (stepMs / v));
    return "insert into vehicle_position (plate, plate_color, vehicle_class, lon, lat, heading_deg, speed_kmh,"
        + " fix_time, received_at) select '苏A' || lpad(cast(" + vehicle + " as varchar), 5, '0'), 'YELLOW',"
        + " case when mod(" + vehicle + ", 4) = 0 then 'HAZMAT' else 'ORDINARY' end, "
        + MIN_LON + " + " + SPAN_LON + " * cast(mod(" + vehicle + " * 37 + " + k + ", 1000) as double precision) / 1000, "
        + MIN_LAT + " + " + SPAN_LAT + " * cast(mod(" + vehicle + " * 53 + " + k + ", 1000) as double precision) / 1000, "
        + "45, cast(mod(r.x, 40) as double precision), " + time + ", " + time + " from " + sql.range(lo, hi);
  }

  private static long single(Statement s, String query) throws SQLException {
    try (ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void progress(String what, long done, long total, long started) {
    System.out.printf("  %s %,d / %,d (%.0f s)%n", what, done, total, (System.nanoTime() - started) / 1e9);
  }
}
