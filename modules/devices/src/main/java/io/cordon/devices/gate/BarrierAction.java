package io.cordon.devices.gate;

import io.cordon.domain.gate.GateState;

/** What a command asks a gate's barriers to do. */
public enum BarrierAction {
  OPEN(GateState.OPEN),
  CLOSE(GateState.CLOSED);

  private final GateState resultingState;

  BarrierAction(GateState resultingState) {
    this.resultingState = resultingState;
  }

  /** The state the gate reports once it has obeyed. */
  public GateState resultingState() {
    return resultingState;
  }
}
