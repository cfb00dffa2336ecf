package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

public record ControlZone(ZoneId id, String name, ZoneClass zoneClass, Polygon area) {
  public ControlZone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zoneClass, "zoneClass");
    Objects.requireNonNull(area, "area");
  }
}
