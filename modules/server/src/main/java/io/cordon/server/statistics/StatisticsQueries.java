package io.cordon.server.statistics;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmOutcomeCount;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmTypeCount;
import io.cordon.api.v1.AlarmZoneCount;
import io.cordon.api.v1.HazmatVolume;
import io.cordon.api.v1.OccupancyBucket;
import io.cordon.api.v1.OccupancyPeak;
import io.cordon.api.v1.PassageBucket;
import io.cordon.api.v1.PassageCount;
import io.cordon.api.v1.PassageTotals;
import io.cordon.api.v1.ResponseBucket;
import io.cordon.api.v1.ResponseTimes;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.ZoneClass;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report of one window, aggregated in the database with GROUP BY (and one window function for the
 * occupancy's running level): nothing is loaded row by row. Buckets are computed in SQL as whole bucket widths
 * from the window's start, which is exact for the park's zone (Asia/Shanghai keeps UTC+8 all year).
 */
final class StatisticsQueries {

  /** The guideline's response target (接警 within 1 minute). */
  static final int TARGET_SECONDS = 60;
  /** Inclusive upper bounds of the response histogram; a last open bucket follows. */
  static final int[] RESPONSE_BOUNDS = {15, 30, 45, 60, 120, 300};

  private final Park park;
  private final Database database;
  private final String perimeterGates;

  StatisticsQueries(Park park, Database database) {
    this.park = park;
    this.database = database;
    // checkpoints of core zones move people between zones, not in or out of the park
    this.perimeterGates = park.gates().stream().filter(g -> !g.isCheckpoint())
        .map(g -> "'" + g.id().value().replace("'", "''") + "'").collect(Collectors.joining(","));
  }

  StatisticsReport report(ReportWindow window, Instant now) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      StatisticsReport.Builder report = StatisticsReport.newBuilder()
          .setPeriod(window.period())
          .setStartDate(window.start().toString())
          .setEndDate(window.end().toString())
          .setTimeZone(ReportWindow.PARK_ZONE.getId())
          .setFrom(ts(window.from()))
          .setTo(ts(window.to()))
          .setGeneratedAt(ts(now))
          .setParkName(park.name())
          .setBucketSeconds(window.bucketSeconds());
      passages(c, window, report);
      trend(c, window, report);
      hazmat(c, window, report);
      alarms(c, window, report);
      responseTimes(c, window, report);
      occupancy(c, window, now, report);
      return report.build();
    }));
  }

  private void passages(Connection c, ReportWindow w, StatisticsReport.Builder report) throws SQLException {
    String sql = "select gate_id, holder_class,"
        + " sum(case when passage_at is not null and direction = 'ENTRY' then 1 else 0 end),"
        + " sum(case when passage_at is not null and direction = 'EXIT' then 1 else 0 end),"
        + " sum(case when passed = false and forced = false and tailgate = false then 1 else 0 end),"
        + " sum(case when forced then 1 else 0 end), sum(case when tailgate then 1 else 0 end)"
        + " from access_record where occurred_at >= ? and occurred_at < ?"
        + " group by gate_id, holder_class order by gate_id, holder_class";
    PassageTotals.Builder totals = PassageTotals.newBuilder();
    try (PreparedStatement s = window(c, sql, w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        String gateId = r.getString(1);
        String holderClass = r.getString(2);
        int entries = r.getInt(3);
        int exits = r.getInt(4);
        int refusals = r.getInt(5);
        totals.setRefusals(totals.getRefusals() + refusals).setForced(totals.getForced() + r.getInt(6))
            .setTailgate(totals.getTailgate() + r.getInt(7));
        if (holderClass.equals("PERSON")) {
          totals.setPeopleEntries(totals.getPeopleEntries() + entries).setPeopleExits(totals.getPeopleExits() + exits);
        } else {
          totals.setVehicleEntries(totals.getVehicleEntries() + entries)
              .setVehicleExits(totals.getVehicleExits() + exits);
        }
        if (entries + exits + refusals > 0) {
          report.addPassages(PassageCount.newBuilder().setGateId(gateId).setGateName(gateName(gateId))
              .setHolderClass(holderClass).setEntries(entries).setExits(exits).setRefusals(refusals));
        }
      }
    }
    report.setPassageTotals(totals);
  }

  private void trend(Connection c, ReportWindow w, StatisticsReport.Builder report) throws SQLException {
    String sql = "select " + bucket("occurred_at", w) + " as b,"
        + " sum(case when holder_class <> 'PERSON' and direction = 'ENTRY' then 1 else 0 end),"
        + " sum(case when holder_class <> 'PERSON' and direction = 'EXIT' then 1 else 0 end),"
        + " sum(case when holder_class = 'PERSON' and direction = 'ENTRY' then 1 else 0 end),"
        + " sum(case when holder_class = 'PERSON' and direction = 'EXIT' then 1 else 0 end)"
        + " from access_record where occurred_at >= ? and occurred_at < ? and passage_at is not null group by b";
    PassageBucket[] buckets = new PassageBucket[w.buckets().size()];
    try (PreparedStatement s = window(c, sql, w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        int b = clampBucket(r.getLong(1), w);
        buckets[b] = PassageBucket.newBuilder().setStart(ts(w.buckets().get(b))).setVehicleEntries(r.getInt(2))
            .setVehicleExits(r.getInt(3)).setPeopleEntries(r.getInt(4)).setPeopleExits(r.getInt(5)).build();
      }
    }
    for (int i = 0; i < buckets.length; i++) {
      report.addPassageTrend(buckets[i] != null ? buckets[i]
          : PassageBucket.newBuilder().setStart(ts(w.buckets().get(i))).build());
    }
  }

  private void hazmat(Connection c, ReportWindow w, StatisticsReport.Builder report) throws SQLException {
    String from = " from access_record r join stats_goods g on g.application_id = r.permit_id"
        + " where r.occurred_at >= ? and r.occurred_at < ? and r.direction = 'ENTRY' and r.passage_at is not null"
        + " and r.holder_class in ('HAZMAT', 'HAZWASTE')";
    Map<String, TreeSet<String>> unNumbers = new TreeMap<>();
    try (PreparedStatement s = window(c, "select distinct g.hazard_class, g.measure, g.un_number" + from, w);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        unNumbers.computeIfAbsent(r.getString(1) + "/" + r.getString(2), k -> new TreeSet<>()).add(r.getString(3));
      }
    }
    String sql = "select g.hazard_class, g.measure, sum(g.amount), count(distinct r.record_id)" + from
        + " group by g.hazard_class, g.measure order by g.hazard_class, g.measure";
    try (PreparedStatement s = window(c, sql, w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        List<String> un = new ArrayList<>(unNumbers.getOrDefault(r.getString(1) + "/" + r.getString(2),
            new TreeSet<>()));
        report.addHazmat(HazmatVolume.newBuilder().setHazardClass(r.getString(1)).setMeasure(r.getString(2))
            .setAmount(r.getBigDecimal(3).doubleValue()).setEntries(r.getInt(4))
            .addAllUnNumbers(un.subList(0, Math.min(20, un.size()))));
      }
    }
  }

  private void alarms(Connection c, ReportWindow w, StatisticsReport.Builder report) throws SQLException {
    String where = " from stats_alarm where raised_at >= ? and raised_at < ?";
    try (PreparedStatement s = window(c, "select alarm_type, count(*) as n" + where
        + " group by alarm_type order by n desc, alarm_type", w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        report.addAlarmsByType(AlarmTypeCount.newBuilder().setType(AlarmType.valueOf(r.getString(1)))
            .setCount(r.getInt(2)));
      }
    }
    try (PreparedStatement s = window(c, "select zone_id, zone_class, count(*) as n" + where
        + " group by zone_id, zone_class order by n desc, zone_id", w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        String zoneId = r.getString(1);
        report.addAlarmsByZone(AlarmZoneCount.newBuilder().setZoneId(zoneId).setZoneName(zoneName(zoneId))
            .setZoneClass(ZoneClass.valueOf(r.getString(2))).setCount(r.getInt(3)));
      }
    }
    Map<AlarmOutcome, Integer> outcomes = new TreeMap<>();
    try (PreparedStatement s = window(c, "select outcome, count(*)" + where + " group by outcome", w);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        outcomes.put(AlarmOutcome.valueOf(r.getString(1)), r.getInt(2));
      }
    }
    outcomes.forEach((outcome, n) -> report.addAlarmsByOutcome(
        AlarmOutcomeCount.newBuilder().setOutcome(outcome).setCount(n)));
  }

  private void responseTimes(Connection c, ReportWindow w, StatisticsReport.Builder report) throws SQLException {
    ResponseTimes.Builder times = ResponseTimes.newBuilder().setTargetSeconds(TARGET_SECONDS);
    String sql = "select count(response_ms), sum(case when response_ms <= " + TARGET_SECONDS * 1000L
        + " then 1 else 0 end), avg(response_ms), max(response_ms),"
        + " sum(case when response_ms is null and auto_acknowledged = false then 1 else 0 end),"
        + " percentile_cont(0.5) within group (order by response_ms)"
        + " from stats_alarm where raised_at >= ? and raised_at < ?";
    try (PreparedStatement s = window(c, sql, w); ResultSet r = s.executeQuery()) {
      r.next();
      int acknowledged = r.getInt(1);
      int within = r.getInt(2);
      times.setAcknowledged(acknowledged).setWithinTarget(within)
          .setShareWithinTarget(acknowledged == 0 ? 0 : (double) within / acknowledged)
          .setMeanSeconds(r.getDouble(3) / 1000.0).setMaxSeconds(r.getDouble(4) / 1000.0)
          .setUnacknowledged(r.getInt(5)).setMedianSeconds(r.getDouble(6) / 1000.0);
    }
    StringBuilder bucket = new StringBuilder("case");
    for (int i = 0; i < RESPONSE_BOUNDS.length; i++) {
      bucket.append(" when response_ms <= ").append(RESPONSE_BOUNDS[i] * 1000L).append(" then ").append(i);
    }
    bucket.append(" else ").append(RESPONSE_BOUNDS.length).append(" end");
    int[] counts = new int[RESPONSE_BOUNDS.length + 1];
    try (PreparedStatement s = window(c, "select " + bucket + " as b, count(*) from stats_alarm"
        + " where raised_at >= ? and raised_at < ? and response_ms is not null group by b", w);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        counts[r.getInt(1)] = r.getInt(2);
      }
    }
    for (int i = 0; i < counts.length; i++) {
      times.addHistogram(ResponseBucket.newBuilder()
          .setUpperSeconds(i < RESPONSE_BOUNDS.length ? RESPONSE_BOUNDS[i] : 0).setCount(counts[i]));
    }
    report.setResponseTimes(times);
  }

  /**
   * The most inside per bucket: the level before the window (every counted passage at a perimeter gate before
   * it) plus the running sum of entries (+1) and exits (−1) in it, as a window function; an empty bucket
   * keeps the level it started with. Levels never show below zero (exits of holders who came in before the
   * records began). Buckets after {@code now} stay empty.
   */
  private void occupancy(Connection c, ReportWindow w, Instant now, StatisticsReport.Builder report)
      throws SQLException {
    long[] level = new long[3]; // people, vehicles, hazmat
    if (perimeterGates.isEmpty()) {
      return;
    }
    String delta = "case when direction = 'ENTRY' then 1 else -1 end";
    String people = "case when holder_class = 'PERSON' then " + delta + " else 0 end";
    String vehicles = "case when holder_class <> 'PERSON' then " + delta + " else 0 end";
    String hazmat = "case when holder_class in ('HAZMAT', 'HAZWASTE') then " + delta + " else 0 end";
    String counted = " passage_at is not null and gate_id in (" + perimeterGates + ")";
    try (PreparedStatement s = c.prepareStatement("select coalesce(sum(" + people + "), 0), coalesce(sum("
        + vehicles + "), 0), coalesce(sum(" + hazmat + "), 0) from access_record where passage_at < ? and"
        + counted)) {
      s.setTimestamp(1, java.sql.Timestamp.from(w.from()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        level[0] = r.getLong(1);
        level[1] = r.getLong(2);
        level[2] = r.getLong(3);
      }
    }
    String order = " over (order by passage_at, seq rows between unbounded preceding and current row)";
    String sql = "select b, max(p), max(v), max(h), sum(dp), sum(dv), sum(dh) from (select "
        + bucket("passage_at", w) + " as b, sum(" + people + ")" + order + " as p, sum(" + vehicles + ")" + order
        + " as v, sum(" + hazmat + ")" + order + " as h, " + people + " as dp, " + vehicles + " as dv, " + hazmat
        + " as dh from access_record where passage_at >= ? and passage_at < ? and" + counted + ") x group by b";
    int n = w.buckets().size();
    long[][] max = new long[n][];
    long[][] net = new long[n][];
    try (PreparedStatement s = window(c, sql, w); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        int b = clampBucket(r.getLong(1), w);
        max[b] = new long[] {r.getLong(2), r.getLong(3), r.getLong(4)};
        net[b] = new long[] {r.getLong(5), r.getLong(6), r.getLong(7)};
      }
    }
    long[] running = new long[3]; // running sums within the window, before the current bucket
    OccupancyPeak.Builder peak = OccupancyPeak.newBuilder();
    for (int b = 0; b < n; b++) {
      Instant start = w.buckets().get(b);
      OccupancyBucket.Builder bucket = OccupancyBucket.newBuilder().setStart(ts(start));
      if (!start.isAfter(now)) {
        long[] most = new long[3];
        for (int k = 0; k < 3; k++) {
          long atStart = level[k] + running[k];
          most[k] = Math.max(0, max[b] == null ? atStart : Math.max(atStart, level[k] + max[b][k]));
          if (net[b] != null) {
            running[k] += net[b][k];
          }
        }
        bucket.setPeople((int) most[0]).setVehicles((int) most[1]).setHazmat((int) most[2]);
        if (most[0] > peak.getPeople()) {
          peak.setPeople((int) most[0]).setPeopleAt(ts(start));
        }
        if (most[1] > peak.getVehicles()) {
          peak.setVehicles((int) most[1]).setVehiclesAt(ts(start));
        }
        if (most[2] > peak.getHazmat()) {
          peak.setHazmat((int) most[2]).setHazmatAt(ts(start));
        }
      }
      report.addOccupancy(bucket);
    }
    report.setOccupancyPeak(peak);
  }

  /** Whole bucket widths since the window's start, in SQL (literals: both are numbers we computed). */
  private static String bucket(String column, ReportWindow w) {
    return "cast(floor((extract(epoch from " + column + ") - " + w.from().getEpochSecond() + ") / "
        + w.bucketSeconds() + ") as bigint)";
  }

  private static int clampBucket(long b, ReportWindow w) {
    return (int) Math.max(0, Math.min(w.buckets().size() - 1, b));
  }

  private static PreparedStatement window(Connection c, String sql, ReportWindow w) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setTimestamp(1, java.sql.Timestamp.from(w.from()));
    s.setTimestamp(2, java.sql.Timestamp.from(w.to()));
    return s;
  }

  private String gateName(String gateId) {
    return park.gates().stream().filter(g -> g.id().value().equals(gateId)).map(Gate::name).findFirst().orElse("");
  }

  private String zoneName(String zoneId) {
    return zoneId.isEmpty() ? "" : park.zone(new ZoneId(zoneId)).map(ControlZone::name).orElse("");
  }

  static Timestamp ts(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
