package io.cordon.server.video.recording;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** The same evidence and retention rules on PostgreSQL (CORDON_TEST_PG_URL). */
class AlarmEvidenceProtectionOnPostgresTest extends AlarmEvidenceProtectionTest {
  @Override
  TestDatabase freshDatabase(Path where) {
    return TestDatabase.postgresOrSkip();
  }
}
