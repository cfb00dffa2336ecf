package io.cordon.server.statistics;

import io.cordon.server.ServerConfig;
import io.cordon.server.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * Every statistics section on PostgreSQL: the V13 projections (stats_alarm, stats_goods and their stats_cursor)
 * caught up from the alarm and application tables, the bucketed, windowed and percentile queries over them.
 */
class StatisticsOnPostgresTest extends StatisticsOverGrpcTest {

  private TestDatabase database;

  @Override
  ServerConfig.Builder onDatabase(ServerConfig.Builder builder) {
    database = TestDatabase.postgresOrSkip();
    return builder.databaseUrl(database.settings().url()).databaseUser(database.settings().user())
        .databasePassword(database.settings().password());
  }

  @AfterEach
  @Override
  void stop() {
    super.stop();
    if (database != null) {
      database.drop();
    }
  }
}
