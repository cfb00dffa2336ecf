package io.cordon.media.record;

import io.cordon.media.fanout.Viewer;
import io.cordon.media.source.StreamKey;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one stream as a permanent viewer of its pull (so the camera is pulled once, for the wall and the
 * recording alike). The pull's thread only stamps and queues packets; a thread of its own writes them, so a
 * slow disk never delays live viewers.
 */
final class SegmentRecorder implements Viewer {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecorder.class);
  private static final byte[] RESTART = new byte[0];
  private static final byte[] END = new byte[0];

  private record Item(Instant at, byte[] packets) {}

  private final StreamKey key;
  private final SegmentWriter writer;
  private final Clock clock;
  private final long maxQueuedBytes;
  private final Runnable onDropped;
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Thread thread;

  SegmentRecorder(StreamKey key, SegmentWriter writer, Clock clock, long maxQueuedBytes, Runnable onDropped) {
    this.key = key;
    this.writer = writer;
    this.clock = clock;
    this.maxQueuedBytes = maxQueuedBytes;
    this.onDropped = onDropped;
    this.thread = new Thread(this::run, "record-" + key.cameraId() + "-" + key.profile().urlName());
    this.thread.setDaemon(true);
    this.thread.start();
  }

  @Override
  public boolean offer(byte[] packets) {
    if (ended.get() || queuedBytes.get() + packets.length > maxQueuedBytes) {
      return false;
    }
    queuedBytes.addAndGet(packets.length);
    queue.add(new Item(clock.instant(), packets));
    return true;
  }

  @Override
  public void sourceRestarted() {
    queue.add(new Item(clock.instant(), RESTART));
  }

  /** The pull dropped this recorder (too slow, or the stream was replaced): the owner attaches a new one. */
  @Override
  public void disconnect(String reason) {
    if (end()) {
      LOG.warn("recording {} detached: {}", key, reason);
      onDropped.run();
    }
  }

  /** Finishes the running segment and ends the writer thread; waits for it. */
  void stop() {
    end();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    queue.add(new Item(clock.instant(), END));
    return true;
  }

  private void run() {
    try {
      while (true) {
        Item item = queue.take();
        if (item.packets() == END) {
          writer.close();
          return;
        } else if (item.packets() == RESTART) {
          writer.restart();
        } else {
          queuedBytes.addAndGet(-item.packets().length);
          writer.accept(item.at(), item.packets());
        }
      }
    } catch (InterruptedException e) {
      writer.close();
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("recording {} failed", key, e);
      writer.close();
    }
  }
}
