package io.cordon.server.ops;

import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Sets the password of the "admin" account, creating it when absent. A password set here replaces
 * any earlier one (an installer's reset), ends the admin's sessions and clears the demo mark, so
 * no well-known password survives {@code init}.
 */
final class AdminAccount {

  static final String USERNAME = "admin";
  /** Shorter passwords are refused: the admin account can change every other one. */
  static final int MIN_LENGTH = 8;

  private AdminAccount() {
  }

  /** Returns true when the account was created, false when its password was replaced. */
  static boolean setPassword(Database database, PasswordHasher hasher, String password, Instant now) {
    if (password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the admin password must have at least " + MIN_LENGTH + " characters");
    }
    String hash = hasher.hash(password);
    return database.inTransaction(session -> session.doReturningWork(connection -> upsert(connection, hash, now)));
  }

  private static boolean upsert(Connection connection, String hash, Instant now) throws SQLException {
    boolean exists;
    try (PreparedStatement find = connection.prepareStatement("select 1 from users where username = ?")) {
      find.setString(1, USERNAME);
      try (ResultSet rows = find.executeQuery()) {
        exists = rows.next();
      }
    }
    if (exists) {
      try (PreparedStatement update = connection.prepareStatement(
          "update users set password_hash = ?, demo = false where username = ?")) {
        update.setString(1, hash);
        update.setString(2, USERNAME);
        update.executeUpdate();
      }
      try (PreparedStatement sessions = connection.prepareStatement("delete from user_session where username = ?")) {
        sessions.setString(1, USERNAME);
        sessions.executeUpdate();
      }
    } else {
      try (PreparedStatement insert = connection.prepareStatement(
          "insert into users (username, display_name, password_hash, created_at, demo) values (?, ?, ?, ?, false)")) {
        insert.setString(1, USERNAME);
        insert.setString(2, "系统管理员");
        insert.setString(3, hash);
        insert.setTimestamp(4, Timestamp.from(now));
        insert.executeUpdate();
      }
    }
    boolean hasRole;
    try (PreparedStatement find = connection.prepareStatement(
        "select 1 from user_role where username = ? and role_name = 'ADMIN'")) {
      find.setString(1, USERNAME);
      try (ResultSet rows = find.executeQuery()) {
        hasRole = rows.next();
      }
    }
    if (!hasRole) {
      try (PreparedStatement role = connection.prepareStatement(
          "insert into user_role (username, role_name) values (?, 'ADMIN')")) {
        role.setString(1, USERNAME);
        role.executeUpdate();
      }
    }
    return !exists;
  }
}
