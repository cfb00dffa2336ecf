package io.cordon.server.incident;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** An incident's timeline and its report hand-over on PostgreSQL. */
class IncidentTimelineAndReportOnPostgresTest extends IncidentTimelineAndReportOverGrpcTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
