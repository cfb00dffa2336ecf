package io.cordon.devices.gate;

import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed open/close command for one gate, as delivered to the gate.
 *
 * @param seq the journal seq of the command event; commands are delivered in seq order
 * @param issuedBy the user name of the operator who issued it
 * @param issuedAt when the server committed it (UTC)
 */
public record IssuedGateCommand(
    long seq, GateId gateId, BarrierAction action, String reason, String issuedBy, Instant issuedAt) {

  public IssuedGateCommand {
    Objects.requireNonNull(gateId, "gateId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(issuedBy, "issuedBy");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }
}
