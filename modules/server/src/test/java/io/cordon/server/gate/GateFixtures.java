package io.cordon.server.gate;

import io.cordon.devices.gate.GateStateObservation;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Gates and reports for tests below the gRPC layer. */
final class GateFixtures {

  static final Gate SOUTH_GATE = gate("G1", GateType.COMPREHENSIVE, false);
  static final Gate EAST_GATE = gate("G4", GateType.COMPREHENSIVE, false);

  private GateFixtures() {
  }

  static GateStateObservation report(Gate gate, String requestId, GateState state, Instant at) {
    return new GateStateObservation(requestId, "device", gate, state, at, "");
  }

  private static Gate gate(String id, GateType type, boolean normallyClosed) {
    return new Gate(new GateId(id), "Gate " + id, type,
        new GeometryFactory().createPoint(new Coordinate(120.94, 31.93)), List.of(), normallyClosed);
  }
}
