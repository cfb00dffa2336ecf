package io.cordon.devices.gate.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.LoopPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordQueueTest {

  @TempDir
  Path dir;

  private static AccessRecord record(String id, boolean passed) {
    return AccessRecord.newBuilder().setRecordId(id).setLaneId("L1").setDirection(Direction.DIRECTION_ENTRY)
        .setTime(EdgeFixtures.ts(EdgeFixtures.NOW)).setPassed(passed).setRule(passed ? "PERMIT_VALID" : "NO_PERMIT")
        .setDecidedOffline(true).build();
  }

  @Test
  void queuedRecordsSurviveARestart() {
    RecordQueue queue = new RecordQueue(dir, "a1");
    queue.append(record(queue.nextId(), true));
    queue.append(record(queue.nextId(), false));

    assertThat(new RecordQueue(dir, "a1").pending()).hasSize(2);
  }

  @Test
  void acknowledgedRecordsDoNotComeBackAfterARestart() {
    RecordQueue queue = new RecordQueue(dir, "a1");
    String first = queue.nextId();
    queue.append(record(first, true));
    queue.append(record(queue.nextId(), true));
    queue.acknowledged(List.of(first));

    RecordQueue restarted = new RecordQueue(dir, "a1");
    assertThat(restarted.pending()).extracting(RecordQueue.Item::id).doesNotContain(first).hasSize(1);
  }

  @Test
  void idsNeverRepeatAcrossRestartsEvenAfterTheQueueEmptied() {
    Set<String> ids = new HashSet<>();
    for (int run = 0; run < 3; run++) {
      RecordQueue queue = new RecordQueue(dir, "a1");
      for (int i = 0; i < 5; i++) {
        String id = queue.nextId();
        assertThat(ids.add(id)).as(id).isTrue();
        queue.append(record(id, true));
        queue.acknowledged(List.of(id));
      }
    }
  }

  @Test
  void batchesAreOldestFirstAndStopAtTheFirstRecordNotReady() {
    RecordQueue queue = new RecordQueue(dir, "a1");
    String a = queue.nextId();
    String b = queue.nextId();
    String c = queue.nextId();
    queue.append(record(a, false));
    queue.append(record(b, true));
    queue.append(record(c, false));

    assertThat(queue.nextRecords(500, r -> !r.getPassed())).extracting(AccessRecord::getRecordId).containsExactly(a);
    assertThat(queue.nextRecords(2, r -> true)).extracting(AccessRecord::getRecordId).containsExactly(a, b);
  }

  @Test
  void aNewerVersionOfARecordReplacesTheOlderOneInPlace() {
    RecordQueue queue = new RecordQueue(dir, "a1");
    String a = queue.nextId();
    String b = queue.nextId();
    queue.append(record(a, true));
    queue.append(record(b, true));
    queue.append(record(a, true).toBuilder().setPassageTime(EdgeFixtures.ts(EdgeFixtures.NOW)).build());

    List<AccessRecord> restored = new RecordQueue(dir, "a1").nextRecords(500, r -> true);
    assertThat(restored).extracting(AccessRecord::getRecordId).containsExactly(a, b);
    assertThat(restored.get(0).hasPassageTime()).isTrue();
  }

  @Test
  void passagesAreQueuedAlongsideRecords() {
    RecordQueue queue = new RecordQueue(dir, "a1");
    queue.append(LoopPassage.newBuilder().setRequestId(queue.nextId()).setLaneId("L1").build());
    assertThat(new RecordQueue(dir, "a1").passages()).hasSize(1);
  }

  @Test
  void aTornLastWriteKeepsTheRecordsBeforeIt() throws IOException {
    RecordQueue queue = new RecordQueue(dir, "a1");
    queue.append(record(queue.nextId(), true));
    Files.write(dir.resolve(RecordQueue.LOG), new byte[] {(byte) 0x40, 0x0a, 0x05}, StandardOpenOption.APPEND);

    assertThat(new RecordQueue(dir, "a1").pending()).hasSize(1);
  }
}
