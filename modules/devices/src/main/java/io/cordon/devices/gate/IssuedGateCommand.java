package io.cordon.devices.gate;

import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed command for one gate, as delivered to the gate.
 *
 * @param seq the journal seq of the command event; commands are delivered in seq order
 * @param issuedBy the user name of the operator who issued it
 * @param issuedAt when the server committed it (UTC)
 * @param lane the one lane it is for; empty = every lane of the gate
 * @param mode the mode a {@link BarrierAction#SET_MODE} command switches to; empty otherwise
 * @param emergencyId the emergency opening it is part of; empty for manual commands
 */
public record IssuedGateCommand(
    long seq, GateId gateId, BarrierAction action, String reason, String issuedBy, Instant issuedAt,
    Optional<String> lane, Optional<GateMode> mode, Optional<String> emergencyId) {

  public IssuedGateCommand {
    Objects.requireNonNull(gateId, "gateId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(issuedBy, "issuedBy");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(emergencyId, "emergencyId");
    if (action == BarrierAction.SET_MODE && mode.isEmpty()) {
      throw new IllegalArgumentException("a SET_MODE command needs a mode");
    }
  }

  /** A whole-gate command outside any emergency (the interim open/close). */
  public IssuedGateCommand(
      long seq, GateId gateId, BarrierAction action, String reason, String issuedBy, Instant issuedAt) {
    this(seq, gateId, action, reason, issuedBy, issuedAt, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
