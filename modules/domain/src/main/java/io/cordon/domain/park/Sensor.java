package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** A perimeter sensor guarding one segment. */
public record Sensor(SensorId id, SensorType type, Point position, SegmentId segmentId) {
  public Sensor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(segmentId, "segmentId");
  }
}
