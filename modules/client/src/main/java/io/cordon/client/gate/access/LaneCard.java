package io.cordon.client.gate.access;

import io.cordon.api.v1.BarrierState;
import io.cordon.domain.park.Lane;
import java.time.Instant;
import java.util.Objects;

/**
 * One lane of a gate as the gates view shows it: its class and direction from the park model, its
 * barrier and open fault as the gate's agent reports them.
 *
 * @param fault the open device fault, empty if none
 * @param since when the barrier entered its state; null if unknown
 */
public record LaneCard(Lane lane, Barrier barrier, String fault, Instant since) {

  /** The barrier of a lane; UNKNOWN until the agent reports. */
  public enum Barrier { UNKNOWN, CLOSED, OPEN, HELD_OPEN, FAULT }

  public LaneCard {
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(barrier, "barrier");
    fault = fault == null ? "" : fault;
  }

  public static LaneCard unknown(Lane lane) {
    return new LaneCard(lane, Barrier.UNKNOWN, "", null);
  }

  public String id() {
    return lane.id();
  }

  public boolean faulty() {
    return barrier == Barrier.FAULT || !fault.isEmpty();
  }

  LaneCard with(Barrier newBarrier, Instant at) {
    return new LaneCard(lane, newBarrier, fault, at);
  }

  static Barrier barrier(BarrierState state) {
    switch (state) {
      case BARRIER_STATE_CLOSED:
        return Barrier.CLOSED;
      case BARRIER_STATE_OPEN:
        return Barrier.OPEN;
      case BARRIER_STATE_HELD_OPEN:
        return Barrier.HELD_OPEN;
      case BARRIER_STATE_FAULT:
        return Barrier.FAULT;
      default:
        return Barrier.UNKNOWN;
    }
  }

  /** A barrier state as an event attribute carries it ("OPEN" or "BARRIER_STATE_OPEN"); null if unreadable. */
  static Barrier barrier(String text) {
    String t = text.startsWith("BARRIER_STATE_") ? text.substring("BARRIER_STATE_".length()) : text;
    try {
      Barrier b = Barrier.valueOf(t);
      return b == Barrier.UNKNOWN ? null : b;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
