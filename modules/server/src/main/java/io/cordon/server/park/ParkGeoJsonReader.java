package io.cordon.server.park;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.InvalidParkException;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkRule;
import io.cordon.domain.park.ParkValidator;
import io.cordon.domain.park.ParkViolation;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a park plan from a GeoJSON FeatureCollection (format: resources/park/README.md) and
 * validates it. Structural problems of the file and broken park rules are reported together,
 * one {@link ParkViolation} per problem, in one {@link InvalidParkException}.
 */
public final class ParkGeoJsonReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Feature {@code properties.kind} values, in the order the park lists them. */
  public static final List<String> KINDS =
      List.of("perimeter-segment", "zone", "gate", "road", "camera", "sensor", "parking-lot",
          "enterprise");

  /**
   * Per kind, the model rules whose verdict needs every feature of that kind: when one of them
   * could not be read, these rules would report follow-on problems
   * (a missing segment opens the ring and strands its gates and sensors), so they are skipped
   * and the file gets one message per broken rule.
   */
  private static final Map<String, Set<ParkRule>> RULES_NEEDING_EVERY_FEATURE =
      Map.of("perimeter-segment", EnumSet.of(ParkRule.PERIMETER_CLOSED,
          ParkRule.PERIMETER_SIMPLE, ParkRule.ZONE_INSIDE_PERIMETER, ParkRule.GATE_ON_PERIMETER,
          ParkRule.SENSOR_SEGMENT_EXISTS, ParkRule.SENSOR_ON_SEGMENT));

  private ParkGeoJsonReader() {}

  /**
   * The valid park described by the GeoJSON text.
   *
   * @param source names the input in the exception message (a file name)
   * @throws InvalidParkException listing every structural problem and broken rule
   */
  public static Park read(String geoJson, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(geoJson);
    } catch (JsonProcessingException e) {
      throw invalid(source, List.of(new ParkViolation("file", ParkRule.FILE_FORMAT,
          "not JSON: " + firstClause(e.getOriginalMessage()) + " at line "
              + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
    }
    if (root == null || !root.isObject()
        || !"FeatureCollection".equals(root.path("type").asText())
        || !root.path("features").isArray()) {
      throw invalid(source, List.of(new ParkViolation("file", ParkRule.FILE_FORMAT,
          "not a GeoJSON FeatureCollection with a \"features\" array")));
    }
    Collection collection = new Collection();
    Park park = collection.read(root);
    List<ParkViolation> all = new ArrayList<>(collection.violations);
    Set<ParkRule> skipped = EnumSet.noneOf(ParkRule.class);
    collection.droppedKinds.forEach(kind ->
        skipped.addAll(RULES_NEEDING_EVERY_FEATURE.getOrDefault(kind, Set.of())));
    for (ParkViolation violation : ParkValidator.validate(park)) {
      if (!skipped.contains(violation.rule())) {
        all.add(violation);
      }
    }
    if (!all.isEmpty()) {
      throw invalid(source, all);
    }
    return park;
  }

  /** Jackson's message up to its first detail in parentheses or its second line. */
  private static String firstClause(String message) {
    int end = message.length();
    for (String stop : new String[] {" (", "\n"}) {
      int at = message.indexOf(stop);
      if (at > 0) {
        end = Math.min(end, at);
      }
    }
    return message.substring(0, end);
  }

  private static InvalidParkException invalid(String source, List<ParkViolation> violations) {
    return new InvalidParkException(source, violations);
  }

  /** The file spelling of an enum constant: lower case with hyphens (ELECTRONIC_FENCE → electronic-fence). */
  public static String spelling(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the whole collection, keeping every feature that parses and every problem found. */
  private static final class Collection {
    final List<ParkViolation> violations = new ArrayList<>();
    final List<PerimeterSegment> perimeter = new ArrayList<>();
    final List<ControlZone> zones = new ArrayList<>();
    final List<Gate> gates = new ArrayList<>();
    final List<Road> roads = new ArrayList<>();
    final List<Camera> cameras = new ArrayList<>();
    final List<Sensor> sensors = new ArrayList<>();
    final List<ParkingLot> parkingLots = new ArrayList<>();
    final List<Enterprise> enterprises = new ArrayList<>();
    /** Kinds of which at least one feature was left out because it could not be read. */
    final Set<String> droppedKinds = new HashSet<>();

    Park read(JsonNode root) {
      // Missing metadata is reported here once; the placeholders keep the validator quiet.
      Feature meta = new Feature("park", root.path("park"), violations);
      String id = "park";
      String name = "park";
      long version = 1;
      if (!root.path("park").isObject()) {
        violations.add(new ParkViolation("park", ParkRule.FILE_FORMAT,
            "the collection has no \"park\" member with id, name and version"));
      } else {
        id = meta.text("id");
        name = meta.text("name");
        long parsedVersion = meta.integer("version");
        version = meta.ok ? parsedVersion : 1;
      }
      JsonNode features = root.path("features");
      for (int i = 0; i < features.size(); i++) {
        readFeature(i, features.get(i));
      }
      return new Park(id == null ? "park" : id, name == null ? "park" : name, version, perimeter,
          zones, gates, roads, cameras, sensors, parkingLots, enterprises);
    }

    private void readFeature(int index, JsonNode node) {
      JsonNode idNode = node.path("id");
      String label = idNode.isTextual() || idNode.isNumber() ? idNode.asText() : "#" + index;
      Feature f = new Feature(label, node.path("properties"), violations);
      if (!"Feature".equals(node.path("type").asText())) {
        f.fail(ParkRule.FILE_FORMAT, "element %d of \"features\" is not a GeoJSON Feature", index);
        return;
      }
      if (!node.path("properties").isObject()) {
        f.fail(ParkRule.FEATURE_PROPERTY, "feature has no \"properties\" object");
        return;
      }
      String kind = node.path("properties").path("kind").asText("");
      if (!KINDS.contains(kind)) {
        f.fail(ParkRule.FEATURE_KIND, "unknown kind \"%s\"; expected one of %s", kind,
            String.join(", ", KINDS));
        return;
      }
      if (!(idNode.isTextual() && !idNode.asText().isBlank())) {
        f.fail(ParkRule.FEATURE_PROPERTY, "%s feature has no \"id\" string", kind);
      }
      JsonNode geometry = node.path("geometry");
      readKind(kind, label, f, geometry);
      if (!f.ok) {
        droppedKinds.add(kind);
      }
    }

    private void readKind(String kind, String label, Feature f, JsonNode geometry) {
      switch (kind) {
        case "perimeter-segment": {
          PerimeterType type = f.enumeration("perimeterType", PerimeterType.class);
          LineString line = f.lineString(geometry);
          if (f.ok) {
            perimeter.add(new PerimeterSegment(new SegmentId(label), type, line));
          }
          break;
        }
        case "zone": {
          String name = f.text("name");
          ZoneClass zoneClass = f.enumeration("zoneClass", ZoneClass.class);
          Polygon area = f.polygon(geometry);
          if (f.ok) {
            zones.add(new ControlZone(new ZoneId(label), name, zoneClass, area));
          }
          break;
        }
        case "gate": {
          String name = f.text("name");
          GateType type = f.enumeration("gateType", GateType.class);
          boolean normallyClosed = f.bool("normallyClosed");
          List<Lane> lanes = f.lanes();
          Point position = f.point(geometry);
          Optional<ZoneId> guards = f.optionalText("guardsZone").map(ZoneId::new);
          if (f.ok) {
            gates.add(new Gate(new GateId(label), name, type, position, lanes, normallyClosed, guards));
          }
          break;
        }
        case "road": {
          String name = f.text("name");
          RoadClass roadClass = f.enumeration("roadClass", RoadClass.class);
          double speed = f.number("speedLimitKmh");
          LineString line = f.lineString(geometry);
          if (f.ok) {
            roads.add(new Road(new RoadId(label), name, roadClass, line, speed));
          }
          break;
        }
        case "camera": {
          String name = f.text("name");
          double heading = f.number("headingDeg");
          double fov = f.number("fovDeg");
          Point position = f.point(geometry);
          if (f.ok) {
            cameras.add(new Camera(new CameraId(label), name, position, heading, fov));
          }
          break;
        }
        case "sensor": {
          SensorType type = f.enumeration("sensorType", SensorType.class);
          String segment = f.text("segmentId");
          Point position = f.point(geometry);
          if (f.ok) {
            sensors.add(new Sensor(new SensorId(label), type, position, new SegmentId(segment)));
          }
          break;
        }
        case "parking-lot": {
          String name = f.text("name");
          long capacity = f.integer("capacity");
          boolean hazmat = f.bool("hazmat");
          Polygon area = f.polygon(geometry);
          if (f.ok) {
            parkingLots.add(new ParkingLot(new ParkingLotId(label), name, area,
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, capacity)), hazmat));
          }
          break;
        }
        case "enterprise": {
          String name = f.text("name");
          List<LoadingPoint> loadingPoints = f.loadingPoints();
          Point position = f.point(geometry);
          if (f.ok) {
            enterprises.add(new Enterprise(new EnterpriseId(label), name, position, loadingPoints));
          }
          break;
        }
        default:
          throw new IllegalStateException(kind);
      }
    }
  }

  /** Typed access to one feature's properties and geometry; every problem becomes a violation. */
  private static final class Feature {
    final String label;
    final JsonNode properties;
    final List<ParkViolation> violations;
    boolean ok = true;

    Feature(String label, JsonNode properties, List<ParkViolation> violations) {
      this.label = label;
      this.properties = properties;
      this.violations = violations;
    }

    void fail(ParkRule rule, String message, Object... args) {
      ok = false;
      violations.add(new ParkViolation(label, rule, String.format(Locale.ROOT, message, args)));
    }

    String text(String name) {
      return text(properties, name, name);
    }

    /** An optional text property: absent or null is empty; present, it must be a non-empty string. */
    Optional<String> optionalText(String name) {
      JsonNode value = properties.path(name);
      if (value.isMissingNode() || value.isNull()) {
        return Optional.empty();
      }
      return Optional.ofNullable(text(name));
    }

    String text(JsonNode object, String name, String path) {
      JsonNode value = object.path(name);
      if (!value.isTextual() || value.asText().isBlank()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"%s\" must be a non-empty string", path);
        return null;
      }
      return value.asText();
    }

    double number(String name) {
      JsonNode value = properties.path(name);
      if (!value.isNumber()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"%s\" must be a number", name);
        return Double.NaN;
      }
      return value.asDouble();
    }

    long integer(String name) {
      JsonNode value = properties.path(name);
      if (!value.isIntegralNumber()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"%s\" must be an integer", name);
        return 0;
      }
      return value.asLong();
    }

    boolean bool(String name) {
      JsonNode value = properties.path(name);
      if (!value.isBoolean()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"%s\" must be true or false", name);
        return false;
      }
      return value.asBoolean();
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> type) {
      return enumeration(properties, name, name, type);
    }

    <E extends Enum<E>> E enumeration(JsonNode object, String name, String path, Class<E> type) {
      String text = object.path(name).asText("");
      for (E constant : type.getEnumConstants()) {
        if (spelling(constant).equals(text)) {
          return constant;
        }
      }
      fail(ParkRule.FEATURE_PROPERTY, "property \"%s\" is \"%s\"; expected one of %s", path,
          text, Arrays.stream(type.getEnumConstants()).map(ParkGeoJsonReader::spelling)
              .collect(Collectors.joining(", ")));
      return null;
    }

    List<Lane> lanes() {
      JsonNode lanes = properties.path("lanes");
      if (!lanes.isArray()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"lanes\" must be an array");
        return List.of();
      }
      List<Lane> result = new ArrayList<>();
      for (int i = 0; i < lanes.size(); i++) {
        JsonNode lane = lanes.get(i);
        String path = "lanes[" + i + "].";
        String id = text(lane, "id", path + "id");
        LaneClass laneClass = enumeration(lane, "laneClass", path + "laneClass", LaneClass.class);
        LaneDirection direction =
            enumeration(lane, "direction", path + "direction", LaneDirection.class);
        if (id != null && laneClass != null && direction != null) {
          result.add(new Lane(id, laneClass, direction));
        }
      }
      return result;
    }

    List<LoadingPoint> loadingPoints() {
      JsonNode points = properties.path("loadingPoints");
      if (!points.isArray()) {
        fail(ParkRule.FEATURE_PROPERTY, "property \"loadingPoints\" must be an array");
        return List.of();
      }
      List<LoadingPoint> result = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        JsonNode point = points.get(i);
        String path = "loadingPoints[" + i + "].";
        String id = text(point, "id", path + "id");
        String name = text(point, "name", path + "name");
        Coordinate position = position(point.path("position"), path + "position");
        if (id != null && name != null && position != null) {
          result.add(new LoadingPoint(id, name, Wgs84.FACTORY.createPoint(position)));
        }
      }
      return result;
    }

    // ---- geometry ----

    private JsonNode coordinates(JsonNode geometry, String expectedType) {
      String type = geometry.path("type").asText("");
      if (!expectedType.equals(type) || !geometry.path("coordinates").isArray()) {
        fail(ParkRule.GEOMETRY_TYPE, "geometry must be a %s with coordinates, found %s",
            expectedType, type.isEmpty() ? "none" : type);
        return null;
      }
      return geometry.path("coordinates");
    }

    Point point(JsonNode geometry) {
      JsonNode coordinates = coordinates(geometry, "Point");
      Coordinate c = coordinates == null ? null : position(coordinates, "coordinates");
      return c == null ? null : Wgs84.FACTORY.createPoint(c);
    }

    LineString lineString(JsonNode geometry) {
      JsonNode coordinates = coordinates(geometry, "LineString");
      Coordinate[] line = coordinates == null ? null : positions(coordinates, "coordinates");
      if (line == null) {
        return null;
      }
      if (line.length < 2) {
        fail(ParkRule.GEOMETRY_TYPE, "a LineString needs at least two positions");
        return null;
      }
      return Wgs84.FACTORY.createLineString(line);
    }

    Polygon polygon(JsonNode geometry) {
      JsonNode coordinates = coordinates(geometry, "Polygon");
      if (coordinates == null) {
        return null;
      }
      if (coordinates.isEmpty()) {
        fail(ParkRule.GEOMETRY_TYPE, "a Polygon needs at least its outer ring");
        return null;
      }
      List<LinearRing> rings = new ArrayList<>();
      for (int i = 0; i < coordinates.size(); i++) {
        Coordinate[] ring = positions(coordinates.get(i), "coordinates[" + i + "]");
        if (ring == null) {
          return null;
        }
        if (ring.length < 4 || !ring[0].equals2D(ring[ring.length - 1])) {
          fail(ParkRule.RING_CLOSED,
              "polygon ring %d is not closed: it needs at least 4 positions and must end where"
                  + " it starts", i);
          return null;
        }
        rings.add(Wgs84.FACTORY.createLinearRing(ring));
      }
      return Wgs84.polygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    private Coordinate[] positions(JsonNode array, String path) {
      if (!array.isArray()) {
        fail(ParkRule.GEOMETRY_TYPE, "%s must be an array of positions", path);
        return null;
      }
      Coordinate[] result = new Coordinate[array.size()];
      for (int i = 0; i < array.size(); i++) {
        result[i] = position(array.get(i), path + "[" + i + "]");
        if (result[i] == null) {
          return null;
        }
      }
      return result;
    }

    private Coordinate position(JsonNode position, String path) {
      if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
          || !position.get(1).isNumber()) {
        fail(ParkRule.GEOMETRY_TYPE, "%s must be a [longitude, latitude] position", path);
        return null;
      }
      double lon = position.get(0).asDouble();
      double lat = position.get(1).asDouble();
      if (!Wgs84.inRange(lon, lat)) {
        fail(ParkRule.COORDINATE_RANGE,
            "%s = [%s, %s] is not a WGS84 longitude (-180..180), latitude (-90..90)", path,
            position.get(0).asText(), position.get(1).asText());
        return null;
      }
      return new Coordinate(lon, lat);
    }
  }
}
