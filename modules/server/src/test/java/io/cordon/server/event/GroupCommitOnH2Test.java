package io.cordon.server.event;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitOnH2Test extends GroupCommitContract {
  @TempDir
  Path dir;

  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.h2(dir);
  }
}
