package io.cordon.server.event;

import io.cordon.api.v1.Event;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Subscribe stream, "notify then pull": it keeps a cursor (the last seq it passed), and each
 * wake-up (a commit, or the transport becoming writable) makes it read the journal after the
 * cursor in pages and send while the transport is ready. Nothing is buffered beyond one page, so a
 * slow client cannot exhaust memory, and because it reads the journal in seq order it sends every
 * committed event exactly once. The type filter is part of the journal read, and after {@link
 * #PAGES_PER_TURN} pages the pump hands its thread back to the executor and queues itself again,
 * so one stream catching up on a long journal cannot starve the others sharing the pool.
 */
final class EventStreamPump {

  private static final Logger log = LoggerFactory.getLogger(EventStreamPump.class);
  static final int PAGE_SIZE = 200;
  static final int PAGES_PER_TURN = 5;

  private final ServerCallStreamObserver<Event> observer;
  private final EventJournal journal;
  private final TypeFilter filter;
  private final Executor executor;
  private final Runnable onFinished;
  /** Pending wake-ups; only the thread that raised it from 0 drains, so drains never overlap. */
  private final AtomicInteger wip = new AtomicInteger();
  /** The seq of the last event passed to the transport (written by the draining thread only). */
  private volatile long cursor;
  private volatile boolean finished;
  private volatile Status endWith;
  private LiveEvents.Registration registration;

  EventStreamPump(ServerCallStreamObserver<Event> observer, EventJournal journal, TypeFilter filter,
      long fromSeq, Executor executor, Runnable onFinished) {
    this.observer = observer;
    this.journal = journal;
    this.filter = filter;
    this.cursor = fromSeq;
    this.executor = executor;
    this.onFinished = onFinished;
  }

  /** Must run inside the Subscribe call, before it returns. */
  void start(LiveEvents live) {
    observer.setOnCancelHandler(this::finish);
    observer.setOnReadyHandler(this::wakeUp);
    // Listen before the first read, so no commit can fall between the two.
    registration = live.listen(this::wakeUp);
    wakeUp();
  }

  /** Ends the stream with a status (e.g. UNAVAILABLE on shutdown) from the pump's own thread. */
  void end(Status status) {
    endWith = status;
    wakeUp();
  }

  void wakeUp() {
    if (wip.getAndIncrement() == 0) {
      try {
        executor.execute(this::drainLoop);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        finish();
      }
    }
  }

  /** The seq of the last event this stream passed to the transport. */
  long cursor() {
    return cursor;
  }

  private void drainLoop() {
    drainLoop(1);
  }

  /** Owns the pump while {@code wip} is above 0; {@code missed} wake-ups are being served. */
  private void drainLoop(int missed) {
    while (true) {
      if (drain() == Drained.YIELDED) {
        int served = missed;
        try {
          executor.execute(() -> drainLoop(served)); // still the owner: wip was not lowered
        } catch (java.util.concurrent.RejectedExecutionException e) {
          finish();
        }
        return;
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private enum Drained { DONE, YIELDED }

  private Drained drain() {
    if (finished) {
      return Drained.DONE;
    }
    try {
      if (endWith != null) {
        observer.onError(endWith.asRuntimeException());
        finish();
        return Drained.DONE;
      }
      int pages = 0;
      while (!finished && observer.isReady()) {
        if (pages == PAGES_PER_TURN) {
          return Drained.YIELDED;
        }
        ScannedPage scanned = journal.readAfterScanned(cursor, filter, PAGE_SIZE);
        List<JournalEvent> page = scanned.events();
        pages++;
        if (page.isEmpty()) {
          cursor = Math.max(cursor, scanned.scannedTo()); // a filtered stream skips what it has passed
          return Drained.DONE;
        }
        for (JournalEvent event : page) {
          if (finished || !observer.isReady()) {
            return Drained.DONE; // the on-ready handler wakes us when the client has caught up
          }
          observer.onNext(EventMessages.toProto(event));
          cursor = event.seq();
        }
        if (page.size() < PAGE_SIZE) {
          cursor = Math.max(cursor, scanned.scannedTo());
          return Drained.DONE; // caught up; a later commit wakes us again
        }
      }
    } catch (RuntimeException e) {
      if (!finished) {
        log.warn("A live event stream failed at seq {}", cursor, e);
        try {
          observer.onError(Status.UNAVAILABLE.withDescription("event stream interrupted; resume from the last seq")
              .asRuntimeException());
        } catch (RuntimeException alreadyClosed) {
          // the call is gone already
        }
        finish();
      }
    }
    return Drained.DONE;
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (registration != null) {
      registration.close();
    }
    onFinished.run();
  }
}
