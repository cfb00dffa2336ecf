package io.cordon.domain.track.rules;

import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Where a violation happened: a WGS84 point, the control zone it falls in and the road it is on, if any. */
public record Place(double lon, double lat, Optional<ZoneId> zone, ZoneClass zoneClass, Optional<RoadId> road) {
  public Place {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(zoneClass, "zoneClass");
    Objects.requireNonNull(road, "road");
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new IllegalArgumentException("not a WGS84 position: " + lon + ", " + lat);
    }
  }

  /** The same place for the alarm center. */
  public AlarmLocation toAlarmLocation() {
    return new AlarmLocation(lon, lat, Optional.empty(), zone, zoneClass, Optional.empty(), Optional.empty());
  }
}
