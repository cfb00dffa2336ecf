package io.cordon.domain.park;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

public record Gate(
    GateId id, String name, GateType type, Point position, List<Lane> lanes, boolean normallyClosed) {
  public Gate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(position, "position");
    lanes = List.copyOf(lanes);
  }
}
