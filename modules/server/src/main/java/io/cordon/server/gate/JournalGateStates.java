package io.cordon.server.gate;

import io.cordon.devices.gate.GateStateObservation;
import io.cordon.devices.gate.GateStateSink;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.persistence.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every gate: records state reports, journaling each change as a {@code
 * gate.state} event, and keeps the {@code gate_state} table as a projection of those events.
 *
 * <p>Order per report: decide under a lock whether it changes the state, append the event
 * (idempotent on the device's request id), then update the table. A crash between the last two
 * leaves the table behind the journal; {@link #catchUp()} (run on construction) replays the
 * {@code gate.state} events after the newest one the table holds. A report observed before the
 * gate's current state began is stale and changes nothing.
 *
 * <p>The lock is per process: with several server nodes two reports of one gate could race; the
 * gate-agent protocol of issue 7 keeps each gate on one stream (ADR 0006).
 */
public final class JournalGateStates implements GateStateSink {

  private static final Logger log = LoggerFactory.getLogger(JournalGateStates.class);
  private static final int CATCH_UP_PAGE = 500;

  private final Database database;
  private final EventJournal journal;
  private final ReentrantLock lock = new ReentrantLock();

  public JournalGateStates(Database database, EventJournal journal) {
    this.database = database;
    this.journal = journal;
    catchUp();
  }

  @Override
  public long record(GateStateObservation observation) {
    GateId gateId = observation.gate().id();
    Instant observedAt = observation.observedAt().truncatedTo(ChronoUnit.MICROS);
    lock.lock();
    try {
      CurrentGateState current = current(gateId);
      if (current.since().isPresent() && observedAt.isBefore(current.since().get())) {
        return current.stateSeq(); // stale: the gate has reported something newer since
      }
      if (current.state() == observation.state()) {
        touch(gateId, observedAt);
        return current.stateSeq();
      }
      JournalEvent event = journal.appendOnce(requestKey(observation),
          GateEvents.stateChange(observation, current.state()));
      if (event.seq() <= current.stateSeq()) {
        return event.seq(); // a repeated request id of a report already superseded
      }
      save(GateEvents.stateOf(event));
      return event.seq();
    } finally {
      lock.unlock();
    }
  }

  /** The state of one gate; UNKNOWN when it has never reported. */
  public CurrentGateState current(GateId gateId) {
    return database.inTransaction(session -> Optional.ofNullable(session.find(GateStateRow.class, gateId.value()))
        .map(JournalGateStates::toState)
        .orElseGet(() -> CurrentGateState.unknown(gateId)));
  }

  /** The states of every gate that has reported, by gate id. */
  public Map<GateId, CurrentGateState> all() {
    List<GateStateRow> rows = database.inTransaction(session ->
        session.createSelectionQuery("from GateStateRow", GateStateRow.class).getResultList());
    Map<GateId, CurrentGateState> states = new HashMap<>();
    rows.forEach(row -> states.put(new GateId(row.gateId), toState(row)));
    return states;
  }

  /** Applies the {@code gate.state} events the table has not seen yet (after a crash). */
  void catchUp() {
    lock.lock();
    try {
      long after = database.inTransaction(session -> session
          .createSelectionQuery("select coalesce(max(g.stateSeq), 0) from GateStateRow g", Long.class)
          .getSingleResult());
      int applied = 0;
      while (true) {
        List<JournalEvent> page = journal.readAfter(after, GateEvents.STATES, CATCH_UP_PAGE);
        for (JournalEvent event : page) {
          save(GateEvents.stateOf(event));
          after = event.seq();
          applied++;
        }
        if (page.size() < CATCH_UP_PAGE) {
          break;
        }
      }
      if (applied > 0) {
        log.info("Gate states caught up with {} journal events", applied);
      }
    } finally {
      lock.unlock();
    }
  }

  private void touch(GateId gateId, Instant reportedAt) {
    database.runInTransaction(session -> {
      GateStateRow row = session.find(GateStateRow.class, gateId.value());
      if (row != null && reportedAt.isAfter(row.lastReport)) {
        row.lastReport = reportedAt;
      }
    });
  }

  private void save(CurrentGateState state) {
    database.runInTransaction(session -> {
      GateStateRow row = session.find(GateStateRow.class, state.gateId().value());
      boolean isNew = row == null;
      if (isNew) {
        row = new GateStateRow();
        row.gateId = state.gateId().value();
      }
      row.state = state.state().name();
      row.since = state.since().orElseThrow();
      row.lastReport = state.lastReport().orElseThrow();
      row.stateSeq = state.stateSeq();
      row.detail = state.detail();
      if (isNew) {
        session.persist(row);
      }
    });
  }

  private static CurrentGateState toState(GateStateRow row) {
    return new CurrentGateState(new GateId(row.gateId), GateState.valueOf(row.state), Optional.of(row.since),
        Optional.of(row.lastReport), row.stateSeq, row.detail);
  }

  private static String requestKey(GateStateObservation observation) {
    String reporter = observation.reporter().isEmpty() ? "-" : observation.reporter();
    return "gate-report/" + reporter + "/" + observation.requestId();
  }
}
