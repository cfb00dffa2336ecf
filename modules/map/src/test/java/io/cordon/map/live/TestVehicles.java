package io.cordon.map.live;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live vehicles a test moves by hand; every change bumps the revision. */
final class TestVehicles implements LiveVehicles {
  private final Map<String, Entry> vehicles = new LinkedHashMap<>();
  private long revision;

  synchronized TestVehicles put(String plate, VehicleClass vehicleClass, double lon, double lat) {
    return put(plate, vehicleClass, new TrackPoint(lon, lat, 90, 30, 0), List.of());
  }

  synchronized TestVehicles put(String plate, VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail) {
    vehicles.put(plate, new Entry(vehicleClass, current, List.copyOf(trail)));
    revision++;
    return this;
  }

  synchronized void remove(String plate) {
    vehicles.remove(plate);
    revision++;
  }

  @Override
  public synchronized long revision() {
    return revision;
  }

  @Override
  public void forEach(VehicleVisitor visitor) {
    List<Map.Entry<String, Entry>> copy;
    synchronized (this) {
      copy = new ArrayList<>(vehicles.entrySet());
    }
    for (Map.Entry<String, Entry> e : copy) {
      visitor.visit(e.getKey(), e.getValue().vehicleClass(), e.getValue().current(), e.getValue().trail());
    }
  }

  private record Entry(VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail) {}
}
