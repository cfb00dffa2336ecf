package io.cordon.client.gate.access;

import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.LaneStatus;
import io.cordon.client.gate.GateStateStoreAccess;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One gate as the gates view shows it: the park model's gate with its lanes, the barrier of each
 * lane, the operating mode and whether its agent is connected.
 *
 * @param state the gate's overall state (interim GateStatusService; UNKNOWN until reported)
 * @param agentSeen the agent's last message; null if never
 * @param offlineRecordsUploaded records the agent decided offline and uploaded since the server started
 */
public record GateCard(
    Gate gate,
    GateState state,
    Mode mode,
    boolean agentConnected,
    Instant agentSeen,
    List<LaneCard> lanes,
    long cacheVersion,
    int offlineRecordsUploaded) {

  /** The gate's operating mode; UNKNOWN until the server says. */
  public enum Mode { UNKNOWN, NORMAL, EVACUATION, EMERGENCY_OPEN }

  public GateCard {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(mode, "mode");
    lanes = List.copyOf(lanes);
  }

  /** A gate nothing is known of yet. */
  public static GateCard unknown(Gate gate) {
    return new GateCard(gate, GateState.UNKNOWN, Mode.UNKNOWN, false, null,
        gate.lanes().stream().map(LaneCard::unknown).toList(), 0, 0);
  }

  public String id() {
    return gate.id().value();
  }

  /** Any lane with a fault, or the gate as a whole. */
  public boolean faulty() {
    return state == GateState.FAULT || lanes.stream().anyMatch(LaneCard::faulty);
  }

  /** The gate with the server's status; lanes keep the park's order and classes. */
  GateCard with(GateStatus status) {
    Map<String, LaneStatus> reported = new HashMap<>();
    status.getLanesList().forEach(l -> reported.put(l.getLaneId(), l));
    List<LaneCard> merged = new ArrayList<>();
    for (Lane lane : gate.lanes()) {
      LaneStatus l = reported.get(lane.id());
      merged.add(l == null ? LaneCard.unknown(lane) : new LaneCard(lane, LaneCard.barrier(l.getBarrier()), l.getFault(),
          l.hasSince() ? PassageRow.instant(l.getSince()) : null));
    }
    return new GateCard(gate, GateStateStoreAccess.toDomain(status.getState()), mode(status.getMode()),
        status.getAgentConnected(), status.hasAgentSeen() ? PassageRow.instant(status.getAgentSeen()) : null, merged,
        status.getCacheVersion(), status.getOfflineRecordsUploaded());
  }

  GateCard withLane(String laneId, LaneCard.Barrier barrier, Instant at) {
    List<LaneCard> changed = lanes.stream().map(l -> l.id().equals(laneId) ? l.with(barrier, at) : l).toList();
    return new GateCard(gate, state, mode, agentConnected, agentSeen, changed, cacheVersion, offlineRecordsUploaded);
  }

  static Mode mode(GateOperatingMode mode) {
    switch (mode) {
      case GATE_OPERATING_MODE_NORMAL:
        return Mode.NORMAL;
      case GATE_OPERATING_MODE_EVACUATION:
        return Mode.EVACUATION;
      case GATE_OPERATING_MODE_EMERGENCY_OPEN:
        return Mode.EMERGENCY_OPEN;
      default:
        return Mode.UNKNOWN;
    }
  }
}
