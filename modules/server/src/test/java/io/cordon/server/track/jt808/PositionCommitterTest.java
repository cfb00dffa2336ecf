package io.cordon.server.track.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.cordon.server.track.LiveFix;
import io.cordon.server.track.LiveTags;
import io.cordon.server.track.LiveVehiclePositions;
import io.cordon.server.track.TrackSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit keeps the order the lanes queued their batches in: what the live view shows of a
 * vehicle after one commit is what the last batch said of it, whether that was a fix or a clock
 * tick's retag.
 */
class PositionCommitterTest {

  private static final String PLATE = "苏E12345";
  private static final LiveTags BEFORE = tags(List.of("EARLY_ENTRY"));
  private static final LiveTags AFTER_TICK = tags(List.of());
  private static final LiveTags SOS = tags(List.of("TERMINAL_ALARM"));

  @TempDir Path dir;

  private Database database;
  private LiveVehiclePositions live;
  private PositionCommitter committer;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.h2(dir).settings(), List.of());
    live = new LiveVehiclePositions(TrackSettings.defaults(), Clock.systemUTC());
    committer = new PositionCommitter(database, live, new IntakeCounters(), 20_000);
  }

  @AfterEach
  void close() {
    release.countDown();
    committer.close();
    database.close();
  }

  @Test
  void aFixQueuedAfterAClockTicksRetagKeepsItsTagsWhenBothCommitTogether() throws Exception {
    CompletableFuture<Void> first = submit(fix(1_000, BEFORE), null);
    first.get(10, TimeUnit.SECONDS);
    assertThat(live.tags(PLATE)).contains(BEFORE);

    holdTheCommitter(); // the next two wait in the queue and go in one group
    submit(null, () -> live.retag(PLATE, AFTER_TICK));
    CompletableFuture<Void> sos = submit(fix(2_000, SOS), null);
    release.countDown();
    sos.get(10, TimeUnit.SECONDS);

    assertThat(live.tags(PLATE)).contains(SOS);
  }

  @Test
  void aRetagQueuedAfterAFixWinsWhenBothCommitTogether() throws Exception {
    submit(fix(1_000, SOS), null).get(10, TimeUnit.SECONDS);

    holdTheCommitter();
    submit(fix(2_000, SOS), null);
    CompletableFuture<Void> tick = submit(null, () -> live.retag(PLATE, AFTER_TICK));
    release.countDown();
    tick.get(10, TimeUnit.SECONDS);

    assertThat(live.tags(PLATE)).contains(AFTER_TICK);
  }

  /** Queues a batch whose after-commit step blocks the committer thread until {@link #release}. */
  private void holdTheCommitter() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    submit(null, () -> {
      held.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private CompletableFuture<Void> submit(LiveFix fix, Runnable afterCommit) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<LiveFix> shown = new ArrayList<>();
    if (fix != null) {
      shown.add(fix);
    }
    committer.submit(new WriteBatch(List.of(), shown, afterCommit, null, done));
    return done;
  }

  private static LiveFix fix(long secondsAfterEpoch, LiveTags tags) {
    long millis = 1_790_000_000_000L + secondsAfterEpoch * 1_000;
    return new LiveFix(PLATE, PlateColor.YELLOW, VehicleClass.HAZMAT,
        new TrackPoint(120.944322, 31.935, 90, 25, millis), tags);
  }

  private static LiveTags tags(List<String> violations) {
    return new LiveTags("014700000001", "TRIP-1", "PERMIT-1", false, violations);
  }
}
