package io.cordon.server.track.trip;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.Permit;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only use of the registration's tables (V6): permits, the applications behind them and
 * enterprise names. The registration module exposes no read API to other server packages, so these
 * are read as its stored bodies, like the gate access index does; nothing here writes them.
 */
final class RegistrationReads {

  private final Database database;

  RegistrationReads(Database database) {
    this.database = database;
  }

  Optional<Permit> permit(String permitId) {
    return one("select body from permit where permit_id = ?", permitId).map(b -> TripProtos.decode(b, Permit.parser()));
  }

  Optional<Application> application(String applicationId) {
    return one("select body from appointment_application where application_id = ?", applicationId)
        .map(b -> TripProtos.decode(b, Application.parser()));
  }

  Optional<String> enterpriseName(String enterpriseId) {
    return one("select name from reg_enterprise where enterprise_id = ?", enterpriseId);
  }

  /**
   * The unrevoked permits naming this plate whose window has not ended at {@code now}; a permit's id
   * is its application's, so the applications' plate index finds them.
   */
  List<Permit> unendedPermitsOf(String plate, Instant now) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      List<Permit> found = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("select p.body from appointment_plate ap"
          + " join permit p on p.permit_id = ap.application_id"
          + " where ap.plate = ? and p.window_until > ? and p.revoked_at is null")) {
        select.setString(1, plate);
        select.setObject(2, TripTable.utc(now));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(TripProtos.decode(rows.getString(1), Permit.parser()));
          }
        }
      }
      return found;
    }));
  }

  private Optional<String> one(String sql, String key) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement(sql)) {
        select.setString(1, key);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
        }
      }
    }));
  }
}
