package io.cordon.server.incident;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** An incident's lifecycle on PostgreSQL: numbering per day, windows, subjects, alarms added, the close. */
class IncidentLifecycleOnPostgresTest extends IncidentLifecycleOverGrpcTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
