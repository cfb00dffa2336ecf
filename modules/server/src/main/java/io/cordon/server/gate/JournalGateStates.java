package io.cordon.server.gate;

import io.cordon.devices.gate.GateStateObservation;
import io.cordon.devices.gate.GateStateSink;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every gate: records state reports, journaling each change as a {@code
 * gate.state} event, and keeps the {@code gate_state} table as a projection of those events.
 *
 * <p>Order per report: decide under a lock whether it changes the state, append the event
 * (idempotent on the device's request id), then update the table. A crash between the last two
 * leaves the table behind the journal, and so does a table update that fails (the report then
 * fails and the device repeats it, which heals the row); {@link #catchUp()} (run on construction)
 * brings every gate's row up to its newest {@code gate.state} event. A report observed before the
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
  private final Set<GateId> planGates;

  public JournalGateStates(Database database, EventJournal journal) {
    this(database, journal, List.of());
  }

  /**
   * @param planGates the gates of the park plan; each is caught up on start even when its first
   *     change never reached the table
   */
  public JournalGateStates(Database database, EventJournal journal, Collection<GateId> planGates) {
    this.database = database;
    this.journal = journal;
    this.planGates = Set.copyOf(planGates);
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

  /**
   * Applies the {@code gate.state} events the table has not seen yet. Two holes are possible: a
   * crash between the journal commit and the table update (the newest events), and a table update
   * that failed while the server went on (any gate, any age — later changes of other gates raised
   * the table's highest seq past it). So first every gate of the table or the plan gets its own
   * newest event when that is newer than its row; then events after the table's highest seq fill
   * in gates known to neither.
   */
  void catchUp() {
    lock.lock();
    try {
      Map<String, Long> rowSeqs = new HashMap<>();
      database.inTransaction(session -> session
          .createSelectionQuery("select g.gateId, g.stateSeq from GateStateRow g", Object[].class)
          .getResultList()).forEach(row -> rowSeqs.put((String) row[0], (Long) row[1]));
      long after = rowSeqs.values().stream().mapToLong(Long::longValue).max().orElse(0);
      Set<String> gates = new TreeSet<>(rowSeqs.keySet());
      planGates.forEach(gate -> gates.add(gate.value()));
      int applied = 0;
      for (String gate : gates) {
        long known = rowSeqs.getOrDefault(gate, 0L);
        long newest = newestStateSeq(gate, known);
        if (newest > known) {
          JournalEvent event = journal.readAfter(newest - 1, GateEvents.STATES, 1).get(0);
          save(GateEvents.stateOf(event));
          rowSeqs.put(gate, event.seq());
          applied++;
        }
      }
      while (true) {
        List<JournalEvent> page = journal.readAfter(after, GateEvents.STATES, CATCH_UP_PAGE);
        for (JournalEvent event : page) {
          CurrentGateState state = GateEvents.stateOf(event);
          if (event.seq() > rowSeqs.getOrDefault(state.gateId().value(), 0L)) {
            save(state);
            rowSeqs.put(state.gateId().value(), event.seq());
            applied++;
          }
          after = event.seq();
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

  /**
   * The seq of the gate's newest {@code gate.state} event after {@code afterSeq}, or {@code
   * afterSeq} when there is none. The journal API has no "newest per subject" read, so this asks
   * its tables (schema V1) directly, along the {@code event_subject_by_subject} index: a few rows
   * per gate, not a walk through the journal.
   */
  private long newestStateSeq(String gate, long afterSeq) {
    return database.inTransaction(session -> session.doReturningWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement("select max(s.seq) from event_subject s"
          + " join journal_event e on e.seq = s.seq"
          + " where s.kind = ? and s.subject_id = ? and s.seq > ? and e.event_type = ?")) {
        select.setString(1, GateEvents.GATE);
        select.setString(2, gate);
        select.setLong(3, afterSeq);
        select.setString(4, GateEvents.STATE);
        try (ResultSet rows = select.executeQuery()) {
          long newest = rows.next() ? rows.getLong(1) : 0;
          return Math.max(newest, afterSeq);
        }
      }
    }));
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
