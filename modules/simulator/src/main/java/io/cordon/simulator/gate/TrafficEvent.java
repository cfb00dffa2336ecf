package io.cordon.simulator.gate;

import io.cordon.api.v1.Direction;
import io.cordon.devices.gate.edge.GateDecision;
import java.util.Optional;

/**
 * One thing the simulated traffic did at a gate.
 *
 * @param holder the plate, person id or credential presented; empty for a forced passage
 * @param decision the agent's decision; empty for a forced passage
 * @param passages loop passages it caused (0 when refused, 2 with a tailgater)
 */
public record TrafficEvent(Kind kind, String gateId, String laneId, Direction direction, String holder,
    Optional<GateDecision> decision, int passages) {

  public enum Kind {
    /** A registered holder with a permit for this gate. */
    PERMIT_HOLDER,
    /** A plate the registry does not know. */
    UNKNOWN,
    /** A blacklisted holder. */
    BLACKLISTED,
    /** A vehicle forcing the closed barrier: a loop passage with no pass. */
    FORCED
  }

  public boolean passed() {
    return decision.map(GateDecision::pass).orElse(false);
  }
}
