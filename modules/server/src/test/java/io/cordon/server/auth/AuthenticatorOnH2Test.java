package io.cordon.server.auth;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorOnH2Test extends AuthenticatorContract {
  @TempDir
  Path dir;

  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.h2(dir);
  }
}
