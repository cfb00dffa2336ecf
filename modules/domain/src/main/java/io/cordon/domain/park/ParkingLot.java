package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/** A parking lot; {@code hazmat} marks the 危险物品运输车辆停车场. Capacity in vehicles. */
public record ParkingLot(ParkingLotId id, String name, Polygon area, int capacity, boolean hazmat) {
  public ParkingLot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(area, "area");
  }
}
