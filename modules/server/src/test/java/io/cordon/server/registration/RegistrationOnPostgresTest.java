package io.cordon.server.registration;

import io.cordon.server.ServerConfig;
import io.cordon.server.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** Registration on PostgreSQL: the V6 tables, the one-transaction writes with the journal, the reload. */
class RegistrationOnPostgresTest extends RegistrationOverGrpcTest {

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
