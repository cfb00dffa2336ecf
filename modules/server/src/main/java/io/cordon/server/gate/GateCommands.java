package io.cordon.server.gate;

import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.GateCommandFeed;
import io.cordon.domain.park.Gate;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues open/close commands (DESIGN §10, "permission check → send, or persist as queued when the
 * device is offline → audit"): the caller's role was checked by the access policy before this
 * runs; the one journal event is at once the persisted queue entry the gate's watch reads and the
 * audit record with the user and the reason, so a command can be neither sent unaudited nor lost
 * while its gate is offline.
 */
public final class GateCommands {

  /** The outcome of a command: its journal seq and whether its gate was listening. */
  public record Issued(long commandSeq, boolean gateConnected) {
  }

  private final EventJournal journal;
  private final GateCommandFeed feed;
  private final Clock clock;

  public GateCommands(EventJournal journal, GateCommandFeed feed, Clock clock) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Journals the command unless {@code requestId} was used by {@code user} before, in which case
   * it returns the original command and issues nothing.
   */
  public Issued issue(String user, String requestId, Gate gate, BarrierAction action, String reason) {
    return issue(user, requestId, GateOrder.manual(gate, Optional.empty(), action, reason));
  }

  /**
   * Journals any order (a lane command, a hold-open, a mode switch) unless {@code requestId} was
   * used by {@code user} before, in which case it returns the original command and issues nothing.
   */
  public Issued issue(String user, String requestId, GateOrder order) {
    JournalEvent event = journal.appendOnce("gate-command/" + user + "/" + requestId,
        GateEvents.command(order, user, clock.instant()));
    return new Issued(event.seq(), feed.isWatched(order.gate().id()));
  }

  /** Whether some agent is listening for the commands of {@code gate} right now. */
  public boolean isConnected(Gate gate) {
    return feed.isWatched(gate.id());
  }
}
