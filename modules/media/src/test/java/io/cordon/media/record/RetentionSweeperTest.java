package io.cordon.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.media.source.StreamProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention per camera group and the disk-space guard, on real files with an injected clock and free space. */
class RetentionSweeperTest {
  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
  private static final long SEGMENT_BYTES = 1000;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir
  Path root;
  private ProtectingCatalog catalog;
  private final List<String> alerts = new ArrayList<>();

  @BeforeEach
  void catalog() {
    catalog = new ProtectingCatalog(DirectorySegmentCatalog.scan(new SegmentFiles(root)));
  }

  private RecordedSegment segment(String camera, Duration age) throws Exception {
    Instant start = NOW.minus(age);
    Path file = new SegmentFiles(root).partial(camera, StreamProfile.MAIN, start);
    Files.createDirectories(file.getParent());
    Path done = SegmentFiles.done(file, start.plusSeconds(60));
    Files.write(done, new byte[(int) SEGMENT_BYTES]);
    RecordedSegment s = new RecordedSegment(camera, StreamProfile.MAIN, start, start.plusSeconds(60), SEGMENT_BYTES,
        done);
    catalog.recorded(s);
    return s;
  }

  private RetentionSweeper sweeper(RetentionPolicy policy, long floor, AtomicLong free) {
    return new RetentionSweeper(catalog, policy, root, floor, dir -> free.get(),
        (dir, freeBytes, floorBytes, kept) -> alerts.add(freeBytes + "<" + floorBytes + ", " + kept + " protected"),
        clock);
  }

  private RetentionSweeper sweeper(RetentionPolicy policy) {
    return sweeper(policy, 0, new AtomicLong(Long.MAX_VALUE));
  }

  @Test
  void segmentsOlderThanTheDefaultNinetyDaysAreDeleted() throws Exception {
    RecordedSegment old = segment("cam-1", Duration.ofDays(91));
    RecordedSegment recent = segment("cam-1", Duration.ofDays(89));

    sweeper(RetentionPolicy.defaults()).sweep();

    assertThat(Files.exists(old.path())).isFalse();
    assertThat(Files.exists(recent.path())).isTrue();
    assertThat(catalog.all()).containsExactly(recent);
  }

  @Test
  void eachCameraGroupKeepsItsOwnRetention() throws Exception {
    RecordedSegment gateCamera = segment("gate-cam", Duration.ofDays(10));
    RecordedSegment perimeterCamera = segment("fence-cam", Duration.ofDays(10));
    RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(90), Map.of("gates", Duration.ofDays(7)),
        Map.of("gate-cam", "gates"));

    sweeper(policy).sweep();

    assertThat(Files.exists(gateCamera.path())).isFalse();
    assertThat(Files.exists(perimeterCamera.path())).isTrue();
  }

  @Test
  void aProtectedSegmentOutlivesItsRetention() throws Exception {
    RecordedSegment evidence = segment("cam-1", Duration.ofDays(200));
    catalog.protect(evidence);

    sweeper(RetentionPolicy.defaults()).sweep();

    assertThat(Files.exists(evidence.path())).isTrue();
  }

  @Test
  void belowTheFloorTheOldestUnprotectedSegmentsGoFirstUntilSpaceIsBack() throws Exception {
    RecordedSegment oldest = segment("cam-1", Duration.ofHours(3));
    RecordedSegment middle = segment("cam-2", Duration.ofHours(2));
    RecordedSegment newest = segment("cam-1", Duration.ofHours(1));
    long floor = 10_000;
    AtomicLong free = new AtomicLong(floor - 2 * SEGMENT_BYTES);
    RetentionSweeper sweeper = new RetentionSweeper(catalog, RetentionPolicy.defaults(), root, floor,
        dir -> free.get() + deletedBytes(oldest, middle, newest), (d, f, fl, k) -> alerts.add("alert"), clock);

    RetentionSweeper.Result result = sweeper.sweep();

    assertThat(result.freedForSpace()).isEqualTo(2);
    assertThat(Files.exists(oldest.path())).isFalse();
    assertThat(Files.exists(middle.path())).isFalse();
    assertThat(Files.exists(newest.path())).isTrue();
    assertThat(alerts).isEmpty();
  }

  @Test
  void theDiskGuardNeverDeletesAProtectedSegmentAndRaisesAnAlertWhenOnlyThoseAreLeft() throws Exception {
    RecordedSegment evidence = segment("cam-1", Duration.ofHours(3));
    RecordedSegment ordinary = segment("cam-1", Duration.ofHours(2));
    catalog.protect(evidence);

    RetentionSweeper.Result result = sweeper(RetentionPolicy.defaults(), 10_000, new AtomicLong(10)).sweep();

    assertThat(Files.exists(evidence.path())).isTrue();
    assertThat(Files.exists(ordinary.path())).isFalse();
    assertThat(result.onlyProtectedLeft()).isTrue();
    assertThat(alerts).containsExactly("10<10000, 1 protected");
  }

  @Test
  void aSweepWithEnoughSpaceAndNothingExpiredDeletesNothing() throws Exception {
    RecordedSegment s = segment("cam-1", Duration.ofDays(1));

    RetentionSweeper.Result result = sweeper(RetentionPolicy.defaults(), 10_000, new AtomicLong(1 << 30)).sweep();

    assertThat(result).isEqualTo(new RetentionSweeper.Result(0, 0, false));
    assertThat(Files.exists(s.path())).isTrue();
  }

  private static long deletedBytes(RecordedSegment... segments) {
    long bytes = 0;
    for (RecordedSegment s : segments) {
      if (!Files.exists(s.path())) {
        bytes += s.bytes();
      }
    }
    return bytes;
  }

  /** The directory catalog plus a protected set, as the server's database catalog has. */
  private static final class ProtectingCatalog implements SegmentCatalog {
    private final DirectorySegmentCatalog delegate;
    private final Set<Path> protectedPaths = new HashSet<>();

    ProtectingCatalog(DirectorySegmentCatalog delegate) {
      this.delegate = delegate;
    }

    void protect(RecordedSegment s) {
      protectedPaths.add(s.path());
    }

    List<RecordedSegment> all() {
      List<RecordedSegment> out = new ArrayList<>();
      for (String c : delegate.cameras()) {
        out.addAll(delegate.segments(c, StreamProfile.MAIN, Instant.EPOCH, Instant.MAX));
      }
      return out;
    }

    @Override
    public void recorded(RecordedSegment segment) {
      delegate.recorded(segment);
    }

    @Override
    public List<RecordedSegment> segments(String cameraId, StreamProfile profile, Instant from, Instant to) {
      return delegate.segments(cameraId, profile, from, to);
    }

    @Override
    public List<String> cameras() {
      return delegate.cameras();
    }

    @Override
    public List<RecordedSegment> expired(String cameraId, Instant endedBefore, int limit) {
      return delegate.expired(cameraId, endedBefore, Integer.MAX_VALUE).stream()
          .filter(s -> !protectedPaths.contains(s.path())).limit(limit).toList();
    }

    @Override
    public List<RecordedSegment> oldestUnprotected(int limit) {
      return delegate.oldestUnprotected(Integer.MAX_VALUE).stream()
          .filter(s -> !protectedPaths.contains(s.path())).limit(limit).toList();
    }

    @Override
    public long protectedCount() {
      return protectedPaths.size();
    }

    @Override
    public void removed(RecordedSegment segment) {
      delegate.removed(segment);
    }
  }
}
