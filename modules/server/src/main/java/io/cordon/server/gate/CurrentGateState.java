package io.cordon.server.gate;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows of one gate's state.
 *
 * @param since when the gate entered the state (device clock), empty while UNKNOWN
 * @param lastReport the gate's latest report of any state, empty while UNKNOWN
 * @param stateSeq the journal seq of the {@code gate.state} event that set the state, 0 while UNKNOWN
 * @param detail the device's detail of that report, empty when none
 */
public record CurrentGateState(
    GateId gateId, GateState state, Optional<Instant> since, Optional<Instant> lastReport, long stateSeq,
    String detail) {

  public CurrentGateState {
    Objects.requireNonNull(gateId, "gateId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(lastReport, "lastReport");
    Objects.requireNonNull(detail, "detail");
  }

  /** A gate that has never reported. */
  public static CurrentGateState unknown(GateId gateId) {
    return new CurrentGateState(gateId, GateState.UNKNOWN, Optional.empty(), Optional.empty(), 0, "");
  }
}
