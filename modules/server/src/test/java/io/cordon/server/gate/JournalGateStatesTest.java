package io.cordon.server.gate;

import static io.cordon.server.gate.GateFixtures.EAST_GATE;
import static io.cordon.server.gate.GateFixtures.SOUTH_GATE;
import static io.cordon.server.gate.GateFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.gate.GateState;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate state table as a projection of the journal, on H2. */
class JournalGateStatesTest {
  private TestDatabase testDatabase;

  /** H2 here; the PostgreSQL subclass runs the same tests there (CI sets CORDON_TEST_PG_URL). */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }


  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  @TempDir
  Path dir;
  private Database database;
  private HibernateEventJournal journal;

  @BeforeEach
  void open() {
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(GateEntities.classes());
    database = Database.open((testDatabase = freshDatabase(dir)).settings(), entities);
    journal = new HibernateEventJournal(database, new InProcessLiveEvents(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.drop();
    }
  }

  @Test
  void aGateThatNeverReportedIsUnknown() {
    assertThat(new JournalGateStates(database, journal).current(SOUTH_GATE.id()).state()).isEqualTo(GateState.UNKNOWN);
  }

  @Test
  void eachChangeIsOneEventNamingThePreviousState() {
    JournalGateStates states = new JournalGateStates(database, journal);

    states.record(report(SOUTH_GATE, "a", GateState.CLOSED, T0));
    states.record(report(SOUTH_GATE, "b", GateState.CLOSED, T0.plusSeconds(1)));
    states.record(report(SOUTH_GATE, "c", GateState.OPEN, T0.plusSeconds(2)));

    List<JournalEvent> events = journal.readAfter(0, 100);
    assertThat(events).extracting(e -> e.attributes().get("previous") + ">" + e.attributes().get("state"))
        .containsExactly("UNKNOWN>CLOSED", "CLOSED>OPEN");
  }

  @Test
  void catchesUpOnAChangeTheJournalCommittedButTheTableMissed() {
    JournalGateStates before = new JournalGateStates(database, journal);
    before.record(report(SOUTH_GATE, "a", GateState.CLOSED, T0));
    // the server died after committing this event and before updating the table
    JournalEvent lost = journal.appendOnce("gate-report/device/b",
        GateEvents.stateChange(report(SOUTH_GATE, "b", GateState.FAULT, T0.plusSeconds(5)), GateState.CLOSED));

    CurrentGateState after = new JournalGateStates(database, journal).current(SOUTH_GATE.id());

    assertThat(after.state()).isEqualTo(GateState.FAULT);
    assertThat(after.stateSeq()).isEqualTo(lost.seq());
    assertThat(after.since()).contains(T0.plusSeconds(5));
  }

  @Test
  void catchesUpAGateWhoseTableUpdateFailedWhileOtherGatesWentOn() {
    JournalGateStates before = new JournalGateStates(database, journal);
    before.record(report(SOUTH_GATE, "a", GateState.CLOSED, T0));
    // the table update of this change failed, and the server kept running
    JournalEvent lost = journal.appendOnce("gate-report/device/b",
        GateEvents.stateChange(report(SOUTH_GATE, "b", GateState.OPEN, T0.plusSeconds(5)), GateState.CLOSED));
    before.record(report(EAST_GATE, "c", GateState.OFFLINE, T0.plusSeconds(6)));

    CurrentGateState after = new JournalGateStates(database, journal).current(SOUTH_GATE.id());

    assertThat(after.state()).isEqualTo(GateState.OPEN);
    assertThat(after.stateSeq()).isEqualTo(lost.seq());
  }

  @Test
  void catchesUpAPlanGateWhoseFirstTableUpdateFailed() {
    JournalGateStates before = new JournalGateStates(database, journal);
    journal.appendOnce("gate-report/device/a",
        GateEvents.stateChange(report(SOUTH_GATE, "a", GateState.OPEN, T0), GateState.UNKNOWN));
    before.record(report(EAST_GATE, "b", GateState.OFFLINE, T0.plusSeconds(1)));

    JournalGateStates after = new JournalGateStates(database, journal, List.of(SOUTH_GATE.id(), EAST_GATE.id()));

    assertThat(after.current(SOUTH_GATE.id()).state()).isEqualTo(GateState.OPEN);
    assertThat(after.current(EAST_GATE.id()).state()).isEqualTo(GateState.OFFLINE);
  }

  @Test
  void catchesUpAGateOutsideThePlanWhenAPlanGateWasCaughtUpPastIt() {
    JournalGateStates before = new JournalGateStates(database, journal);
    before.record(report(EAST_GATE, "a", GateState.CLOSED, T0));
    // both table updates were lost in a crash: the gate outside the plan first
    journal.appendOnce("gate-report/device/b",
        GateEvents.stateChange(report(SOUTH_GATE, "b", GateState.FAULT, T0.plusSeconds(1)), GateState.UNKNOWN));
    journal.appendOnce("gate-report/device/c",
        GateEvents.stateChange(report(EAST_GATE, "c", GateState.OPEN, T0.plusSeconds(2)), GateState.CLOSED));

    JournalGateStates after = new JournalGateStates(database, journal, List.of(EAST_GATE.id()));

    assertThat(after.current(EAST_GATE.id()).state()).isEqualTo(GateState.OPEN);
    assertThat(after.current(SOUTH_GATE.id()).state()).isEqualTo(GateState.FAULT);
  }

  @Test
  void catchingUpKeepsTheNewestOfSeveralMissedChanges() {
    JournalGateStates before = new JournalGateStates(database, journal);
    before.record(report(SOUTH_GATE, "a", GateState.CLOSED, T0));
    journal.appendOnce("gate-report/device/b",
        GateEvents.stateChange(report(SOUTH_GATE, "b", GateState.OPEN, T0.plusSeconds(5)), GateState.CLOSED));
    JournalEvent newest = journal.appendOnce("gate-report/device/c",
        GateEvents.stateChange(report(SOUTH_GATE, "c", GateState.FAULT, T0.plusSeconds(7)), GateState.CLOSED));
    before.record(report(EAST_GATE, "d", GateState.OFFLINE, T0.plusSeconds(8)));

    CurrentGateState after = new JournalGateStates(database, journal).current(SOUTH_GATE.id());

    assertThat(after.state()).isEqualTo(GateState.FAULT);
    assertThat(after.stateSeq()).isEqualTo(newest.seq());
  }

  @Test
  void aRetryOfTheReportWhoseTableUpdateWasLostChangesNothingFurther() {
    JournalGateStates before = new JournalGateStates(database, journal);
    before.record(report(SOUTH_GATE, "a", GateState.CLOSED, T0));
    JournalEvent lost = journal.appendOnce("gate-report/device/b",
        GateEvents.stateChange(report(SOUTH_GATE, "b", GateState.OPEN, T0.plusSeconds(5)), GateState.CLOSED));
    JournalGateStates after = new JournalGateStates(database, journal);

    long retried = after.record(report(SOUTH_GATE, "b", GateState.OPEN, T0.plusSeconds(5)));

    assertThat(retried).isEqualTo(lost.seq());
    assertThat(journal.lastSeq()).isEqualTo(lost.seq());
  }

  @Test
  void allHoldsEveryGateThatReported() {
    JournalGateStates states = new JournalGateStates(database, journal);
    states.record(report(SOUTH_GATE, "a", GateState.OPEN, T0));
    states.record(report(EAST_GATE, "b", GateState.OFFLINE, T0));

    assertThat(states.all()).containsOnlyKeys(SOUTH_GATE.id(), EAST_GATE.id());
    assertThat(states.all().get(EAST_GATE.id()).state()).isEqualTo(GateState.OFFLINE);
  }
}
