package io.cordon.server.registration;

import io.cordon.server.ServerConfig;
import io.cordon.server.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** The sweep's queries and once-only notices, capacity and the ladder on PostgreSQL. */
class RegistrationClockAndLimitsOnPostgresTest extends RegistrationClockAndLimitsTest {

  private TestDatabase database;

  @Override
  ServerConfig.Builder config() {
    if (database == null) {
      database = TestDatabase.postgresOrSkip();
    }
    return super.config().databaseUrl(database.settings().url()).databaseUser(database.settings().user())
        .databasePassword(database.settings().password());
  }

  @AfterAll
  @Override
  void stop() {
    super.stop();
    if (database != null) {
      database.drop();
    }
  }
}
