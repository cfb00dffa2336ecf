package io.cordon.server.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test: H2 in a temporary directory, or a new schema in the
 * PostgreSQL named by CORDON_TEST_PG_URL (dropped again by {@link #drop()}).
 */
public final class TestDatabase {

  public static final String PG_SKIP_MESSAGE = "PostgreSQL tests skipped: set CORDON_TEST_PG_URL";

  private static volatile boolean skipAnnounced;

  private final DatabaseSettings settings;
  private final Runnable dropper;

  private TestDatabase(DatabaseSettings settings, Runnable dropper) {
    this.settings = settings;
    this.dropper = dropper;
  }

  public static TestDatabase h2(Path dir) {
    return new TestDatabase(new DatabaseSettings(
        "jdbc:h2:file:" + dir.resolve("test").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "test", ""), () -> {
        });
  }

  /** A fresh schema in the test PostgreSQL; aborts the test visibly when none is configured. */
  public static TestDatabase postgresOrSkip() {
    requirePostgres();
    String url = System.getenv("CORDON_TEST_PG_URL");
    String user = System.getenv().getOrDefault("CORDON_TEST_PG_USER", "");
    String password = System.getenv().getOrDefault("CORDON_TEST_PG_PASSWORD", "");
    String schema = "cordon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    execute(url, user, password, "create schema " + schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(new DatabaseSettings(schemaUrl, user, password),
        () -> execute(url, user, password, "drop schema " + schema + " cascade"));
  }

  /** Aborts (each test counts as skipped; the message goes to stderr once) when no test PostgreSQL is configured. */
  public static void requirePostgres() {
    String url = System.getenv("CORDON_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if (!skipAnnounced) {
        skipAnnounced = true;
        System.err.println(PG_SKIP_MESSAGE);
      }
      Assumptions.abort(PG_SKIP_MESSAGE);
    }
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public void drop() {
    dropper.run();
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL", e);
    }
  }
}
