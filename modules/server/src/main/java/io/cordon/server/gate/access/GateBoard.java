package io.cordon.server.gate.access;

import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.LaneStatus;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.gate.access.LanePassages;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.Park;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of every gate's lanes and agent, as the agents report it: barrier state and open
 * fault per lane, the loop-detector matching ({@link LanePassages}) per lane, whether an agent holds
 * a session, its last message, the cache version it acknowledged, its offline uploads, the mode.
 * The gate's overall state follows its lanes: OPEN when any lane is open or held open, else FAULT
 * when any barrier faults, else CLOSED.
 */
final class GateBoard {

  /** A barrier report's effect: the lane's previous state, and the gate's new overall state if it changed. */
  record BarrierChange(boolean applied, BarrierState previous, Optional<GateState> gateState) {
  }

  private static final class LaneEntry {
    BarrierState barrier = BarrierState.BARRIER_STATE_UNSPECIFIED;
    Instant since;
    final Map<String, String> faults = new LinkedHashMap<>();
    final LanePassages passages = new LanePassages();
  }

  private static final class GateEntry {
    final Map<String, LaneEntry> lanes = new LinkedHashMap<>();
    final Map<String, String> gateFaults = new LinkedHashMap<>();
    boolean connected;
    Instant agentSeen;
    long cacheVersion;
    int offlineUploaded;
    GateOperatingMode mode = GateOperatingMode.GATE_OPERATING_MODE_NORMAL;
    GateState overall = GateState.UNKNOWN;
  }

  private final Map<GateId, GateEntry> gates = new HashMap<>();

  GateBoard(Park park) {
    for (Gate gate : park.gates()) {
      GateEntry entry = new GateEntry();
      for (Lane lane : gate.lanes()) {
        entry.lanes.put(lane.id(), new LaneEntry());
      }
      gates.put(gate.id(), entry);
    }
  }

  synchronized BarrierChange barrier(GateId gate, String lane, BarrierState state, Instant at) {
    GateEntry g = gates.get(gate);
    LaneEntry l = g.lanes.get(lane);
    BarrierState previous = l.barrier;
    if (l.since != null && at.isBefore(l.since)) {
      return new BarrierChange(false, previous, Optional.empty()); // older than what we know: changes nothing
    }
    l.barrier = state;
    l.since = at;
    l.passages.barrier(domain(state));
    GateState overall = overall(g);
    if (overall == g.overall) {
      return new BarrierChange(previous != state, previous, Optional.empty());
    }
    g.overall = overall;
    return new BarrierChange(true, previous, Optional.of(overall));
  }

  private static GateState overall(GateEntry g) {
    boolean fault = false;
    boolean known = false;
    for (LaneEntry l : g.lanes.values()) {
      if (l.barrier == BarrierState.BARRIER_STATE_OPEN || l.barrier == BarrierState.BARRIER_STATE_HELD_OPEN) {
        return GateState.OPEN;
      }
      fault |= l.barrier == BarrierState.BARRIER_STATE_FAULT;
      known |= l.barrier != BarrierState.BARRIER_STATE_UNSPECIFIED;
    }
    return fault ? GateState.FAULT : known ? GateState.CLOSED : GateState.UNKNOWN;
  }

  static GateState domain(BarrierState state) {
    switch (state) {
      case BARRIER_STATE_OPEN:
      case BARRIER_STATE_HELD_OPEN:
        return GateState.OPEN;
      case BARRIER_STATE_CLOSED:
        return GateState.CLOSED;
      case BARRIER_STATE_FAULT:
        return GateState.FAULT;
      default:
        return GateState.UNKNOWN;
    }
  }

  synchronized void fault(GateId gate, String lane, String device, String text, boolean cleared) {
    GateEntry g = gates.get(gate);
    Map<String, String> faults = lane.isEmpty() ? g.gateFaults : g.lanes.get(lane).faults;
    if (cleared) {
      faults.remove(device);
    } else {
      faults.put(device, text);
    }
  }

  LanePassages passages(GateId gate, String lane) {
    synchronized (this) {
      return gates.get(gate).lanes.get(lane).passages;
    }
  }

  synchronized void connected(GateId gate, boolean connected, Instant at) {
    GateEntry g = gates.get(gate);
    g.connected = connected;
    g.agentSeen = at;
  }

  synchronized void seen(GateId gate, Instant at) {
    gates.get(gate).agentSeen = at;
  }

  synchronized void cacheAck(GateId gate, long version) {
    GateEntry g = gates.get(gate);
    g.cacheVersion = Math.max(g.cacheVersion, version);
  }

  synchronized void uploaded(GateId gate, int records) {
    gates.get(gate).offlineUploaded += records;
  }

  synchronized GateOperatingMode mode(GateId gate) {
    GateEntry g = gates.get(gate);
    return g == null ? GateOperatingMode.GATE_OPERATING_MODE_NORMAL : g.mode;
  }

  synchronized void mode(GateId gate, GateOperatingMode mode) {
    gates.get(gate).mode = mode;
  }

  /** Adds the lanes and the agent to a gate's status (ListStates). */
  synchronized void describe(Gate gate, GateStatus.Builder status) {
    GateEntry g = gates.get(gate.id());
    if (g == null) {
      return;
    }
    for (Map.Entry<String, LaneEntry> lane : g.lanes.entrySet()) {
      LaneStatus.Builder l = LaneStatus.newBuilder().setLaneId(lane.getKey()).setBarrier(lane.getValue().barrier)
          .setFault(String.join("; ", lane.getValue().faults.values()));
      if (lane.getValue().since != null) {
        l.setSince(AccessStore.ts(lane.getValue().since));
      }
      status.addLanes(l);
    }
    status.setMode(g.mode).setAgentConnected(g.connected).setCacheVersion(g.cacheVersion)
        .setOfflineRecordsUploaded(g.offlineUploaded);
    if (g.agentSeen != null) {
      status.setAgentSeen(AccessStore.ts(g.agentSeen));
    }
    if (!g.gateFaults.isEmpty() && status.getDetail().isEmpty()) {
      status.setDetail(String.join("; ", g.gateFaults.values()));
    }
  }

  /** Which lanes of a gate hold a pass waiting for its passage (for tests). */
  synchronized Map<String, Integer> pending(GateId gate, Instant at) {
    Map<String, Integer> m = new HashMap<>();
    gates.get(gate).lanes.forEach((id, l) -> m.put(id, l.passages.pending(at)));
    return m;
  }
}
