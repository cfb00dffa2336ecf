package io.cordon.devices.gate;

import io.cordon.domain.park.GateId;
import java.util.Set;

/**
 * The commands issued for gates, as a resumable feed: the server implements it over the event
 * journal, where every command is persisted (and audited) before it is delivered, so a command for
 * a gate that is not listening waits there until the gate resumes.
 */
public interface GateCommandFeed {

  /** Receives a watch's commands, one call at a time, in seq order. */
  interface Listener {
    void command(IssuedGateCommand command);

    /** The watch broke (e.g. the journal cannot be read, or the server stops); nothing more follows. */
    void ended(RuntimeException cause);
  }

  /** Ends a watch; no listener call starts after {@code close} returns to a later caller. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Delivers every command for any of {@code gates} with seq greater than {@code afterSeq}: first
   * those already issued, then new ones as they are committed. {@code afterSeq = 0} starts from
   * now: only commands issued after this call.
   *
   * @throws IllegalArgumentException when {@code afterSeq} is beyond anything ever recorded (the
   *     device remembers another server's journal)
   */
  Watch watch(Set<GateId> gates, long afterSeq, Listener listener);

  /**
   * The seq of the latest recorded command or event, so that a device that has never received a
   * command can be watched from the moment it said hello rather than from the moment the watch
   * began (nothing committed in between is missed). 0 when unknown.
   */
  default long lastSeq() {
    return 0;
  }

  /** Whether some device is watching the commands of {@code gate} right now. */
  boolean isWatched(GateId gate);
}
