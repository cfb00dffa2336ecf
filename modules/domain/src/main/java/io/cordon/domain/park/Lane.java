package io.cordon.domain.park;

import java.util.Objects;

/** A lane of a gate; its id is unique within the gate. */
public record Lane(String id, LaneClass laneClass, LaneDirection direction) {
  public Lane {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(laneClass, "laneClass");
    Objects.requireNonNull(direction, "direction");
  }
}
