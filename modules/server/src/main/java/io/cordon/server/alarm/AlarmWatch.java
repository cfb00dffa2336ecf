package io.cordon.server.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmBatch;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's {@code AlarmService.Watch}: a snapshot, then what changed, pulled from the
 * {@link AlarmChangeLog} whenever the center publishes. Wake-ups are merged: at most one send is
 * queued per watcher, and a slow client (its transport not ready) simply gets a bigger batch later.
 */
final class AlarmWatch {

  static final int CHUNK = 500;
  private static final Logger log = LoggerFactory.getLogger(AlarmWatch.class);

  private final AlarmChangeLog changes;
  private final ServerCallStreamObserver<AlarmBatch> observer;
  private final Executor executor;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Object sending = new Object();
  private volatile boolean cancelled;
  private long cursor;
  private boolean needSnapshot;
  private Runnable unlisten = () -> { };

  private AlarmWatch(AlarmChangeLog changes, long afterSeq, ServerCallStreamObserver<AlarmBatch> observer,
      Executor executor) {
    this.changes = changes;
    this.observer = observer;
    this.executor = executor;
    this.cursor = afterSeq;
    this.needSnapshot = afterSeq == 0;
  }

  static AlarmWatch start(AlarmChangeLog changes, long afterSeq, StreamObserver<AlarmBatch> responseObserver,
      Executor executor, Runnable onEnd) {
    ServerCallStreamObserver<AlarmBatch> observer = (ServerCallStreamObserver<AlarmBatch>) responseObserver;
    AlarmWatch watch = new AlarmWatch(changes, afterSeq, observer, executor);
    observer.setOnCancelHandler(watch::cancel);
    observer.setOnReadyHandler(watch::wakeUp);
    Runnable stopListening = changes.listen(watch::wakeUp);
    watch.unlisten = () -> {
      stopListening.run();
      onEnd.run();
    };
    watch.wakeUp();
    return watch;
  }

  private void cancel() {
    cancelled = true;
    unlisten.run();
  }

  private void wakeUp() {
    if (!cancelled && queued.compareAndSet(false, true)) {
      try {
        executor.execute(this::send);
      } catch (RuntimeException e) {
        queued.set(false);
        end(e);
      }
    }
  }

  private void send() {
    queued.set(false);
    synchronized (sending) {
      if (cancelled || !observer.isReady()) {
        return; // the ready handler wakes us again
      }
      try {
        long head = changes.head(); // read first: everything published up to head is visible below
        if (needSnapshot || cursor < changes.horizon()) {
          sendInChunks(changes.all(), true, head, true);
          needSnapshot = false;
        } else {
          List<Alarm> changed = changes.changedAfter(cursor);
          boolean snoozesChanged = changes.snoozesSeq() > cursor;
          if (!changed.isEmpty() || snoozesChanged) {
            sendInChunks(changed, false, head, snoozesChanged);
          }
        }
        cursor = Math.max(cursor, head);
      } catch (RuntimeException e) {
        end(e);
      }
    }
  }

  private void sendInChunks(List<Alarm> alarms, boolean snapshot, long head, boolean withSnoozes) {
    int from = 0;
    do {
      List<Alarm> chunk = alarms.subList(from, Math.min(alarms.size(), from + CHUNK));
      // head, not the chunk's highest seq: an alarm published after head may be missing from this read
      AlarmBatch.Builder batch = AlarmBatch.newBuilder().setSnapshot(snapshot && from == 0).addAllAlarms(chunk)
          .setSeq(head);
      if (withSnoozes && from == 0) {
        batch.setSnoozesChanged(true).addAllSnoozes(changes.snoozes());
      }
      observer.onNext(batch.build());
      from += CHUNK;
    } while (from < alarms.size());
  }

  private void end(RuntimeException e) {
    if (cancelled) {
      return;
    }
    log.debug("Alarm watch ended", e);
    cancel();
    try {
      observer.onError(Status.UNAVAILABLE.withDescription("alarm stream interrupted; resume with after_seq")
          .asRuntimeException());
    } catch (RuntimeException ignored) {
      // the call is already closed
    }
  }

  /** Ends the stream (server shutdown): the client resumes elsewhere or later with its last seq. */
  void end() {
    end(new IllegalStateException("server stopping"));
  }
}
