package io.cordon.client.gate.emergency;

import io.cordon.api.v1.EmergencyStatus;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.gate.EmergencyBackend;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code WatchEmergency} open: when the stream breaks it reports {@link
 * ConnectionState#RECONNECTING} and opens it again with backoff. Every new stream begins with the
 * current status, so nothing that changed meanwhile is missed. Statuses and state changes reach
 * the consumers on the UI executor.
 */
final class EmergencyWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmergencyWatch.class);

  private final EmergencyBackend backend;
  private final Executor ui;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;
  private final Consumer<EmergencyStatus> onStatus;
  private final Consumer<ConnectionState> onState;

  private final Object lock = new Object();
  // guarded by lock
  private int generation;
  private boolean started;
  private boolean closed;
  private AutoCloseable current;

  EmergencyWatch(EmergencyBackend backend, Executor ui, ScheduledExecutorService timer, Backoff backoff,
      Consumer<EmergencyStatus> onStatus, Consumer<ConnectionState> onState) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.onStatus = onStatus;
    this.onState = onState;
  }

  void start() {
    int gen;
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
      gen = generation;
    }
    ui.execute(() -> onState.accept(ConnectionState.CONNECTING));
    open(gen);
  }

  private void open(int gen) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
    }
    AutoCloseable handle;
    try {
      handle = backend.watchEmergency(new StreamObserver<>() {
        @Override
        public void onNext(EmergencyStatus status) {
          synchronized (lock) {
            if (gen != generation || closed) {
              return;
            }
            backoff.reset();
          }
          ui.execute(() -> {
            if (!isStale(gen)) {
              onState.accept(ConnectionState.CONNECTED);
              onStatus.accept(status);
            }
          });
        }

        @Override
        public void onError(Throwable t) {
          broke(gen, Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
          broke(gen, Status.UNAVAILABLE.withDescription("server ended the stream"));
        }
      });
    } catch (RuntimeException e) {
      broke(gen, Status.fromThrowable(e));
      return;
    }
    boolean stale;
    synchronized (lock) {
      stale = gen != generation || closed;
      if (!stale) {
        current = handle;
      }
    }
    if (stale) {
      closeQuietly(handle);
    }
  }

  private void broke(int gen, Status status) {
    int next;
    java.time.Duration delay;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++;
      next = generation;
      current = null;
      delay = backoff.next();
    }
    log.warn("emergency watch broke ({}); reopening in {} ms", status, delay.toMillis());
    ui.execute(() -> onState.accept(ConnectionState.RECONNECTING));
    try {
      timer.schedule(() -> open(next), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      log.debug("not reopening the emergency watch: the timer is shut down");
    }
  }

  private boolean isStale(int gen) {
    synchronized (lock) {
      return gen != generation || closed;
    }
  }

  @Override
  public void close() {
    AutoCloseable handle;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      handle = current;
      current = null;
    }
    if (handle != null) {
      closeQuietly(handle);
    }
  }

  private static void closeQuietly(AutoCloseable handle) {
    try {
      handle.close();
    } catch (Exception e) {
      log.debug("closing the emergency watch: {}", e.toString());
    }
  }
}
