package io.cordon.devices.jt808;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A sink that records positions; it takes them at once unless told to hold them. */
final class RecordingSink implements Jt808PositionSink {

  private final BlockingQueue<Jt808Position> positions = new LinkedBlockingQueue<>();
  private final BlockingQueue<CompletableFuture<Void>> held = new LinkedBlockingQueue<>();
  private volatile boolean holding;
  private volatile boolean failing;

  @Override
  public CompletionStage<Void> accept(List<Jt808Position> batch) {
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    }
    positions.addAll(batch);
    if (holding) {
      CompletableFuture<Void> future = new CompletableFuture<>();
      held.add(future);
      return future;
    }
    return CompletableFuture.completedFuture(null);
  }

  void hold() {
    holding = true;
  }

  void fail() {
    failing = true;
  }

  /** Completes every held stage and takes later ones at once. */
  void release() {
    holding = false;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    held.drainTo(futures);
    futures.forEach(f -> f.complete(null));
  }

  int heldCount() {
    return held.size();
  }

  /** The next position, waiting up to 5 s. */
  Jt808Position next() throws InterruptedException {
    Jt808Position position = positions.poll(5, TimeUnit.SECONDS);
    if (position == null) {
      throw new AssertionError("no position within 5 s");
    }
    return position;
  }

  /** The next position if one comes within the wait, else null. */
  Jt808Position poll(Duration wait) throws InterruptedException {
    return positions.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  int size() {
    return positions.size();
  }
}
