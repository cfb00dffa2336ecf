package io.cordon.client.event;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream, kept alive by itself. It subscribes from the last sequence number it
 * has seen; when the stream breaks it reports {@link ConnectionState#RECONNECTING} and
 * resubscribes with backoff, with the session it has (sessions outlive a server restart); only
 * when the server answers UNAUTHENTICATED does it sign in again, since every sign-in costs the
 * server a deliberately slow password check. Events with a sequence
 * number at or below the last one seen are dropped, so listeners see each event once, in order.
 *
 * <p>Listeners are called on the UI executor; events arrive in batches so that a burst (a
 * catch-up after a reconnect) costs one UI task, not one per event.
 */
public final class EventFeed implements AutoCloseable {
  /** Receives the feed's output on the UI executor. */
  public interface Listener {
    default void onEvents(List<Event> batch) {}

    default void onStateChanged(ConnectionState state) {}
  }

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  private final ServerConnection connection;
  private final Backoff backoff;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  private final Object lock = new Object();
  // guarded by lock
  private long lastSeq;
  /** How many recent events the first subscription asks for while nothing has been seen; 0 = all. */
  private int tail;
  private int generation;
  private boolean started;
  private boolean closed;
  private ConnectionState state = ConnectionState.DISCONNECTED;
  private ClientCallStreamObserver<SubscribeRequest> currentCall;
  private List<Event> pending = new ArrayList<>();
  private boolean drainScheduled;

  public EventFeed(ServerConnection connection) {
    this(connection, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5)));
  }

  public EventFeed(ServerConnection connection, Backoff backoff) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /**
   * Starts with the last {@code recent} events of the journal rather than all of it (a fresh
   * client needs only what its list shows), then live ones; call once, after signing in.
   */
  public void startWithRecent(int recent) {
    synchronized (lock) {
      tail = recent;
    }
    start(0);
  }

  /** Starts delivering events with seq > {@code fromSeq}; call once, after signing in. */
  public void start(long fromSeq) {
    int gen;
    synchronized (lock) {
      if (started || closed) {
        throw new IllegalStateException("feed already started or closed");
      }
      started = true;
      lastSeq = fromSeq;
      gen = generation;
    }
    changeState(ConnectionState.CONNECTING);
    connection.executors().background().execute(() -> attempt(gen, false));
  }

  /** The highest sequence number delivered so far. */
  public long lastSeq() {
    synchronized (lock) {
      return lastSeq;
    }
  }

  public ConnectionState state() {
    synchronized (lock) {
      return state;
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
      log.debug("reconnect attempt failed: {}", e.toString());
      retryLater(gen, true);
      return;
    }
    subscribe(gen);
  }

  private void subscribe(int gen) {
    long from;
    int recent;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      from = lastSeq;
      recent = from == 0 ? tail : 0;
      backoff.reset();
    }
    log.info("subscribing to events from seq {} at {}", from, connection.address());
    connection
        .eventStreamStub()
        .subscribe(
            SubscribeRequest.newBuilder().setFromSeq(from).setTail(recent).build(),
            new ClientResponseObserver<SubscribeRequest, Event>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<SubscribeRequest> call) {
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
              public void onNext(Event event) {
                accept(gen, event);
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
    if (!isStale(gen)) {
      changeState(ConnectionState.CONNECTED);
    }
  }

  private void accept(int gen, Event event) {
    boolean scheduleDrain = false;
    synchronized (lock) {
      if (gen != generation || closed || event.getSeq() <= lastSeq) {
        return;
      }
      if (event.getSeq() != lastSeq + 1 && lastSeq != 0) {
        log.warn("event sequence jumped from {} to {}", lastSeq, event.getSeq());
      }
      lastSeq = event.getSeq();
      pending.add(event);
      if (!drainScheduled) {
        drainScheduled = true;
        scheduleDrain = true;
      }
    }
    if (scheduleDrain) {
      connection.executors().ui().execute(this::drain);
    }
  }

  private void drain() {
    List<Event> batch;
    synchronized (lock) {
      batch = pending;
      pending = new ArrayList<>();
      drainScheduled = false;
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Event> view = List.copyOf(batch);
    for (Listener listener : listeners) {
      listener.onEvents(view);
    }
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
    log.warn("event stream from {} broke ({}); reconnecting", connection.address(), status);
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
    connection
        .executors()
        .background()
        .schedule(() -> attempt(gen, signInAgain), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean isStale(int gen) {
    synchronized (lock) {
      return gen != generation || closed;
    }
  }

  private void changeState(ConnectionState newState) {
    synchronized (lock) {
      if (state == newState) {
        return;
      }
      state = newState;
    }
    connection
        .executors()
        .ui()
        .execute(
            () -> {
              for (Listener listener : listeners) {
                listener.onStateChanged(newState);
              }
            });
  }

  /** Stops the stream and any retry; reports {@link ConnectionState#DISCONNECTED}. */
  @Override
  public void close() {
    ClientCallStreamObserver<SubscribeRequest> call;
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
    connection
        .executors()
        .ui()
        .execute(() -> listeners.forEach(l -> l.onStateChanged(ConnectionState.DISCONNECTED)));
  }
}
