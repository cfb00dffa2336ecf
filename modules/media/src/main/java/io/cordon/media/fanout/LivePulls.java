package io.cordon.media.fanout;

import io.cordon.media.pull.CameraPull;
import io.cordon.media.pull.PullHealth;
import io.cordon.media.pull.PullSettings;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pulls that run because someone watches, or because they are on standby. The first viewer of a camera
 * stream starts its pull, and the pull stops {@code linger} after its last viewer left (a viewer coming back
 * within it reuses the pull). A standby stream is pulled as if a viewer never left: it runs with nobody
 * watching, so a viewer called up by an alarm joins a running pull and gets the cached GOP at once instead
 * of waiting for ffmpeg, RTSP set-up and the camera's next key frame.
 */
public final class LivePulls implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LivePulls.class);

  private final PullSettings settings;
  private final Duration linger;
  private final boolean gopCache;
  private final long maxGopBytes;
  private final ScheduledExecutorService scheduler;
  private final Map<StreamKey, Entry> entries = new HashMap<>();
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
      entry = running(stream);
      entry.cancelStop();
      entry.fanout.add(viewer);
    }
    Entry joined = entry;
    return new Subscription(() -> leave(joined, viewer));
  }

  /**
   * Keeps exactly {@code streams} pulled whether watched or not. A stream added starts its pull (or keeps the
   * running one); a stream dropped from the set is treated as if its last viewer had just left: it lingers out
   * when nobody watches, else runs on for its viewers. A standby stream whose address or login changed is
   * pulled anew; the viewers of the old pull are disconnected and reconnect to the new one.
   */
  public void standby(Collection<CameraStream> streams) {
    List<Entry> retired = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      Map<StreamKey, CameraStream> wanted = new HashMap<>();
      streams.forEach(s -> wanted.put(StreamKey.of(s), s));
      for (Entry e : entries.values()) {
        if (e.standby && !wanted.containsKey(e.key)) {
          e.standby = false;
          LOG.info("pull {} left standby", e.key);
          lingerIfUnwatched(e);
        }
      }
      for (CameraStream stream : wanted.values()) {
        Entry e = entries.get(StreamKey.of(stream));
        if (e != null && !e.pull.stream().equals(stream)) {
          entries.remove(e.key);
          e.cancelStop();
          e.fanout.disconnectAll("the camera's stream settings changed");
          retired.add(e);
        }
        e = running(stream);
        e.cancelStop();
        if (!e.standby) {
          e.standby = true;
          LOG.info("pull {} on standby", e.key);
        }
      }
    }
    retired.forEach(e -> CompletableFuture.runAsync(e.pull::close));
  }

  /** The running entry of {@code stream}, started if there is none. Call holding this. */
  private Entry running(CameraStream stream) {
    StreamKey key = StreamKey.of(stream);
    Entry entry = entries.get(key);
    if (entry == null) {
      StreamFanout fanout = new StreamFanout(stream.toString(), gopCache, maxGopBytes);
      entry = new Entry(key, new CameraPull(stream, settings, fanout, scheduler), fanout);
      entries.put(key, entry);
      entry.pull.start();
    }
    return entry;
  }

  private void leave(Entry entry, Viewer viewer) {
    synchronized (this) {
      entry.fanout.remove(viewer);
      lingerIfUnwatched(entry);
    }
  }

  /** Schedules the stop of a pull nobody watches and nothing keeps on standby. Call holding this. */
  private void lingerIfUnwatched(Entry entry) {
    if (!entry.standby && entry.fanout.viewerCount() == 0 && entry.stopTask == null
        && entries.get(entry.key) == entry) {
      entry.stopTask = scheduler.schedule(() -> stopIfUnwatched(entry), linger.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void stopIfUnwatched(Entry entry) {
    synchronized (this) {
      if (entry.standby || entry.fanout.viewerCount() > 0 || entries.get(entry.key) != entry) {
        return;
      }
      entries.remove(entry.key);
    }
    // closing waits for ffmpeg to exit: keep that off the scheduler, which also runs the stall watchdogs
    CompletableFuture.runAsync(entry.pull::close);
  }

  /** Health of every running pull, sorted by camera and profile. */
  public synchronized List<PullHealth> health() {
    List<PullHealth> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(e.pull.health().withViewers(e.fanout.viewerCount()).withStandby(e.standby));
    }
    out.sort(Comparator.comparing(PullHealth::cameraId).thenComparing(PullHealth::profile));
    return out;
  }

  /** The running pull of a stream, if any. */
  public synchronized Optional<CameraPull> pull(String cameraId, StreamProfile profile) {
    Entry e = entries.get(new StreamKey(cameraId, profile));
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

  /** One running pull; every field is guarded by the enclosing LivePulls. */
  private static final class Entry {
    final StreamKey key;
    final CameraPull pull;
    final StreamFanout fanout;
    ScheduledFuture<?> stopTask;
    boolean standby;

    Entry(StreamKey key, CameraPull pull, StreamFanout fanout) {
      this.key = key;
      this.pull = pull;
      this.fanout = fanout;
    }

    void cancelStop() {
      if (stopTask != null) {
        stopTask.cancel(false);
        stopTask = null;
      }
    }
  }
}
