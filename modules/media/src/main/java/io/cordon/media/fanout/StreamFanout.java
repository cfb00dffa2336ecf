package io.cordon.media.fanout;

import io.cordon.media.pull.TsSink;
import io.cordon.media.ts.TsStartCache;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one pull's TS packets to every viewer. The same array goes to all viewers (no copy per viewer).
 * A viewer that cannot keep up is disconnected, so it never slows the others or grows memory. A new viewer
 * first gets the cached PAT/PMT and current GOP, then the live packets, with nothing lost or repeated between.
 */
public final class StreamFanout implements TsSink {
  private static final Logger LOG = LoggerFactory.getLogger(StreamFanout.class);

  private final String name;
  private final TsStartCache startCache;
  private final List<Viewer> viewers = new ArrayList<>();
  private volatile Viewer[] snapshot = new Viewer[0];

  public StreamFanout(String name, boolean gopCache, long maxGopBytes) {
    this.name = name;
    this.startCache = new TsStartCache(gopCache, maxGopBytes);
  }

  /** Adds a viewer; returns false when it could not even take the start packets (it is then disconnected). */
  public synchronized boolean add(Viewer viewer) {
    for (byte[] chunk : startCache.startChunks()) {
      if (!viewer.offer(chunk)) {
        viewer.disconnect("could not take the start of the stream");
        return false;
      }
    }
    viewers.add(viewer);
    snapshot = viewers.toArray(new Viewer[0]);
    return true;
  }

  public synchronized boolean remove(Viewer viewer) {
    boolean removed = viewers.remove(viewer);
    snapshot = viewers.toArray(new Viewer[0]);
    return removed;
  }

  /** Ends every viewer's stream (the pull is being replaced); they reconnect to the new one. */
  public synchronized void disconnectAll(String reason) {
    for (Viewer v : snapshot) {
      v.disconnect(reason);
    }
    viewers.clear();
    snapshot = new Viewer[0];
  }

  public int viewerCount() {
    return snapshot.length;
  }

  @Override
  public synchronized void onPackets(byte[] packets) {
    startCache.accept(packets);
    boolean dropped = false;
    for (Viewer v : snapshot) {
      if (!v.offer(packets)) {
        LOG.info("{}: dropping a viewer that cannot keep up", name);
        viewers.remove(v);
        dropped = true;
        v.disconnect("too slow: its queue is full");
      }
    }
    if (dropped) {
      snapshot = viewers.toArray(new Viewer[0]);
    }
  }

  @Override
  public synchronized void onRestart() {
    startCache.reset();
    for (Viewer v : snapshot) {
      v.sourceRestarted();
    }
  }
}
