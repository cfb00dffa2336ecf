package io.cordon.bench.event;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.SubscribeRequest;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An operator's EventService.Subscribe stream that notes when each event (by seq) arrived, in
 * {@link System#nanoTime()} of this process.
 */
final class LiveSubscriber implements ClientResponseObserver<SubscribeRequest, Event> {

  private final Map<Long, Long> arrivedNanos = new ConcurrentHashMap<>();
  private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
  private final Object progress = new Object();
  private volatile long lastSeq;
  private volatile long gaps;
  private ClientCallStreamObserver<SubscribeRequest> call;

  private LiveSubscriber(long fromSeq) {
    this.lastSeq = fromSeq;
  }

  /** Subscribes for every event after {@code fromSeq}; the stream lives at most {@code maxLife}. */
  static LiveSubscriber start(Channel channel, Bearer operator, long fromSeq, Duration maxLife) {
    LiveSubscriber subscriber = new LiveSubscriber(fromSeq);
    EventServiceGrpc.newStub(channel).withCallCredentials(operator)
        .withDeadlineAfter(maxLife.toMillis(), TimeUnit.MILLISECONDS)
        .subscribe(SubscribeRequest.newBuilder().setFromSeq(fromSeq).build(), subscriber);
    return subscriber;
  }

  /** When the event arrived, or null when it has not. */
  Long arrivedNanos(long seq) {
    return arrivedNanos.get(seq);
  }

  int received() {
    return arrivedNanos.size();
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Times the next seq was not the last one plus one (the stream promises none). */
  long gaps() {
    return gaps;
  }

  /** Waits until an event with at least this seq arrived; false on timeout or when the stream ended. */
  boolean awaitSeq(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (lastSeq < seq && !ended.isDone()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
    }
    return lastSeq >= seq;
  }

  /** Leaves, as a client that goes away would. */
  void disconnect() {
    call.cancel("bench subscriber disconnects", null);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(Event event) {
    long now = System.nanoTime();
    arrivedNanos.put(event.getSeq(), now);
    if (event.getSeq() != lastSeq + 1) {
      gaps++;
    }
    synchronized (progress) {
      lastSeq = event.getSeq();
      progress.notifyAll();
    }
  }

  @Override
  public void onError(Throwable t) {
    ended.complete(t);
    wake();
  }

  @Override
  public void onCompleted() {
    ended.complete(null);
    wake();
  }

  private void wake() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }
}
