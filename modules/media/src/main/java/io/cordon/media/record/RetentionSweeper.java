package io.cordon.media.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recordings: first every unprotected segment older than its camera's retention, then, while the free
 * space under the recordings directory is below {@code floorBytes}, the oldest unprotected segments of any
 * camera. Never a protected one: when only those are left it logs and tells the {@link DiskGuardAlert}.
 * {@link #sweep()} runs once (tests call it with their own clock); {@link #start} runs it on a schedule.
 */
public final class RetentionSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
  private static final int BATCH = 200;

  private final SegmentCatalog catalog;
  private final RetentionPolicy policy;
  private final Path root;
  private final long floorBytes;
  private final ToLongFunction<Path> freeSpace;
  private final DiskGuardAlert alert;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  /**
   * @param freeSpace usable bytes under a directory ({@link #usableSpace} in production; tests inject a figure)
   */
  public RetentionSweeper(SegmentCatalog catalog, RetentionPolicy policy, Path root, long floorBytes,
      ToLongFunction<Path> freeSpace, DiskGuardAlert alert, Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.root = root;
    this.floorBytes = floorBytes;
    this.freeSpace = freeSpace;
    this.alert = alert;
    this.clock = clock;
  }

  /** The file system's usable space under {@code dir} (0 when it cannot be read). */
  public static long usableSpace(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      LOG.warn("cannot read the free space under {}: {}", dir, e.toString());
      return 0;
    }
  }

  /** What one sweep did. */
  public record Result(int expired, int freedForSpace, boolean onlyProtectedLeft) {}

  public synchronized Result sweep() {
    Instant now = clock.instant();
    int expired = 0;
    for (String camera : catalog.cameras()) {
      Instant cutoff = now.minus(policy.keep(camera));
      List<RecordedSegment> batch;
      while (!(batch = catalog.expired(camera, cutoff, BATCH)).isEmpty()) {
        int deleted = delete(batch);
        expired += deleted;
        if (deleted == 0) {
          break;
        }
      }
    }
    int freed = 0;
    boolean onlyProtected = false;
    long free;
    while ((free = freeSpace.applyAsLong(root)) < floorBytes) {
      List<RecordedSegment> oldest = catalog.oldestUnprotected(16);
      if (oldest.isEmpty()) {
        long kept = catalog.protectedCount();
        LOG.error("recordings: {} bytes free under {}, below the floor of {}, and only {} protected segments are "
            + "left; nothing more may be deleted", free, root, floorBytes, kept);
        alert.onlyProtectedLeft(root, free, floorBytes, kept);
        onlyProtected = true;
        break;
      }
      int deleted = 0;
      for (RecordedSegment s : oldest) {
        deleted += delete(List.of(s));
        if (freeSpace.applyAsLong(root) >= floorBytes) {
          break;
        }
      }
      freed += deleted;
      if (deleted == 0) {
        break;
      }
    }
    if (expired + freed > 0) {
      LOG.info("recordings: deleted {} expired segments and {} more for disk space", expired, freed);
    }
    return new Result(expired, freed, onlyProtected);
  }

  private int delete(List<RecordedSegment> segments) {
    int deleted = 0;
    for (RecordedSegment s : segments) {
      try {
        Files.deleteIfExists(s.path());
        catalog.removed(s);
        deleted++;
      } catch (IOException e) {
        LOG.warn("recordings: cannot delete {}: {}", s.path(), e.toString());
      }
    }
    return deleted;
  }

  /** Sweeps every {@code period}, the first time at once. */
  public synchronized void start(Duration period) {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "recording-retention");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        sweep();
      } catch (RuntimeException e) {
        LOG.error("recording retention sweep failed", e);
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
