package io.cordon.media.fanout;

import io.cordon.media.pull.CameraPull;
import io.cordon.media.pull.PullHealth;
import io.cordon.media.pull.PullSettings;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pulls that run because someone watches: the first viewer of a camera stream starts its pull, and the
 * pull stops {@code linger} after its last viewer left (a viewer coming back within it reuses the pull).
 */
public final class LivePulls implements AutoCloseable {
  private final PullSettings settings;
  private final Duration linger;
  private final boolean gopCache;
  private final long maxGopBytes;
  private final ScheduledExecutorService scheduler;
  private final Map<Key, Entry> entries = new HashMap<>();
  private boolean closed;

  public LivePulls(PullSettings settings, Duration linger, boolean gopCache, long maxGopBytes) {
    this.settings = settings;
    this.linger = linger;
    this.gopCache = gopCache;
    this.maxGopBytes = maxGopBytes;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "media-pulls");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts (or joins) the pull of {@code stream} for {@code viewer}; close the subscription when the viewer leaves. */
  public Subscription watch(CameraStream stream, Viewer viewer) {
    Entry entry;
    synchronized (this) {
      if (closed) {
        viewer.disconnect("relay closed");
        return new Subscription(() -> { });
      }
      Key key = new Key(stream.cameraId(), stream.profile());
      entry = entries.get(key);
      if (entry == null) {
        StreamFanout fanout = new StreamFanout(stream.toString(), gopCache, maxGopBytes);
        entry = new Entry(key, new CameraPull(stream, settings, fanout, scheduler), fanout);
        entries.put(key, entry);
        entry.pull.start();
      }
      if (entry.stopTask != null) {
        entry.stopTask.cancel(false);
        entry.stopTask = null;
      }
      entry.fanout.add(viewer);
    }
    Entry joined = entry;
    return new Subscription(() -> leave(joined, viewer));
  }

  private void leave(Entry entry, Viewer viewer) {
    synchronized (this) {
      entry.fanout.remove(viewer);
      if (entry.fanout.viewerCount() == 0 && entry.stopTask == null && entries.get(entry.key) == entry) {
        entry.stopTask = scheduler.schedule(() -> stopIfUnwatched(entry), linger.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void stopIfUnwatched(Entry entry) {
    synchronized (this) {
      if (entry.fanout.viewerCount() > 0 || entries.get(entry.key) != entry) {
        return;
      }
      entries.remove(entry.key);
    }
    // closing waits for ffmpeg to exit: keep that off the scheduler, which also runs the stall watchdogs
    java.util.concurrent.CompletableFuture.runAsync(entry.pull::close);
  }

  /** Health of every running pull, sorted by camera and profile. */
  public synchronized List<PullHealth> health() {
    List<PullHealth> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(e.pull.health().withViewers(e.fanout.viewerCount()));
    }
    out.sort(Comparator.comparing(PullHealth::cameraId).thenComparing(PullHealth::profile));
    return out;
  }

  /** The running pull of a stream, if any. */
  public synchronized Optional<CameraPull> pull(String cameraId, StreamProfile profile) {
    Entry e = entries.get(new Key(cameraId, profile));
    return e == null ? Optional.empty() : Optional.of(e.pull);
  }

  /** Stops every pull and waits for every ffmpeg child to exit. */
  @Override
  public void close() {
    List<Entry> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(entries.values());
      entries.clear();
    }
    all.parallelStream().forEach(e -> e.pull.close());
    scheduler.shutdownNow();
  }

  /** A viewer's membership of a pull. Closing it more than once is harmless. */
  public static final class Subscription implements AutoCloseable {
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    Subscription(Runnable onClose) {
      this.onClose = onClose;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        onClose.run();
      }
    }
  }

  private record Key(String cameraId, StreamProfile profile) {}

  private static final class Entry {
    final Key key;
    final CameraPull pull;
    final StreamFanout fanout;
    ScheduledFuture<?> stopTask;

    Entry(Key key, CameraPull pull, StreamFanout fanout) {
      this.key = key;
      this.pull = pull;
      this.fanout = fanout;
    }
  }
}
