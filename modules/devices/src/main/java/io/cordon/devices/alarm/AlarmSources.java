package io.cordon.devices.alarm;

import io.cordon.devices.track.ServiceArea;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.vehicle.Plate;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/** The sources alarms may come from, checked against the park plan: where each is, whether it exists. */
public final class AlarmSources {

  /** Alarms are about the park: a camera may look a little over the fence, not kilometres beyond. */
  public static final double ALARM_MARGIN_METRES = 500;

  private final Park park;
  private final ServiceArea area;

  public AlarmSources(Park park, ServiceArea area) {
    this.park = park;
    this.area = area;
  }

  public static AlarmSources of(Park park) {
    return new AlarmSources(park, ServiceArea.around(park, ALARM_MARGIN_METRES));
  }

  /** The fixed position of a park device; empty when there is no such device (or the kind has none). */
  public Optional<Point> positionOf(String kind, String id) {
    switch (kind) {
      case "sensor":
        return park.sensor(new SensorId(id)).map(s -> s.position());
      case "camera":
        return park.camera(new CameraId(id)).map(c -> c.position());
      case "gate":
        return park.gate(new GateId(id)).map(g -> g.position());
      default:
        return Optional.empty();
    }
  }

  /** Whether a source of a kind with a fixed position exists in the park. */
  public boolean isParkDevice(String kind) {
    return kind.equals("sensor") || kind.equals("camera") || kind.equals("gate");
  }

  public boolean isValidPlate(String text) {
    return Plate.isValid(text);
  }

  public boolean inArea(double lon, double lat) {
    return area.contains(lon, lat);
  }
}
