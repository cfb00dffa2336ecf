package io.cordon.client.alarm;

import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.WatchAlarmsRequest;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@code AlarmService.Watch} stream open and writes every batch into an {@link
 * AlarmStore} on the stream's thread (the store is thread-safe and batches its notifications onto
 * the UI executor). The first subscription asks for a snapshot; after a break it resubscribes with
 * backoff from the last batch seq it saw, so it receives only what changed meanwhile (or a fresh
 * snapshot when the server cannot serve that). It resubscribes with the session it has — sessions
 * outlive a server restart — and signs in again only when the server answers UNAUTHENTICATED.
 * State changes reach listeners on the UI executor (the queue's header, the status bar).
 */
public final class AlarmFeed implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlarmFeed.class);

  private final ServerConnection connection;
  private final AlarmStore store;
  private final Backoff backoff;
  private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();

  private final Object lock = new Object();
  // guarded by lock
  private long lastSeq;
  private int generation;
  private boolean started;
  private boolean closed;
  private ConnectionState state = ConnectionState.DISCONNECTED;
  private ClientCallStreamObserver<WatchAlarmsRequest> currentCall;

  public AlarmFeed(ServerConnection connection, AlarmStore store) {
    this(connection, store, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5)));
  }

  public AlarmFeed(ServerConnection connection, AlarmStore store, Backoff backoff) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.store = Objects.requireNonNull(store, "store");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** Called on the UI executor with every change of the stream's state. */
  public void addStateListener(Consumer<ConnectionState> listener) {
    stateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public AlarmStore store() {
    return store;
  }

  /** Starts the stream with a snapshot; call once, after signing in. */
  public void start() {
    int gen;
    synchronized (lock) {
      if (started || closed) {
        throw new IllegalStateException("feed already started or closed");
      }
      started = true;
      gen = generation;
    }
    changeState(ConnectionState.CONNECTING);
    connection.executors().background().execute(() -> attempt(gen, false));
  }

  public ConnectionState state() {
    synchronized (lock) {
      return state;
    }
  }

  /** The seq of the last batch applied (what a resubscription resumes after); 0 before any. */
  public long lastSeq() {
    synchronized (lock) {
      return lastSeq;
    }
  }

  private void attempt(int gen, boolean signInAgain) {
    if (isStale(gen)) {
      return;
    }
    try {
      connection.resetConnectBackoff();
      if (signInAgain || !connection.isSignedIn()) {
        connection.signInAgain();
      }
    } catch (RuntimeException e) {
      log.debug("alarm watch reconnect attempt failed: {}", e.toString());
      retryLater(gen, true);
      return;
    }
    subscribe(gen);
  }

  private void subscribe(int gen) {
    long after;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      after = lastSeq;
    }
    log.info("watching alarms after seq {} at {}", after, connection.address());
    AlarmServiceGrpc.newStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .watch(WatchAlarmsRequest.newBuilder().setAfterSeq(after).build(),
            new ClientResponseObserver<WatchAlarmsRequest, AlarmBatch>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<WatchAlarmsRequest> call) {
                boolean stale;
                synchronized (lock) {
                  stale = gen != generation || closed;
                  if (!stale) {
                    currentCall = call;
                  }
                }
                if (stale) { // closed between the check in subscribe and now: close() missed this call
                  call.cancel("client closed the feed", null);
                }
              }

              @Override
              public void onNext(AlarmBatch batch) {
                accept(gen, batch);
              }

              @Override
              public void onError(Throwable t) {
                streamBroke(gen, Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                streamBroke(gen, Status.UNAVAILABLE.withDescription("server ended the stream"));
              }
            });
  }

  private void accept(int gen, AlarmBatch batch) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      if (!batch.getSnapshot() && batch.getSeq() != 0 && batch.getSeq() <= lastSeq) {
        return; // already applied (the server repeated what a resume asked for)
      }
      lastSeq = Math.max(lastSeq, batch.getSeq());
      backoff.reset();
    }
    store.apply(batch);
    changeState(ConnectionState.CONNECTED);
  }

  private void streamBroke(int gen, Status status) {
    int next;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++;
      next = generation;
      currentCall = null;
    }
    log.warn("alarm watch stream from {} broke ({}); reconnecting", connection.address(), status);
    changeState(ConnectionState.RECONNECTING);
    retryLater(next, status.getCode() == Status.Code.UNAUTHENTICATED);
  }

  /** @param signInAgain whether the session is no good (the server said UNAUTHENTICATED) */
  private void retryLater(int gen, boolean signInAgain) {
    Duration delay;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      delay = backoff.next();
    }
    changeState(ConnectionState.RECONNECTING);
    connection.executors().background()
        .schedule(() -> attempt(gen, signInAgain), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean isStale(int gen) {
    synchronized (lock) {
      return gen != generation || closed;
    }
  }

  private void changeState(ConnectionState newState) {
    synchronized (lock) {
      if (state == newState || (closed && newState != ConnectionState.DISCONNECTED)) {
        return;
      }
      state = newState;
    }
    connection.executors().ui().execute(() -> stateListeners.forEach(l -> l.accept(newState)));
  }

  /** Stops the stream and any retry; the store keeps what it holds. */
  @Override
  public void close() {
    ClientCallStreamObserver<WatchAlarmsRequest> call;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      call = currentCall;
      currentCall = null;
    }
    if (call != null) {
      call.cancel("client closed the feed", null);
    }
    synchronized (lock) {
      state = ConnectionState.DISCONNECTED;
    }
    connection.executors().ui().execute(() -> stateListeners.forEach(l -> l.accept(ConnectionState.DISCONNECTED)));
  }
}
