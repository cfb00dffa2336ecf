package io.cordon.simulator.gate;

import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateState;
import java.util.Objects;

/**
 * The state machine of one gate's barrier controller. A gate stands as its plan says (an
 * emergency gate, normally closed, stands CLOSED; the others OPEN for traffic under access
 * control) until commanded. A fault holds it in FAULT; a command received meanwhile is remembered
 * and carried out on recovery, as a controller that is repaired returns to its ordered position.
 */
final class VirtualGate {

  private final String id;
  private GateState wanted;
  private boolean faulty;

  VirtualGate(String id, boolean normallyClosed) {
    this.id = Objects.requireNonNull(id, "id");
    this.wanted = normallyClosed ? GateState.GATE_STATE_CLOSED : GateState.GATE_STATE_OPEN;
  }

  String id() {
    return id;
  }

  /** The state the gate reports now. */
  GateState state() {
    return faulty ? GateState.GATE_STATE_FAULT : wanted;
  }

  boolean isFaulty() {
    return faulty;
  }

  /** Obeys a command; returns the state to report (still FAULT while faulty). */
  GateState obey(GateAction action) {
    if (action == GateAction.GATE_ACTION_OPEN) {
      wanted = GateState.GATE_STATE_OPEN;
    } else if (action == GateAction.GATE_ACTION_CLOSE) {
      wanted = GateState.GATE_STATE_CLOSED;
    }
    return state();
  }

  GateState fail() {
    faulty = true;
    return state();
  }

  GateState recover() {
    faulty = false;
    return state();
  }
}
