package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.LineString;

public record Road(RoadId id, String name, RoadClass roadClass, LineString line, double speedLimitKmh) {
  public Road {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(roadClass, "roadClass");
    Objects.requireNonNull(line, "line");
  }
}
