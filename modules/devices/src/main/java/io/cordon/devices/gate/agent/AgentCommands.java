package io.cordon.devices.gate.agent;

import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.devices.gate.GateMessages;
import io.cordon.devices.gate.IssuedGateCommand;

/** Gate commands of the journal as the agent receives them. */
final class AgentCommands {

  private AgentCommands() {
  }

  static BarrierCommand toProto(IssuedGateCommand command) {
    return BarrierCommand.newBuilder()
        .setCommandSeq(command.seq())
        .setAction(action(command.action()))
        .setReason(command.reason())
        .setIssuedBy(command.issuedBy())
        .setIssuedAt(GateMessages.timestamp(command.issuedAt()))
        .build();
  }

  /**
   * The wire action: a manual OPEN opens for one passage; any other action is sent under its own
   * name (CLOSE, HOLD_OPEN, SET_MODE), unspecified when the wire has no such action.
   */
  static BarrierAction action(io.cordon.devices.gate.BarrierAction action) {
    if (action.name().equals("OPEN")) {
      return BarrierAction.BARRIER_ACTION_OPEN_ONCE;
    }
    try {
      return BarrierAction.valueOf("BARRIER_ACTION_" + action.name());
    } catch (IllegalArgumentException e) {
      return BarrierAction.BARRIER_ACTION_UNSPECIFIED;
    }
  }
}
