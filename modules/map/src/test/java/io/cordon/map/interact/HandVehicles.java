package io.cordon.map.interact;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.live.LiveVehicles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live vehicles a test places by hand; every change bumps the revision. */
final class HandVehicles implements LiveVehicles {
  private final Map<String, Fix> vehicles = new LinkedHashMap<>();
  private long revision;

  synchronized HandVehicles put(String plate, VehicleClass vehicleClass, double lon, double lat) {
    vehicles.put(plate, new Fix(vehicleClass, new TrackPoint(lon, lat, 90, 36, 1_764_000_000_000L)));
    revision++;
    return this;
  }

  @Override
  public synchronized long revision() {
    return revision;
  }

  @Override
  public void forEach(VehicleVisitor visitor) {
    List<Map.Entry<String, Fix>> copy;
    synchronized (this) {
      copy = new ArrayList<>(vehicles.entrySet());
    }
    for (Map.Entry<String, Fix> e : copy) {
      visitor.visit(e.getKey(), e.getValue().vehicleClass(), e.getValue().point(), List.of());
    }
  }

  private record Fix(VehicleClass vehicleClass, TrackPoint point) {}
}
