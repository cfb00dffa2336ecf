package io.cordon.server.event;

import io.cordon.server.persistence.TestDatabase;

/** Runs when CORDON_TEST_PG_URL names a PostgreSQL (CI does); skipped with a message otherwise. */
class GroupCommitOnPostgresTest extends GroupCommitContract {
  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.postgresOrSkip();
  }
}
