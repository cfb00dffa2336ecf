package io.cordon.server.track;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** The position table's JDBC batches and streaming restore on PostgreSQL. */
class PositionTableOnPostgresTest extends PositionTableTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
