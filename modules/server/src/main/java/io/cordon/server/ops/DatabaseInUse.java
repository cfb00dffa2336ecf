package io.cordon.server.ops;

import java.sql.SQLException;

/** Turns H2's "database in use" into what the installer should do about it. */
final class DatabaseInUse {

  /** H2's DATABASE_ALREADY_OPEN_1: another process holds the database file. */
  static final int ALREADY_OPEN = 90020;

  private DatabaseInUse() {
  }

  static boolean is(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }

  static String explain(SQLException e, String action) {
    if (is(e)) {
      return "Cannot " + action + ": the database is in use by a running server (stop it: systemctl stop cordon-server;"
          + " or open H2 with AUTO_SERVER=TRUE in db.url for online backups)";
    }
    return "Cannot " + action + ": " + e.getMessage();
  }
}
