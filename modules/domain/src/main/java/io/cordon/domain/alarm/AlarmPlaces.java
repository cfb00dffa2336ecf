package io.cordon.domain.alarm;

import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places alarms in the park: the control zone a point falls in, the cameras that cover it (within
 * {@code cameraRangeMetres} and inside a camera's field of view; the raising camera first), and
 * which perimeter segments touch (share an end), for incident grouping.
 */
public final class AlarmPlaces {

  /** Typical useful range of a park camera for recognising a person. */
  public static final double DEFAULT_CAMERA_RANGE_METRES = 150;
  /** At most this many linked cameras: a 2×2 pop-up. */
  public static final int MAX_LINKED_CAMERAS = 4;
  private static final double TOUCH_METRES = 1.0;

  private final Park park;
  private final double cameraRangeMetres;
  private final Map<SegmentId, Coordinate[]> segmentEnds = new HashMap<>();
  /** The zones, highest risk first, prepared: every report asks which one it falls in. */
  private final List<PreparedZone> zones = new ArrayList<>();

  public AlarmPlaces(Park park, double cameraRangeMetres) {
    this.park = park;
    this.cameraRangeMetres = cameraRangeMetres;
    park.zones().stream().sorted(Comparator.comparing(ControlZone::zoneClass))
        .forEach(z -> zones.add(new PreparedZone(z, PreparedGeometryFactory.prepare(z.area()))));
    for (PerimeterSegment segment : park.perimeter()) {
      Coordinate[] line = segment.line().getCoordinates();
      segmentEnds.put(segment.id(), new Coordinate[] {line[0], line[line.length - 1]});
    }
  }

  public static AlarmPlaces of(Park park) {
    return new AlarmPlaces(park, DEFAULT_CAMERA_RANGE_METRES);
  }

  /** The location of a point with the features it is at; the zone from the park plan. */
  public AlarmLocation locate(double lon, double lat, Optional<SegmentId> segment, Optional<GateId> gate,
      Optional<CameraId> camera) {
    org.locationtech.jts.geom.Point point = Wgs84.point(lon, lat);
    Optional<ControlZone> zone = zones.stream().filter(z -> z.area().covers(point)).findFirst()
        .map(PreparedZone::zone);
    return new AlarmLocation(lon, lat, segment, zone.map(ControlZone::id),
        zone.map(ControlZone::zoneClass).orElse(ZoneClass.GENERAL), gate, camera);
  }

  /** The cameras that see the location, best first: the raising camera, then the nearest in view. */
  public List<CameraId> camerasCovering(AlarmLocation location) {
    Coordinate target = new Coordinate(location.lon(), location.lat());
    List<Candidate> seeing = new ArrayList<>();
    for (Camera camera : park.cameras()) {
      Coordinate at = camera.position().getCoordinate();
      double distance = Wgs84.distanceMetres(at, target);
      if (distance <= cameraRangeMetres && inView(camera, at, target, distance)) {
        seeing.add(new Candidate(camera.id(), distance));
      }
    }
    seeing.sort(Comparator.comparingDouble(Candidate::metres));
    List<CameraId> linked = new ArrayList<>();
    location.camera().ifPresent(linked::add);
    for (Candidate candidate : seeing) {
      if (linked.size() >= MAX_LINKED_CAMERAS) {
        break;
      }
      if (!linked.contains(candidate.id())) {
        linked.add(candidate.id());
      }
    }
    return List.copyOf(linked);
  }

  /** The same segment, or two segments that share an end. */
  public boolean touching(SegmentId a, SegmentId b) {
    if (a.equals(b)) {
      return true;
    }
    Coordinate[] ea = segmentEnds.get(a);
    Coordinate[] eb = segmentEnds.get(b);
    if (ea == null || eb == null) {
      return false;
    }
    for (Coordinate p : ea) {
      for (Coordinate q : eb) {
        if (Wgs84.distanceMetres(p, q) <= TOUCH_METRES) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inView(Camera camera, Coordinate at, Coordinate target, double distance) {
    if (distance < 1 || camera.fovDeg() >= 360) {
      return true;
    }
    double dx = (target.x - at.x) * Math.cos(Math.toRadians(at.y));
    double dy = target.y - at.y;
    double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
    double off = Math.abs(((bearing - camera.headingDeg()) % 360 + 540) % 360 - 180);
    return off <= camera.fovDeg() / 2;
  }

  private record Candidate(CameraId id, double metres) {
  }

  private record PreparedZone(ControlZone zone, PreparedGeometry area) {
  }
}
