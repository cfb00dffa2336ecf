package io.cordon.domain.alarm;

import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an alarm is: always a WGS84 point, plus the park features it is at (perimeter segment, gate,
 * camera) and the control zone it falls in. Outside every zone counts as the general area.
 */
public record AlarmLocation(
    double lon,
    double lat,
    Optional<SegmentId> segment,
    Optional<ZoneId> zone,
    ZoneClass zoneClass,
    Optional<GateId> gate,
    Optional<CameraId> camera) {

  public AlarmLocation {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(zoneClass, "zoneClass");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(camera, "camera");
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new IllegalArgumentException("not a WGS84 position: " + lon + ", " + lat);
    }
  }

  /** A bare point in the general area (tests, and places the park plan does not know). */
  public static AlarmLocation point(double lon, double lat) {
    return new AlarmLocation(lon, lat, Optional.empty(), Optional.empty(), ZoneClass.GENERAL, Optional.empty(),
        Optional.empty());
  }
}
