package io.cordon.devices.gate;

import io.cordon.domain.gate.GateState;

/**
 * What a command asks a gate's barriers to do. The name is the {@code action} attribute of the
 * command's journal event; {@link #OPEN} is the manual open of the interim protocol, which the
 * gate-agent protocol carries as {@code OPEN_ONCE}.
 */
public enum BarrierAction {
  /** Open for a passage (manual control); the agent closes after it. */
  OPEN(GateState.OPEN),
  CLOSE(GateState.CLOSED),
  /** Open and stay open until a CLOSE (emergency gates in an emergency). */
  HOLD_OPEN(GateState.OPEN),
  /** Switch the gate's operating mode (the command's mode); the barriers follow the mode's rules. */
  SET_MODE(GateState.UNKNOWN);

  private final GateState resultingState;

  BarrierAction(GateState resultingState) {
    this.resultingState = resultingState;
  }

  /** The state the gate reports once it has obeyed; UNKNOWN when the mode decides it. */
  public GateState resultingState() {
    return resultingState;
  }
}
