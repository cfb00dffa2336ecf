package io.cordon.server.timeline;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/**
 * Timeline assembly on PostgreSQL: the journal's window, subject, area and zone reads (seq = any(array), the
 * bounding-box prefilter), alarm spans, tracks from vehicle_position.
 */
class TimelineAssemblyOnPostgresTest extends TimelineAssemblyOverGrpcTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
