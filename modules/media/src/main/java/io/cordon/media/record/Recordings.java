package io.cordon.media.record;

import io.cordon.media.fanout.LivePulls;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.source.StreamKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous recording of a set of streams, hosted by the relay. Each recorded stream has a permanent
 * {@link SegmentRecorder} among the viewers of its pull, which therefore runs with nobody watching (it shows one
 * more viewer in the relay's health). A recorder the pull drops is re-attached after a second.
 */
public final class Recordings implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Recordings.class);

  private final LivePulls pulls;
  private final CameraStreamSource source;
  private final RecordingSettings settings;
  private final SegmentFiles files;
  private final SegmentCatalog catalog;
  private final Clock clock;
  private final ScheduledExecutorService retry;
  private final Map<StreamKey, Attached> recording = new HashMap<>();
  private Set<StreamKey> wanted = Set.of();
  /** Streams the source did not know when last asked; each is logged once while it stays unknown. */
  private final Set<StreamKey> unknown = new HashSet<>();
  private boolean closed;

  private record Attached(SegmentRecorder recorder, LivePulls.Subscription subscription) {}

  public Recordings(LivePulls pulls, CameraStreamSource source, RecordingSettings settings, SegmentCatalog catalog,
      Clock clock) {
    this.pulls = pulls;
    this.source = source;
    this.settings = settings;
    this.files = new SegmentFiles(settings.root());
    this.catalog = catalog;
    this.clock = clock;
    this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "record-reattach");
      t.setDaemon(true);
      return t;
    });
  }

  public RecordingSettings settings() {
    return settings;
  }

  public SegmentFiles files() {
    return files;
  }

  public SegmentCatalog catalog() {
    return catalog;
  }

  /** Cuts clips of the recordings into {@link RecordingSettings#exportsDir()}. */
  public ClipExporter exporter() {
    return new ClipExporter(settings.exportsDir());
  }

  /**
   * Records exactly these streams from now on (replaces the previous set). A stream starting to record first
   * closes and indexes the partial segment a killed relay may have left. A stream the source does not know is
   * logged and retried with the next call.
   */
  public synchronized void record(Set<StreamKey> streams) {
    if (closed) {
      return;
    }
    wanted = Set.copyOf(streams);
    for (StreamKey key : new HashSet<>(recording.keySet())) {
      if (!wanted.contains(key)) {
        detach(key);
      }
    }
    for (StreamKey key : wanted) {
      if (!recording.containsKey(key)) {
        PartialSegments.recover(files, key.cameraId(), key.profile(), catalog);
        attach(key);
      }
    }
  }

  /** The streams being recorded. */
  public synchronized Set<StreamKey> recorded() {
    return Set.copyOf(recording.keySet());
  }

  private void attach(StreamKey key) {
    Optional<CameraStream> stream = source.find(key.cameraId(), key.profile());
    if (stream.isEmpty()) {
      if (unknown.add(key)) {
        LOG.warn("cannot record {}: not a camera stream this relay knows (retried when asked again)", key);
      }
      return;
    }
    unknown.remove(key);
    SegmentWriter writer =
        new SegmentWriter(files, key.cameraId(), key.profile(), settings.segmentLength(), catalog);
    SegmentRecorder recorder = new SegmentRecorder(key, writer, clock, settings.maxQueuedBytes(),
        () -> retry.schedule(() -> reattach(key), 1, TimeUnit.SECONDS));
    recording.put(key, new Attached(recorder, pulls.watch(stream.get(), recorder)));
    LOG.info("recording {} into {}", key, files.cameraDir(key.cameraId()));
  }

  private synchronized void reattach(StreamKey key) {
    Attached old = recording.remove(key);
    if (old != null) {
      old.subscription().close();
      old.recorder().stop();
    }
    if (!closed && wanted.contains(key)) {
      attach(key);
    }
  }

  private void detach(StreamKey key) {
    Attached attached = recording.remove(key);
    if (attached != null) {
      attached.subscription().close();
      attached.recorder().stop();
      LOG.info("recording {} stopped", key);
    }
  }

  /** Stops every recorder; each running segment is closed and indexed. */
  @Override
  public void close() {
    List<StreamKey> keys;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      keys = new ArrayList<>(recording.keySet());
      keys.forEach(this::detach);
    }
    retry.shutdownNow();
  }
}
