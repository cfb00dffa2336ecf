package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** Where an enterprise loads or unloads goods; its id is unique within the enterprise. */
public record LoadingPoint(String id, String name, Point position) {
  public LoadingPoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
  }
}
