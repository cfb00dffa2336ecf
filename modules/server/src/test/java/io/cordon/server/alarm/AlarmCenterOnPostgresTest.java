package io.cordon.server.alarm;

import io.cordon.server.ServerConfig;
import io.cordon.server.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** The alarm center on PostgreSQL: its tables, the batch commit with the journal, the reload. */
class AlarmCenterOnPostgresTest extends AlarmCenterOverGrpcTest {

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
