package io.cordon.server.statistics;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationContent;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.server.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Access records and approved applications written into the running server's database, in the V6/V7 rows the gate
 * access writer and the registration store write (the same columns, the same body encoding), so a test can place
 * passages at any moment of any past period.
 */
final class StoredTraffic {

  private final ServerConfig config;
  private long seq = 1_000_000;

  StoredTraffic(ServerConfig config) {
    this.config = config;
  }

  /** A passage the loop saw after an allowed decision. */
  StoredTraffic passage(String gateId, String direction, String holderClass, String holder, Instant at, String permitId)
      throws SQLException {
    return record(gateId, direction, holderClass, holder, at, true, permitId, false);
  }

  /** An identification refused at the gate (nobody passed). */
  StoredTraffic refusal(String gateId, String direction, String holderClass, String holder, Instant at)
      throws SQLException {
    return record(gateId, direction, holderClass, holder, at, false, "", false);
  }

  /** A passage without a pass (闯卡). */
  StoredTraffic forced(String gateId, String direction, Instant at) throws SQLException {
    return record(gateId, direction, "UNKNOWN", "", at, false, "", true);
  }

  private StoredTraffic record(String gateId, String direction, String holderClass, String holder, Instant at,
      boolean passed, String permitId, boolean forced) throws SQLException {
    try (Connection c = connection(); PreparedStatement insert = c.prepareStatement("insert into access_record"
        + " (record_id, seq, gate_id, lane_id, direction, occurred_at, credential_kind, holder, holder_name,"
        + " holder_class, enterprise_id, passed, rule, detail, permit_id, snapshot_ref, decided_offline, passage_at,"
        + " forced, tailgate, recorded_at) values (?, ?, ?, 'L1', ?, ?, ?, ?, ?, ?, '', ?, ?, '', ?, '', false, ?, ?,"
        + " false, ?)")) {
      long s = ++seq;
      insert.setString(1, "test-" + s);
      insert.setLong(2, s);
      insert.setString(3, gateId);
      insert.setString(4, direction);
      insert.setTimestamp(5, Timestamp.from(at));
      insert.setString(6, forced ? "loop" : holderClass.equals("PERSON") ? "face" : "plate");
      insert.setString(7, holder);
      insert.setString(8, holder);
      insert.setString(9, holderClass);
      insert.setBoolean(10, passed);
      insert.setString(11, forced ? "FORCED" : passed ? "PERMIT_VALID" : "NO_PERMIT");
      insert.setString(12, permitId);
      insert.setTimestamp(13, passed || forced ? Timestamp.from(at.plusSeconds(3)) : null);
      insert.setBoolean(14, forced);
      insert.setTimestamp(15, Timestamp.from(at));
      insert.executeUpdate();
    }
    return this;
  }

  /** An approved hazmat delivery whose permit id is its application id, with these goods. */
  StoredTraffic approvedDelivery(String applicationId, List<Goods> goods, Instant at) throws SQLException {
    Application application = Application.newBuilder().setApplicationId(applicationId).setPermitId(applicationId)
        .setContent(ApplicationContent.newBuilder().addAllGoods(goods)).build();
    try (Connection c = connection(); PreparedStatement insert = c.prepareStatement("insert into"
        + " appointment_application (application_id, kind, state, applicant_id, host_id, window_from, window_until,"
        + " version, last_seq, created_at, body) values (?, 'HAZMAT_DELIVERY', 'APPROVED', 'E1', 'E1', ?, ?, 1, ?, ?,"
        + " ?)")) {
      insert.setString(1, applicationId);
      insert.setTimestamp(2, Timestamp.from(at));
      insert.setTimestamp(3, Timestamp.from(at.plusSeconds(86_400)));
      insert.setLong(4, ++seq);
      insert.setTimestamp(5, Timestamp.from(at));
      insert.setString(6, Base64.getEncoder().encodeToString(application.toByteArray()));
      insert.executeUpdate();
    }
    return this;
  }

  static Goods goods(String hazardClass, String un, String amount, QuantityUnit unit) {
    return Goods.newBuilder().setName("货物" + un).setHazardClass(hazardClass).setUnNumber(un).setAmount(amount)
        .setUnit(unit).build();
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(config.databaseUrl(), config.databaseUser(), config.databasePassword());
  }
}
