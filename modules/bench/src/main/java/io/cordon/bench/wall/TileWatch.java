package io.cordon.bench.wall;

import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.VideoTile;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one tile from the moment it was opened: when its first picture was shown (the tile turns live on
 * the FX thread as it shows its first frame) and how often it lost its stream afterwards.
 */
final class TileWatch {
  private final long openedNanos;
  private volatile long firstPictureNanos = -1;
  private final AtomicInteger interruptions = new AtomicInteger();

  private TileWatch(long openedNanos) {
    this.openedNanos = openedNanos;
  }

  /** FX thread only (the tile's state changes there). */
  static TileWatch attach(VideoTile tile, long openedNanos) {
    TileWatch watch = new TileWatch(openedNanos);
    watch.seen(tile.stateProperty().get());
    tile.stateProperty().addListener((obs, old, now) -> watch.seen(now));
    return watch;
  }

  private void seen(StreamState state) {
    if (state instanceof StreamState.Live) {
      if (firstPictureNanos < 0) {
        firstPictureNanos = System.nanoTime();
      }
    } else if (firstPictureNanos >= 0) {
      interruptions.incrementAndGet();
    }
  }

  boolean live() {
    return firstPictureNanos >= 0;
  }

  /** Milliseconds from opening to the first picture, NaN if none yet. */
  double firstPictureMillis() {
    return firstPictureNanos < 0 ? Double.NaN : (firstPictureNanos - openedNanos) / 1e6;
  }

  /** Times the tile left "live" (reconnecting, no signal) after its first picture. */
  int interruptions() {
    return interruptions.get();
  }
}
