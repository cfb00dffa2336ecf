package io.cordon.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.exception.DataException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database: migrated by Flyway on open, mapped by Hibernate (which only validates the
 * schema, never changes it). Closing it releases every connection, so an H2 file database can be
 * opened again in the same JVM.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;

  private Database(HikariDataSource dataSource, SessionFactory sessionFactory) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
  }

  /**
   * Opens the database, applies pending migrations and maps the given entity classes.
   *
   * @param entityClasses the Hibernate entities of every feature (they are package-private)
   */
  public static Database open(DatabaseSettings settings, List<Class<?>> entityClasses) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(settings.url());
    pool.setUsername(settings.user());
    pool.setPassword(settings.password());
    pool.setMaximumPoolSize(8);
    pool.setPoolName("cordon-db");
    pool.setAutoCommit(false);
    HikariDataSource dataSource = new HikariDataSource(pool);
    try {
      Flyway flyway = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load();
      int applied = flyway.migrate().migrationsExecuted;
      log.info("Database {} at schema version {} ({} migrations applied now)", settings.url(),
          flyway.info().current().getVersion(), applied);
      SessionFactory sessionFactory = new HibernatePersistenceConfiguration("cordon")
          .managedClasses(entityClasses)
          .property(AvailableSettings.DATASOURCE, dataSource)
          .property(AvailableSettings.HBM2DDL_AUTO, "validate")
          .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
          .property(AvailableSettings.ORDER_INSERTS, true)
          .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
          .createEntityManagerFactory();
      return new Database(dataSource, sessionFactory);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Runs work in one transaction and commits it before returning.
   *
   * @throws RejectedDataException when the database refuses a value (retrying cannot help)
   */
  public <T> T inTransaction(Function<Session, T> work) {
    try {
      return sessionFactory.fromTransaction(work);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  /**
   * Runs work in one transaction and commits it before returning.
   *
   * @throws RejectedDataException when the database refuses a value (retrying cannot help)
   */
  public void runInTransaction(Consumer<Session> work) {
    try {
      sessionFactory.inTransaction(work);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  /** A data exception (SQL state class 22) becomes a {@link RejectedDataException}; others pass. */
  static RuntimeException translated(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RejectedDataException) {
        return e;
      }
      String state = t instanceof SQLException sql ? sql.getSQLState()
          : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
      if (t instanceof DataException || (state != null && state.startsWith("22"))) {
        return new RejectedDataException("the database refused a value: " + t.getMessage(), e);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return e;
  }

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      dataSource.close();
    }
  }
}
