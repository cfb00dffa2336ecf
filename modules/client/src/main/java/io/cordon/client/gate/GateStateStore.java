package io.cordon.client.gate;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateStatus;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * <p>Register it with {@link EventFeed#addListener}; or call {@link #reload()} and {@link
 * #apply(Event)} yourself.
 */
public final class GateStateStore implements EventFeed.Listener {

  public static final String ERROR_LOAD = "gate.error.load";
  static final String STATE_EVENT = "gate.state";

  private static final Logger log = LoggerFactory.getLogger(GateStateStore.class);

  private final GateBackend backend;
  private final Executor ui;
  private final ObservableMap<GateId, GateState> states = FXCollections.observableHashMap();
  private final ObservableMap<GateId, GateState> readOnly = FXCollections.unmodifiableObservableMap(states);
  /** The seq of the event behind each known state; UI thread only. */
  private final Map<GateId, Long> stateSeqs = new HashMap<>();
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");

  public GateStateStore(GateBackend backend, Executor ui) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.ui = Objects.requireNonNull(ui, "ui");
  }

  /** Gate id → state, read-only; UNKNOWN for a gate that has not reported. */
  public ObservableMap<GateId, GateState> states() {
    return readOnly;
  }

  /** The state of one gate, UNKNOWN when none is known. */
  public GateState state(GateId gate) {
    return states.getOrDefault(gate, GateState.UNKNOWN);
  }

  /** {@link #ERROR_LOAD} when the last load failed, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** Loads every gate's state from the server; the answer is merged on the UI executor. */
  public void reload() {
    backend.listStates().whenCompleteAsync((list, failure) -> {
      if (failure != null) {
        log.warn("Cannot load gate states: {}", failure.toString());
        errorKey.set(ERROR_LOAD);
        return;
      }
      errorKey.set("");
      merge(list);
    }, ui);
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
