package io.cordon.domain.park;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/**
 * A gate (门禁/卡口) with its lanes. A perimeter gate sits on the perimeter; an internal checkpoint
 * (核心区检查站, §5.2.2) sits on the boundary of the core zone it guards ({@code guardedZone}): entering
 * through it means entering that zone, not the park.
 */
public record Gate(
    GateId id, String name, GateType type, Point position, List<Lane> lanes, boolean normallyClosed,
    Optional<ZoneId> guardedZone) {
  public Gate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(guardedZone, "guardedZone");
    lanes = List.copyOf(lanes);
  }

  /** A perimeter gate. */
  public Gate(GateId id, String name, GateType type, Point position, List<Lane> lanes, boolean normallyClosed) {
    this(id, name, type, position, lanes, normallyClosed, Optional.empty());
  }

  /** True for an internal checkpoint at a core zone's boundary. */
  public boolean isCheckpoint() {
    return guardedZone.isPresent();
  }
}
