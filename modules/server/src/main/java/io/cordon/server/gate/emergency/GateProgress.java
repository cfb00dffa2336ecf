package io.cordon.server.gate.emergency;

import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.GateMessages;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.Optional;

/**
 * One gate's progress within an emergency: the command it was last sent and what came of it.
 * Mutated only under the {@link EmergencyOpening}'s lock.
 */
final class GateProgress {

  final GateId gate;
  final String gateName;
  EmergencyGateState state = EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED;
  BarrierAction action;
  Optional<GateMode> mode = Optional.empty();
  long commandSeq;
  Instant commandedAt;
  Optional<Instant> confirmedAt = Optional.empty();
  String detail = "";
  int attempts;
  /** When a COMMANDED gate turns FAILED without an answer; not journaled (restarts give a fresh one). */
  Optional<Instant> deadline = Optional.empty();

  GateProgress(GateId gate, String gateName) {
    this.gate = gate;
    this.gateName = gateName;
  }

  /** A new command for this gate was journaled. */
  void commanded(long seq, BarrierAction action, Optional<GateMode> mode, Instant at) {
    this.commandSeq = seq;
    this.action = action;
    this.mode = mode;
    this.commandedAt = at;
    this.confirmedAt = Optional.empty();
  }

  /** A copy to change before the change is journaled. */
  GateProgress copy() {
    GateProgress copy = new GateProgress(gate, gateName);
    copy.state = state;
    copy.action = action;
    copy.mode = mode;
    copy.commandSeq = commandSeq;
    copy.commandedAt = commandedAt;
    copy.confirmedAt = confirmedAt;
    copy.detail = detail;
    copy.attempts = attempts;
    copy.deadline = deadline;
    return copy;
  }

  /** Whether an answer to its command may still change it. */
  boolean awaitsAnswer() {
    return state == EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED
        || state == EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED
        || state == EmergencyGateState.EMERGENCY_GATE_STATE_FAILED;
  }

  EmergencyGateProgress toProto() {
    EmergencyGateProgress.Builder proto = EmergencyGateProgress.newBuilder()
        .setGateId(gate.value())
        .setGateName(gateName)
        .setState(state)
        .setCommandSeq(commandSeq)
        .setDetail(detail)
        .setAttempts(attempts);
    if (action != null) {
      proto.setAction(GateMessages.toAgentAction(action));
    }
    if (commandedAt != null) {
      proto.setCommandedAt(GateMessages.timestamp(commandedAt));
    }
    confirmedAt.ifPresent(at -> proto.setConfirmedAt(GateMessages.timestamp(at)));
    return proto.build();
  }
}
