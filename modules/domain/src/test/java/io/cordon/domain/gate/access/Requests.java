package io.cordon.domain.gate.access;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import java.time.Instant;
import java.util.Optional;

/** Access requests at the fixture gates. */
final class Requests {

  private Requests() {
  }

  static AccessRequest entry(Gate gate, String lane, Holder holder, Instant at) {
    return new AccessRequest(gate, GateFixture.laneOf(gate, lane), PassageDirection.ENTRY, at, holder, Optional.empty());
  }

  static AccessRequest exit(Gate gate, String lane, Holder holder, Instant at) {
    return new AccessRequest(gate, GateFixture.laneOf(gate, lane), PassageDirection.EXIT, at, holder, Optional.empty());
  }

  /** An entry at an internal checkpoint guarding the zone. */
  static AccessRequest checkpointEntry(Gate gate, String lane, Holder holder, Instant at, ControlZone zone) {
    return new AccessRequest(gate, GateFixture.laneOf(gate, lane), PassageDirection.ENTRY, at, holder,
        Optional.of(zone));
  }
}
