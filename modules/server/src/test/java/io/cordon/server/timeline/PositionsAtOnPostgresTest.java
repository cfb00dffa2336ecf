package io.cordon.server.timeline;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** Positions under the timeline's cursor on PostgreSQL (last fix per plate, age limit, plates, area). */
class PositionsAtOnPostgresTest extends PositionsAtOverGrpcTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
