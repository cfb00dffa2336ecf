package io.cordon.server.statistics;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.ZoneClass;
import io.cordon.server.persistence.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the V13 projections (stats_alarm, stats_goods) up to date with the alarm and application tables: reads
 * the rows whose last_seq passed the projection's cursor, a page at a time, and rewrites their projection rows.
 * Journal seqs commit in order, so a cursor never skips a row. The cursor row is locked while catching up, so
 * two reports at once do the work once.
 */
final class StatisticsProjections {

  private static final Logger log = LoggerFactory.getLogger(StatisticsProjections.class);
  private static final int PAGE = 500;
  private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

  private final Database database;

  StatisticsProjections(Database database) {
    this.database = database;
  }

  /** Brings both projections up to what is committed now. */
  void catchUp() {
    while (database.inTransaction(session -> session.doReturningWork(this::alarmPage))) {
      // next page
    }
    while (database.inTransaction(session -> session.doReturningWork(this::goodsPage))) {
      // next page
    }
  }

  /** One page of changed alarms; true when there may be more. */
  private boolean alarmPage(Connection c) throws SQLException {
    long cursor = lockCursor(c, "alarm");
    long last = cursor;
    int rows = 0;
    try (PreparedStatement select = c.prepareStatement(
        "select alarm_id, last_seq, body from alarm where last_seq > ? order by last_seq")) {
      select.setLong(1, cursor);
      select.setMaxRows(PAGE);
      try (ResultSet r = select.executeQuery();
          PreparedStatement delete = c.prepareStatement("delete from stats_alarm where alarm_id = ?");
          PreparedStatement insert = c.prepareStatement("insert into stats_alarm (alarm_id, alarm_type, zone_id,"
              + " zone_class, outcome, raised_at, acknowledged_at, response_ms, auto_acknowledged, source_seq)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        while (r.next()) {
          rows++;
          String id = r.getString(1);
          last = r.getLong(2);
          Optional<Alarm> alarm = alarm(r.getString(3), id);
          delete.setString(1, id);
          delete.addBatch();
          if (alarm.isPresent()) {
            bindAlarm(insert, alarm.get(), id, last);
            insert.addBatch();
          }
        }
        delete.executeBatch();
        insert.executeBatch();
      }
    }
    saveCursor(c, "alarm", last);
    return rows == PAGE;
  }

  private static void bindAlarm(PreparedStatement insert, Alarm a, String id, long seq) throws SQLException {
    Instant raised = instant(a.hasRaisedAt() ? a.getRaisedAt() : a.getFirstAt());
    Optional<Instant> acknowledged = a.getHistoryList().stream()
        .filter(t -> t.getAction().equals("acknowledge")).map(AlarmTransition::getAt).map(StatisticsProjections::instant)
        .findFirst();
    ZoneClass zoneClass = a.getLocation().getZoneClass();
    int i = 1;
    insert.setString(i++, id);
    insert.setString(i++, a.getType().name());
    insert.setString(i++, a.getLocation().getZoneId());
    insert.setString(i++, (zoneClass == ZoneClass.ZONE_CLASS_UNSPECIFIED || zoneClass == ZoneClass.UNRECOGNIZED
        ? ZoneClass.ZONE_CLASS_GENERAL : zoneClass).name());
    insert.setString(i++, outcome(a).name());
    insert.setTimestamp(i++, Timestamp.from(raised));
    if (acknowledged.isPresent()) {
      insert.setTimestamp(i++, Timestamp.from(acknowledged.get()));
      insert.setLong(i++, Math.max(0, acknowledged.get().toEpochMilli() - raised.toEpochMilli()));
    } else {
      insert.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setNull(i++, Types.BIGINT);
    }
    insert.setBoolean(i++, a.getAutoAcknowledged() && acknowledged.isEmpty());
    insert.setLong(i, seq);
  }

  /** What became of an alarm, as it stands. */
  static AlarmOutcome outcome(Alarm a) {
    boolean settled = a.getState() == AlarmState.ALARM_STATE_RESOLVED || a.getState() == AlarmState.ALARM_STATE_CLOSED;
    if (!settled) {
      return AlarmOutcome.ALARM_OUTCOME_OPEN;
    }
    if (a.getVerdict() == AlarmVerdict.ALARM_VERDICT_TRUE) {
      return AlarmOutcome.ALARM_OUTCOME_TRUE;
    }
    if (a.getVerdict() == AlarmVerdict.ALARM_VERDICT_FALSE) {
      return AlarmOutcome.ALARM_OUTCOME_FALSE;
    }
    if (a.getVerdict() == AlarmVerdict.ALARM_VERDICT_NUISANCE) {
      return AlarmOutcome.ALARM_OUTCOME_NUISANCE;
    }
    return AlarmOutcome.ALARM_OUTCOME_NO_VERDICT;
  }

  private static Optional<Alarm> alarm(String body, String id) {
    Alarm.Builder builder = Alarm.newBuilder();
    try {
      if (body.startsWith("{")) {
        JSON.merge(body, builder); // rows written by the alarm table's first version
      } else {
        builder.mergeFrom(Base64.getDecoder().decode(body));
      }
      return Optional.of(builder.build());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      log.warn("alarm {} left out of the statistics: its stored form does not parse", id, e);
      return Optional.empty();
    }
  }

  /** One page of changed applications; true when there may be more. */
  private boolean goodsPage(Connection c) throws SQLException {
    long cursor = lockCursor(c, "goods");
    long last = cursor;
    int rows = 0;
    try (PreparedStatement select = c.prepareStatement("select application_id, last_seq, body"
        + " from appointment_application where last_seq > ? order by last_seq")) {
      select.setLong(1, cursor);
      select.setMaxRows(PAGE);
      try (ResultSet r = select.executeQuery();
          PreparedStatement delete = c.prepareStatement("delete from stats_goods where application_id = ?");
          PreparedStatement insert = c.prepareStatement("insert into stats_goods (application_id, line,"
              + " hazard_class, un_number, amount, measure) values (?, ?, ?, ?, ?, ?)")) {
        while (r.next()) {
          rows++;
          String id = r.getString(1);
          last = r.getLong(2);
          delete.setString(1, id);
          delete.addBatch();
          List<Goods> goods = goods(r.getString(3), id);
          for (int line = 0; line < goods.size(); line++) {
            Optional<GoodsLine> parsed = GoodsLine.of(goods.get(line));
            if (parsed.isEmpty()) {
              continue;
            }
            insert.setString(1, id);
            insert.setInt(2, line);
            insert.setString(3, parsed.get().hazardClass());
            insert.setString(4, parsed.get().unNumber());
            insert.setBigDecimal(5, parsed.get().amount());
            insert.setString(6, parsed.get().measure());
            insert.addBatch();
          }
        }
        delete.executeBatch();
        insert.executeBatch();
      }
    }
    saveCursor(c, "goods", last);
    return rows == PAGE;
  }

  private static List<Goods> goods(String body, String id) {
    try {
      return Application.parseFrom(Base64.getDecoder().decode(body)).getContent().getGoodsList();
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      log.warn("application {} left out of the statistics: its stored form does not parse", id, e);
      return new ArrayList<>();
    }
  }

  private static long lockCursor(Connection c, String name) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("select last_seq from stats_cursor where name = ? for update")) {
      lock.setString(1, name);
      try (ResultSet r = lock.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("stats_cursor row " + name + " is missing");
        }
        return r.getLong(1);
      }
    }
  }

  private static void saveCursor(Connection c, String name, long seq) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("update stats_cursor set last_seq = ? where name = ?")) {
      update.setLong(1, seq);
      update.setString(2, name);
      update.executeUpdate();
    }
  }

  static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** One goods line as the statistics count it: main GB 6944 class, amount in t, m3 or pcs. */
  record GoodsLine(String hazardClass, String unNumber, BigDecimal amount, String measure) {

    static Optional<GoodsLine> of(Goods goods) {
      String printed = goods.getHazardClass().trim();
      int dot = printed.indexOf('.');
      String main = dot > 0 ? printed.substring(0, dot) : printed;
      if (!main.matches("[1-9]")) {
        return Optional.empty();
      }
      BigDecimal amount;
      try {
        amount = new BigDecimal(goods.getAmount().trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      String measure;
      switch (goods.getUnit()) {
        case QUANTITY_UNIT_KILOGRAM:
          amount = amount.movePointLeft(3);
          measure = "t";
          break;
        case QUANTITY_UNIT_TONNE:
          measure = "t";
          break;
        case QUANTITY_UNIT_LITRE:
          amount = amount.movePointLeft(3);
          measure = "m3";
          break;
        case QUANTITY_UNIT_CUBIC_METRE:
          measure = "m3";
          break;
        case QUANTITY_UNIT_PIECE:
          measure = "pcs";
          break;
        default:
          return Optional.empty();
      }
      String un = goods.getUnNumber().trim().toUpperCase(java.util.Locale.ROOT);
      return Optional.of(new GoodsLine(main, un.startsWith("UN") ? un : "UN" + un, amount, measure));
    }
  }
}
