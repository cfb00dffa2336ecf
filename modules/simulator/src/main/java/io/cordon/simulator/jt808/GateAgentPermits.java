package io.cordon.simulator.jt808;

import io.cordon.api.v1.PlateColor;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.simulator.gate.GateAgents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hazmat permits valid now, read from the gate agents' signed caches (the server pushes every
 * gate the permits of its lanes), the same way {@link io.cordon.simulator.gate.GateTraffic} finds
 * its permit holders: the simulator never reads the server's database, and the device account may
 * not read the registration API. Dangerous-goods vehicles carry yellow plates.
 */
public final class GateAgentPermits implements HazmatPermitSource {

  private final GateAgents agents;
  private final Clock clock;

  public GateAgentPermits(GateAgents agents, Clock clock) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<HazmatPermit> validNow() {
    Instant now = clock.instant();
    Map<String, HazmatPermit> byPermitAndPlate = new LinkedHashMap<>();
    for (GateAgent agent : agents.agents()) {
      for (Permit permit : agent.cache().index().permits()) {
        if (permit.revokedAt(now) || !permit.window().contains(now)) {
          continue;
        }
        List<String> gates = new ArrayList<>();
        for (LaneRef lane : permit.scope().lanes()) {
          if (!gates.contains(lane.gate().value())) {
            gates.add(lane.gate().value());
          }
        }
        permit.vehicles().forEach((plate, vehicleClass) -> {
          if (vehicleClass == VehicleClass.HAZMAT) {
            byPermitAndPlate.putIfAbsent(permit.id().value() + "/" + plate.value(), new HazmatPermit(
                permit.id().value(), plate.value(), PlateColor.PLATE_COLOR_YELLOW, gates,
                HazmatPermit.routeIds(permit.route().map(r -> r.value()).orElse("")), permit.host().value(),
                permit.loadingPoint().orElse("")));
          }
        });
      }
    }
    return List.copyOf(byPermitAndPlate.values());
  }
}
