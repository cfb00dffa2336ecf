package io.cordon.map.interact;

import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Test-only reader of the repository's sample park (resources/park/sample-park.geojson), for the
 * screenshots: the map module may not use the server's loader. Reads just the fields the park
 * model needs, with a minimal JSON parser; no validation.
 */
final class SampleParkFile {
  private static final GeometryFactory GEO = new GeometryFactory();

  private SampleParkFile() {}

  static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("resources/park/sample-park.geojson");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return Path.of("/work/main/resources/park/sample-park.geojson");
  }

  @SuppressWarnings("unchecked")
  static Park read(Path file) throws IOException {
    Map<String, Object> root = (Map<String, Object>) new Json(Files.readString(file)).value();
    Map<String, Object> park = (Map<String, Object>) root.get("park");
    List<PerimeterSegment> perimeter = new ArrayList<>();
    List<ControlZone> zones = new ArrayList<>();
    List<Gate> gates = new ArrayList<>();
    List<Road> roads = new ArrayList<>();
    List<Camera> cameras = new ArrayList<>();
    List<Sensor> sensors = new ArrayList<>();
    List<ParkingLot> lots = new ArrayList<>();
    List<Enterprise> enterprises = new ArrayList<>();
    for (Object o : (List<Object>) root.get("features")) {
      Map<String, Object> f = (Map<String, Object>) o;
      String id = (String) f.get("id");
      Map<String, Object> p = (Map<String, Object>) f.get("properties");
      Map<String, Object> g = (Map<String, Object>) f.get("geometry");
      List<Object> coords = (List<Object>) g.get("coordinates");
      switch ((String) p.get("kind")) {
        case "perimeter-segment" -> perimeter.add(new PerimeterSegment(new SegmentId(id),
            PerimeterType.valueOf(constant(p.get("perimeterType"))), GEO.createLineString(line(coords))));
        case "zone" -> zones.add(new ControlZone(new ZoneId(id), (String) p.get("name"),
            ZoneClass.valueOf(constant(p.get("zoneClass"))), polygon(coords)));
        case "gate" -> {
          List<Lane> lanes = new ArrayList<>();
          for (Object l : (List<Object>) p.get("lanes")) {
            Map<String, Object> lane = (Map<String, Object>) l;
            lanes.add(new Lane((String) lane.get("id"), LaneClass.valueOf(constant(lane.get("laneClass"))),
                LaneDirection.valueOf(constant(lane.get("direction")))));
          }
          gates.add(new Gate(new GateId(id), (String) p.get("name"), GateType.valueOf(constant(p.get("gateType"))),
              point(coords), lanes, Boolean.TRUE.equals(p.get("normallyClosed"))));
        }
        case "road" -> roads.add(new Road(new RoadId(id), (String) p.get("name"),
            RoadClass.valueOf(constant(p.get("roadClass"))), GEO.createLineString(line(coords)),
            ((Number) p.get("speedLimitKmh")).doubleValue()));
        case "camera" -> cameras.add(new Camera(new CameraId(id), (String) p.get("name"), point(coords),
            ((Number) p.get("headingDeg")).doubleValue(), ((Number) p.get("fovDeg")).doubleValue()));
        case "sensor" -> sensors.add(new Sensor(new SensorId(id), SensorType.valueOf(constant(p.get("sensorType"))),
            point(coords), new SegmentId((String) p.get("segmentId"))));
        case "parking-lot" -> lots.add(new ParkingLot(new ParkingLotId(id), (String) p.get("name"), polygon(coords),
            ((Number) p.get("capacity")).intValue(), Boolean.TRUE.equals(p.get("hazmat"))));
        case "enterprise" -> {
          List<LoadingPoint> points = new ArrayList<>();
          Object lps = p.get("loadingPoints");
          if (lps instanceof List<?> list) {
            for (Object l : list) {
              Map<String, Object> lp = (Map<String, Object>) l;
              points.add(new LoadingPoint((String) lp.get("id"), (String) lp.get("name"),
                  point((List<Object>) lp.get("position"))));
            }
          }
          enterprises.add(new Enterprise(new EnterpriseId(id), (String) p.get("name"), point(coords), points));
        }
        default -> { }
      }
    }
    return new Park((String) park.get("id"), (String) park.get("name"), ((Number) park.get("version")).longValue(),
        perimeter, zones, gates, roads, cameras, sensors, lots, enterprises);
  }

  private static String constant(Object camelOrKebab) {
    return ((String) camelOrKebab).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static Point point(List<Object> xy) {
    return GEO.createPoint(new Coordinate(((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue()));
  }

  @SuppressWarnings("unchecked")
  private static Coordinate[] line(List<Object> coords) {
    Coordinate[] c = new Coordinate[coords.size()];
    for (int i = 0; i < c.length; i++) {
      List<Object> xy = (List<Object>) coords.get(i);
      c[i] = new Coordinate(((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue());
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Polygon polygon(List<Object> rings) {
    LinearRing shell = GEO.createLinearRing(line((List<Object>) rings.get(0)));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = GEO.createLinearRing(line((List<Object>) rings.get(i)));
    }
    return GEO.createPolygon(shell, holes);
  }

  /** Just enough JSON: objects, arrays, strings (with escapes), numbers, true/false/null. */
  private static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          skip();
          String k = string();
          skip();
          i++; // :
          m.put(k, value());
          skip();
          if (s.charAt(i++) == '}') {
            return m;
          }
        }
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          skip();
          if (s.charAt(i++) == ']') {
            return l;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      return Double.parseDouble(s.substring(start, i));
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      i++; // opening quote
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      i++;
      return b.toString();
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
