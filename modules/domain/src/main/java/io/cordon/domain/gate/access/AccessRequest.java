package io.cordon.domain.gate.access;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One identification at a lane to decide on.
 *
 * @param guardedZone the zone an internal checkpoint guards (core-area authorisation); empty for perimeter gates
 */
public record AccessRequest(Gate gate, Lane lane, PassageDirection direction, Instant at, Holder holder,
    Optional<ControlZone> guardedZone) {
  public AccessRequest {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(guardedZone, "guardedZone");
  }

  /** True at an internal checkpoint (guarding a zone), false at the park's perimeter. */
  public boolean internalCheckpoint() {
    return guardedZone.isPresent();
  }
}
