package io.cordon.server.gate;

import static io.cordon.server.gate.GateFixtures.EAST_GATE;
import static io.cordon.server.gate.GateFixtures.SOUTH_GATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.GateCommandFeed;
import io.cordon.devices.gate.IssuedGateCommand;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command feed over a real journal on H2, with a same-thread executor so delivery is immediate. */
class JournalGateCommandFeedTest {

  @TempDir
  Path dir;
  private Database database;
  private HibernateEventJournal journal;
  private JournalGateCommandFeed feed;
  private GateCommands commands;
  private final Received received = new Received();

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.h2(dir).settings(), JournalEntities.classes());
    InProcessLiveEvents live = new InProcessLiveEvents();
    journal = new HibernateEventJournal(database, live, Clock.systemUTC());
    feed = new JournalGateCommandFeed(journal, live, Runnable::run);
    commands = new GateCommands(journal, feed, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aWatchFromZeroReceivesOnlyCommandsIssuedAfterIt() {
    issue("old", BarrierAction.OPEN);

    feed.watch(Set.of(SOUTH_GATE.id()), 0, received);
    long fresh = issue("new", BarrierAction.CLOSE);

    assertThat(received.commands).extracting(IssuedGateCommand::seq).containsExactly(fresh);
  }

  @Test
  void aResumingWatchFirstReceivesWhatWasIssuedSinceItsSeq() {
    long seen = issue("seen", BarrierAction.OPEN);
    long missed = issue("missed", BarrierAction.CLOSE);

    feed.watch(Set.of(SOUTH_GATE.id()), seen, received);

    assertThat(received.commands).extracting(IssuedGateCommand::seq).containsExactly(missed);
    assertThat(received.commands.get(0).action()).isEqualTo(BarrierAction.CLOSE);
    assertThat(received.commands.get(0).issuedBy()).isEqualTo("operator");
  }

  @Test
  void aWatchIgnoresOtherGates() {
    feed.watch(Set.of(EAST_GATE.id()), 0, received);

    issue("south", BarrierAction.OPEN);

    assertThat(received.commands).isEmpty();
  }

  @Test
  void resumingBeyondTheJournalIsRefused() {
    assertThatThrownBy(() -> feed.watch(Set.of(SOUTH_GATE.id()), 99, received))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(feed.isWatched(SOUTH_GATE.id())).isFalse();
  }

  @Test
  void aGateIsWatchedWhileAWatchIsOpenOnly() {
    GateCommandFeed.Watch watch = feed.watch(Set.of(SOUTH_GATE.id()), 0, received);
    boolean duringWatch = feed.isWatched(SOUTH_GATE.id());

    watch.close();

    assertThat(duringWatch).isTrue();
    assertThat(feed.isWatched(SOUTH_GATE.id())).isFalse();
  }

  @Test
  void aClosedWatchReceivesNothingMore() {
    feed.watch(Set.of(SOUTH_GATE.id()), 0, received).close();

    issue("after-close", BarrierAction.OPEN);

    assertThat(received.commands).isEmpty();
  }

  @Test
  void theCommandReportsWhetherItsGateWasWatched() {
    assertThat(commands.issue("operator", "unwatched", SOUTH_GATE, BarrierAction.OPEN, "nobody listens")
        .gateConnected()).isFalse();
    feed.watch(Set.of(SOUTH_GATE.id()), 0, received);
    assertThat(commands.issue("operator", "watched", SOUTH_GATE, BarrierAction.OPEN, "the gate listens")
        .gateConnected()).isTrue();
  }

  @Test
  void endingTheWatchesEndsEachWithUnavailable() {
    feed.watch(Set.of(SOUTH_GATE.id()), 0, received);

    feed.endWatches();

    assertThat(Status.fromThrowable(received.ended).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(feed.isWatched(SOUTH_GATE.id())).isFalse();
  }

  @Test
  void aLaneCommandIsDeliveredForItsLaneOnly() {
    Gate gate = withLanes(SOUTH_GATE);
    feed.watch(Set.of(gate.id()), 0, received);

    commands.issue("operator", "lane", GateOrder.manual(gate, Optional.of(gate.lanes().get(1)), BarrierAction.OPEN,
        "let the truck through"));

    assertThat(received.commands).singleElement().satisfies(command -> {
      assertThat(command.lane()).contains("L2");
      assertThat(command.action()).isEqualTo(BarrierAction.OPEN);
      assertThat(command.mode()).isEmpty();
      assertThat(command.emergencyId()).isEmpty();
    });
  }

  @Test
  void anEmergencyCommandIsDeliveredWithItsModeAndEmergency() {
    feed.watch(Set.of(SOUTH_GATE.id()), 0, received);

    commands.issue("operator", "evac", GateOrder.emergencyMode(SOUTH_GATE, GateMode.EVACUATION, "fire", "EM-1"));
    commands.issue("operator", "hold", GateOrder.emergency(SOUTH_GATE, BarrierAction.HOLD_OPEN, "fire", "EM-1"));

    assertThat(received.commands).extracting(IssuedGateCommand::action, IssuedGateCommand::mode,
            IssuedGateCommand::emergencyId, IssuedGateCommand::lane)
        .containsExactly(
            tuple(BarrierAction.SET_MODE, Optional.of(GateMode.EVACUATION), Optional.of("EM-1"), Optional.empty()),
            tuple(BarrierAction.HOLD_OPEN, Optional.empty(), Optional.of("EM-1"), Optional.empty()));
  }

  private static Gate withLanes(Gate gate) {
    return new Gate(gate.id(), gate.name(), gate.type(), gate.position(),
        List.of(new Lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
            new Lane("L2", LaneClass.ORDINARY, LaneDirection.EXIT)), gate.normallyClosed());
  }

  private long issue(String requestId, BarrierAction action) {
    return commands.issue("operator", requestId, SOUTH_GATE, action, "test reason").commandSeq();
  }

  private static final class Received implements GateCommandFeed.Listener {
    final List<IssuedGateCommand> commands = new ArrayList<>();
    RuntimeException ended;

    @Override
    public void command(IssuedGateCommand command) {
      commands.add(command);
    }

    @Override
    public void ended(RuntimeException cause) {
      ended = cause;
    }
  }
}
