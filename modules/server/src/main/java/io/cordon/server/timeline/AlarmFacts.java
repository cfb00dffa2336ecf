package io.cordon.server.timeline;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.api.v1.Alarm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What timelines and incidents need of stored alarms, read from the alarm center's current-state table
 * ({@code alarm}, V5): when each was raised and closed, and the stored alarm (source, place, linked cameras).
 * Read only; the alarm center is the single writer.
 */
public final class AlarmFacts {

  /** One stored alarm: raised and (if so) closed, as the alarm center committed them. */
  public record Fact(String alarmId, Instant raisedAt, Optional<Instant> closedAt, Alarm alarm) {
  }

  private static final int CHUNK = 1_000;
  private static final JsonFormat.Parser LEGACY = JsonFormat.parser().ignoringUnknownFields();

  private AlarmFacts() {
  }

  /** The stored alarms among these ids, by id (unknown ids are absent). */
  public static Map<String, Fact> read(Connection connection, List<String> alarmIds) throws SQLException {
    Map<String, Fact> facts = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(alarmIds));
    for (int start = 0; start < ids.size(); start += CHUNK) {
      List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "select alarm_id, raised_at, closed_at, body from alarm where alarm_id = any(?)")) {
        select.setArray(1, connection.createArrayOf("varchar", chunk.toArray(new String[0])));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            OffsetDateTime closed = rows.getObject(3, OffsetDateTime.class);
            facts.put(rows.getString(1), new Fact(rows.getString(1),
                rows.getObject(2, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(closed).map(OffsetDateTime::toInstant), body(rows.getString(4))));
          }
        }
      }
    }
    return facts;
  }

  /** The stored form: base64 of the binary message, or JSON in rows of the table's first version. */
  private static Alarm body(String stored) {
    Alarm.Builder builder = Alarm.newBuilder();
    try {
      if (stored.startsWith("{")) {
        LEGACY.merge(stored, builder);
      } else {
        builder.mergeFrom(Base64.getDecoder().decode(stored));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stored alarm", e);
    }
    return builder.build();
  }
}
