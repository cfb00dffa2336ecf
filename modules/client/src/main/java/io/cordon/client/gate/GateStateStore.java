package io.cordon.client.gate;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateStatus;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of every gate, for the map and the gates view. Loaded with {@code ListStates}
 * whenever the event feed (re)connects, and kept current by the feed's {@code gate.state} events.
 * Each state carries the journal seq of the event that set it, and an older one never overwrites a
 * newer one, so a list answer and live events may arrive in any order. The map changes only on
 * the UI executor.
 *
 * <p>A failed load is retried with backoff until one succeeds, a new load starts or the store is
 * closed; meanwhile {@link #errorKeyProperty()} says so. (Waiting for the next reconnect could
 * leave every gate unknown for days.)
 *
 * <p>Register it with {@link EventFeed#addListener}; or call {@link #reload()} and {@link
 * #apply(Event)} yourself.
 */
public final class GateStateStore implements EventFeed.Listener, AutoCloseable {

  public static final String ERROR_LOAD = "gate.error.load";
  static final String STATE_EVENT = "gate.state";

  private static final Logger log = LoggerFactory.getLogger(GateStateStore.class);

  /** The first retry of a failed load waits this long, each further one twice as long, up to a minute. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LAST_RETRY = Duration.ofMinutes(1);

  private final GateBackend backend;
  private final Executor ui;
  /** Runs a task after a delay, off the UI thread. */
  private final BiConsumer<Runnable, Duration> later;
  private final Object lock = new Object();
  // guarded by lock
  private final Backoff backoff;
  private long load;
  private boolean closed;
  private final ObservableMap<GateId, GateState> states = FXCollections.observableHashMap();
  private final ObservableMap<GateId, GateState> readOnly = FXCollections.unmodifiableObservableMap(states);
  /** The seq of the event behind each known state; UI thread only. */
  private final Map<GateId, Long> stateSeqs = new HashMap<>();
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");

  /** Merges on {@code executors.ui()}, waits between retries on {@code executors.background()}. */
  public GateStateStore(GateBackend backend, ClientExecutors executors) {
    this(backend, executors.ui(), executors.background(), new Backoff(FIRST_RETRY, LAST_RETRY));
  }

  /**
   * @param retries where the waits between retries of a failed load run
   * @param backoff the delays between those retries
   */
  public GateStateStore(GateBackend backend, Executor ui, ScheduledExecutorService retries, Backoff backoff) {
    this(backend, ui, on(Objects.requireNonNull(retries, "retries")), backoff);
  }

  private static BiConsumer<Runnable, Duration> on(ScheduledExecutorService retries) {
    return (task, delay) -> retries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits between retries on the common timer of {@link CompletableFuture#delayedExecutor}; prefer
   * {@link #GateStateStore(GateBackend, ClientExecutors)}, which uses the client's own executor.
   */
  public GateStateStore(GateBackend backend, Executor ui) {
    this(backend, ui, (task, delay) -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
        .execute(task), new Backoff(FIRST_RETRY, LAST_RETRY));
  }

  private GateStateStore(GateBackend backend, Executor ui, BiConsumer<Runnable, Duration> later, Backoff backoff) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.later = later;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** Gate id → state, read-only; UNKNOWN for a gate that has not reported. */
  public ObservableMap<GateId, GateState> states() {
    return readOnly;
  }

  /** The state of one gate, UNKNOWN when none is known. */
  public GateState state(GateId gate) {
    return states.getOrDefault(gate, GateState.UNKNOWN);
  }

  /** {@link #ERROR_LOAD} while loading fails (and is being retried), empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /**
   * Loads every gate's state from the server, retrying with backoff while that fails; the answer
   * is merged on the UI executor. A new call supersedes the retries of an earlier one.
   */
  public void reload() {
    long attempt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      attempt = ++load;
      backoff.reset();
    }
    fetch(attempt);
  }

  /** Stops retrying; the states stay as they are. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }

  private void fetch(long attempt) {
    CompletableFuture<List<GateStatus>> answer;
    try {
      answer = backend.listStates();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((list, failure) -> {
      if (failure == null) {
        ui.execute(() -> {
          if (isCurrent(attempt)) {
            errorKey.set("");
          }
          merge(list); // harmless even when superseded: older states never overwrite newer ones
        });
      } else {
        retryLater(attempt, failure);
      }
    });
  }

  private void retryLater(long attempt, Throwable failure) {
    Duration delay;
    synchronized (lock) {
      if (closed || attempt != load) {
        return;
      }
      delay = backoff.next();
    }
    log.warn("Cannot load gate states, retrying in {} ms: {}", delay.toMillis(), failure.toString());
    ui.execute(() -> {
      if (isCurrent(attempt)) {
        errorKey.set(ERROR_LOAD);
      }
    });
    try {
      later.accept(() -> {
        if (isCurrent(attempt)) {
          fetch(attempt);
        }
      }, delay);
    } catch (RejectedExecutionException shutDown) {
      log.debug("Not retrying the gate states: the executor is shut down");
    }
  }

  private boolean isCurrent(long attempt) {
    synchronized (lock) {
      return !closed && attempt == load;
    }
  }

  /** Applies one live event if it is a newer {@code gate.state}; call on the UI executor. */
  public void apply(Event event) {
    if (!STATE_EVENT.equals(event.getType()) || event.getSubjectsCount() == 0
        || !"gate".equals(event.getSubjects(0).getKind())) {
      return;
    }
    GateState state;
    try {
      state = GateState.valueOf(event.getAttributesOrDefault("state", ""));
    } catch (IllegalArgumentException e) {
      log.debug("Ignoring gate event {} with state {}", event.getSeq(), event.getAttributesOrDefault("state", ""));
      return;
    }
    put(new GateId(event.getSubjects(0).getId()), state, event.getSeq());
  }

  @Override
  public void onEvents(List<Event> batch) {
    batch.forEach(this::apply);
  }

  /** Every (re)connection of the feed reloads: states may have changed while the link was down. */
  @Override
  public void onStateChanged(ConnectionState state) {
    if (state == ConnectionState.CONNECTED) {
      reload();
    }
  }

  private void merge(List<GateStatus> list) {
    for (GateStatus status : list) {
      if (status.getGateId().isEmpty()) {
        continue;
      }
      GateId gate = new GateId(status.getGateId());
      put(gate, toDomain(status.getState()), status.getStateSeq());
    }
  }

  static GateState toDomain(io.cordon.api.v1.GateState state) {
    switch (state) {
      case GATE_STATE_CLOSED:
        return GateState.CLOSED;
      case GATE_STATE_OPEN:
        return GateState.OPEN;
      case GATE_STATE_FAULT:
        return GateState.FAULT;
      case GATE_STATE_OFFLINE:
        return GateState.OFFLINE;
      default:
        return GateState.UNKNOWN;
    }
  }

  private void put(GateId gate, GateState state, long seq) {
    Long known = stateSeqs.get(gate);
    if (known != null && seq < known) {
      return; // older than what we show
    }
    stateSeqs.put(gate, seq);
    if (states.get(gate) != state) {
      states.put(gate, state);
    }
  }
}
