package io.cordon.simulator.parkgen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.domain.geo.LocalProjection;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/**
 * Builds the GeoJSON text of a park: metric coordinates go through the local projection and are
 * rounded to 6 decimals (about 0.1 m), written as plain decimals, one feature per line, so that
 * the output is byte-for-byte stable across JVMs and diffs stay readable.
 */
final class GeoJsonFeatures {
  private static final int DECIMALS = 6;
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final LocalProjection projection;
  private final List<ObjectNode> features = new ArrayList<>();

  GeoJsonFeatures(LocalProjection projection) {
    this.projection = projection;
  }

  /** Adds a feature and returns its properties object for the caller to fill. */
  ObjectNode add(String id, String kind, ObjectNode geometry) {
    ObjectNode feature = NODES.objectNode();
    feature.put("type", "Feature");
    feature.put("id", id);
    ObjectNode properties = feature.putObject("properties");
    properties.put("kind", kind);
    feature.set("geometry", geometry);
    features.add(feature);
    return properties;
  }

  ObjectNode point(Coordinate metres) {
    ObjectNode geometry = NODES.objectNode().put("type", "Point");
    geometry.set("coordinates", position(metres));
    return geometry;
  }

  ObjectNode lineString(List<Coordinate> metres) {
    ObjectNode geometry = NODES.objectNode().put("type", "LineString");
    geometry.set("coordinates", positions(metres));
    return geometry;
  }

  /** A polygon from closed metric rings; the first is the shell. */
  ObjectNode polygon(List<List<Coordinate>> rings) {
    ObjectNode geometry = NODES.objectNode().put("type", "Polygon");
    ArrayNode coordinates = geometry.putArray("coordinates");
    rings.forEach(ring -> coordinates.add(positions(ring)));
    return geometry;
  }

  ArrayNode position(Coordinate metres) {
    Coordinate lonLat = projection.toLonLat(metres);
    return NODES.arrayNode().add(decimal(lonLat.x, DECIMALS)).add(decimal(lonLat.y, DECIMALS));
  }

  private ArrayNode positions(List<Coordinate> metres) {
    ArrayNode array = NODES.arrayNode();
    metres.forEach(c -> array.add(position(c)));
    return array;
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** {@code value} rounded half-up to {@code decimals}, without trailing zeros or exponent. */
  static BigDecimal decimal(double value, int decimals) {
    BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
  }

  /** The FeatureCollection with the park's id, name and version as a foreign member. */
  String write(String parkId, String parkName, long version) {
    try {
      ObjectNode park = NODES.objectNode().put("id", parkId).put("name", parkName)
          .put("version", version);
      StringBuilder out = new StringBuilder();
      out.append("{\"type\":\"FeatureCollection\",\n\"park\":")
          .append(JSON.writeValueAsString(park))
          .append(",\n\"features\":[\n");
      for (int i = 0; i < features.size(); i++) {
        out.append(JSON.writeValueAsString(features.get(i)))
            .append(i + 1 < features.size() ? ",\n" : "\n");
      }
      return out.append("]}\n").toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String spelling(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
