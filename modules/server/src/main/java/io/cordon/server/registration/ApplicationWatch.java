package io.cordon.server.registration;

import io.cordon.server.event.LiveEvents;
import io.cordon.server.registration.RegistrationStore.StoredApplication;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WatchApplication stream: the application now, then again whenever its row's seq moves on.
 * Woken by every journal commit, it looks at one primary-key row (cheap) on the executor, never on
 * the committing thread; wake-ups while a look is running merge into one more look.
 */
final class ApplicationWatch {

  private static final Logger log = LoggerFactory.getLogger(ApplicationWatch.class);

  private final String applicationId;
  private final Applications applications;
  private final ServerCallStreamObserver<io.cordon.api.v1.Application> observer;
  private final Executor executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Runnable onEnd;
  private volatile long sentSeq;
  private LiveEvents.Registration registration;

  private ApplicationWatch(String applicationId, Applications applications,
      ServerCallStreamObserver<io.cordon.api.v1.Application> observer, Executor executor, Runnable onEnd) {
    this.applicationId = applicationId;
    this.applications = applications;
    this.observer = observer;
    this.executor = executor;
    this.onEnd = onEnd;
  }

  static ApplicationWatch start(StoredApplication first, Applications applications, LiveEvents live,
      ServerCallStreamObserver<io.cordon.api.v1.Application> observer, Executor executor, Runnable onEnd) {
    ApplicationWatch w = new ApplicationWatch(first.application().id().value(), applications, observer, executor,
        onEnd);
    observer.setOnCancelHandler(w::close);
    synchronized (w) {
      w.registration = live.listen(w::wake);
      w.sentSeq = first.seq();
      observer.onNext(applications.view(first.application(), first.seq()));
    }
    w.wake(); // a change committed between the read and the listen is not missed
    return w;
  }

  private void wake() {
    if (!ended.get() && pending.getAndIncrement() == 0) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    do {
      if (ended.get()) {
        return;
      }
      try {
        long seq = applications.store().applicationSeq(applicationId);
        if (seq > sentSeq) {
          StoredApplication now = applications.load(applicationId);
          synchronized (this) {
            if (!ended.get() && now.seq() > sentSeq) {
              sentSeq = now.seq();
              observer.onNext(applications.view(now.application(), now.seq()));
            }
          }
        }
      } catch (RuntimeException e) {
        log.warn("Watch of {} failed", applicationId, e);
        end(Status.UNAVAILABLE.withDescription("watch interrupted; watch again"));
        return;
      }
    } while (pending.decrementAndGet() > 0);
  }

  /** Ends the stream (server shutdown); the client watches again. */
  void end(Status status) {
    if (ended.compareAndSet(false, true)) {
      synchronized (this) {
        try {
          observer.onError(status.asRuntimeException());
        } catch (RuntimeException e) {
          log.debug("Watch of {} already closed", applicationId);
        }
      }
      release();
    }
  }

  private void close() {
    if (ended.compareAndSet(false, true)) {
      release();
    }
  }

  private void release() {
    if (registration != null) {
      registration.close();
    }
    onEnd.run();
  }
}
