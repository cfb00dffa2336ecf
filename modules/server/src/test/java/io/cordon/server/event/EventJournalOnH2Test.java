package io.cordon.server.event;

import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class EventJournalOnH2Test extends EventJournalContract {
  @TempDir
  Path dir;

  @Override
  TestDatabase freshDatabase() {
    return TestDatabase.h2(dir);
  }
}
