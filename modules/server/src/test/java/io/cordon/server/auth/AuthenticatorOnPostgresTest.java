package io.cordon.server.auth;

import io.cordon.server.persistence.TestDatabase;

/** Runs when CORDON_TEST_PG_URL names a PostgreSQL (CI does); skipped with a message otherwise. */
class AuthenticatorOnPostgresTest extends AuthenticatorContract {
  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.postgresOrSkip();
  }
}
