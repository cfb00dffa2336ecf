package io.cordon.server.gate;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;

/** The gate-state projection on PostgreSQL (its catch-up reads the journal's tables with plain SQL). */
class JournalGateStatesOnPostgresTest extends JournalGateStatesTest {
  @Override
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.postgresOrSkip();
  }
}
