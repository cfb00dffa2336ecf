package io.cordon.server.gate;

import io.cordon.devices.gate.BarrierAction;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command asks of one gate, before it is journaled: the whole gate or one lane, the
 * action, the mode of a mode switch, and the emergency it belongs to.
 */
public record GateOrder(
    Gate gate, Optional<Lane> lane, BarrierAction action, Optional<GateMode> mode, String reason,
    Optional<String> emergencyId) {

  public GateOrder {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(emergencyId, "emergencyId");
    if ((action == BarrierAction.SET_MODE) != mode.isPresent()) {
      throw new IllegalArgumentException("a mode goes with SET_MODE and only with it");
    }
    lane.ifPresent(l -> {
      if (!gate.lanes().contains(l)) {
        throw new IllegalArgumentException("lane " + l.id() + " is not a lane of gate " + gate.id());
      }
    });
  }

  /** An operator's open or close of the whole gate, or of one lane. */
  public static GateOrder manual(Gate gate, Optional<Lane> lane, BarrierAction action, String reason) {
    return new GateOrder(gate, lane, action, Optional.empty(), reason, Optional.empty());
  }

  /** A barrier action for every lane of the gate, as part of an emergency. */
  public static GateOrder emergency(Gate gate, BarrierAction action, String reason, String emergencyId) {
    return new GateOrder(gate, Optional.empty(), action, Optional.empty(), reason, Optional.of(emergencyId));
  }

  /** A mode switch of the whole gate, as part of an emergency. */
  public static GateOrder emergencyMode(Gate gate, GateMode mode, String reason, String emergencyId) {
    return new GateOrder(gate, Optional.empty(), BarrierAction.SET_MODE, Optional.of(mode), reason,
        Optional.of(emergencyId));
  }
}
