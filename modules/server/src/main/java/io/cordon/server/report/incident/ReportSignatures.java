package io.cordon.server.report.incident;

import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The reports this server signed ({@code report_signature}, V12), by the SHA-256 of their bytes. */
final class ReportSignatures {

  /** One signed report. */
  record Signature(String sha256, String sm3, String incidentId, long journalSeq, Instant renderedAt,
      String renderedBy, String fileName) {}

  private final Database database;

  ReportSignatures(Database database) {
    this.database = database;
  }

  /** Records a signature inside the journal's transaction; identical bytes signed again keep the first record. */
  static void insert(Connection c, Signature s) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("select 1 from report_signature where sha256 = ?")) {
      exists.setString(1, s.sha256());
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    }
    try (PreparedStatement insert = c.prepareStatement("insert into report_signature (sha256, sm3, incident_id,"
        + " journal_seq, rendered_at, rendered_by, file_name) values (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, s.sha256());
      insert.setString(2, s.sm3());
      insert.setString(3, s.incidentId());
      insert.setLong(4, s.journalSeq());
      insert.setObject(5, OffsetDateTime.ofInstant(s.renderedAt(), ZoneOffset.UTC));
      insert.setString(6, s.renderedBy());
      insert.setString(7, s.fileName());
      insert.executeUpdate();
    }
  }

  Optional<Signature> find(String sha256) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select sha256, sm3, incident_id, journal_seq, rendered_at,"
          + " rendered_by, file_name from report_signature where sha256 = ?")) {
        select.setString(1, sha256);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.<Signature>empty();
          }
          return Optional.of(new Signature(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
              rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6), rows.getString(7)));
        }
      }
    }));
  }
}
