package io.cordon.server.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cordon.domain.park.GateType;
import io.cordon.domain.park.InvalidParkException;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkRule;
import io.cordon.domain.park.ParkViolation;
import io.cordon.domain.park.PerimeterType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Park files from src/test/resources/park: one good one, and one bad one per rule. */
class ParkGeoJsonReaderTest {

  static Path fixture(String name) {
    try {
      return Path.of(ParkGeoJsonReaderTest.class.getResource("/park/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test fixture park/" + name, e);
    }
  }

  @Test
  void minimalParkFileLoadsWithEveryKindOfFeature() {
    Park park = ParkFileLoader.load(fixture("minimal-park.geojson"));

    assertThat(park.id()).isEqualTo("TEST");
    assertThat(park.name()).isEqualTo("测试园区");
    assertThat(park.version()).isEqualTo(1);
    assertThat(park.perimeter()).extracting(s -> s.type()).containsExactly(PerimeterType.WALL,
        PerimeterType.FENCE, PerimeterType.RIVER, PerimeterType.ELECTRONIC_FENCE);
    assertThat(park.zones()).hasSize(3);
    assertThat(park.zones().get(2).area().getNumInteriorRing()).isEqualTo(2);
    assertThat(park.gates()).extracting(g -> g.type()).containsExactly(GateType.COMPREHENSIVE,
        GateType.DEDICATED, GateType.ORDINARY, GateType.EMERGENCY);
    assertThat(park.gates().get(0).lanes()).extracting(l -> l.laneClass())
        .containsExactly(LaneClass.PEDESTRIAN, LaneClass.ORDINARY, LaneClass.HAZMAT,
            LaneClass.HAZWASTE);
    assertThat(park.roads()).singleElement().satisfies(r -> assertThat(r.speedLimitKmh())
        .isEqualTo(30));
    assertThat(park.cameras()).singleElement().satisfies(c -> assertThat(c.headingDeg())
        .isEqualTo(180));
    assertThat(park.sensors()).singleElement().satisfies(s -> assertThat(s.segmentId().value())
        .isEqualTo("SEG-1"));
    assertThat(park.parkingLots()).singleElement().satisfies(p -> assertThat(p.capacity())
        .isEqualTo(20));
    assertThat(park.enterprises()).singleElement().satisfies(e -> assertThat(e.loadingPoints())
        .singleElement().satisfies(lp -> assertThat(lp.position().getX()).isEqualTo(120.9522)));
  }

  @ParameterizedTest(name = "{0} is rejected naming {1} and [{2}]")
  @CsvSource({
      // model rules (ParkValidator)
      "bad-park-version.geojson,               TEST,   park-version",
      "bad-unique-id.geojson,                  CAM-1,  unique-id",
      "bad-perimeter-closed.geojson,           SEG-4,  perimeter-closed",
      "bad-perimeter-simple.geojson,           SEG-2,  perimeter-simple",
      "bad-zone-valid.geojson,                 Z-CORE, zone-valid",
      "bad-zone-inside-perimeter.geojson,      Z-KEY-2, zone-inside-perimeter",
      "bad-zone-overlap.geojson,               Z-CORE, zone-overlap",
      "bad-gate-on-perimeter.geojson,          G-ORD,  gate-on-perimeter",
      "bad-gate-has-lane.geojson,              G-ORD,  gate-has-lane",
      "bad-ordinary-gate-no-hazmat.geojson,    G-ORD,  ordinary-gate-no-hazmat",
      "bad-dedicated-gate-hazmat-only.geojson, G-DED,  dedicated-gate-hazmat-only",
      "bad-emergency-gate-closed.geojson,      G-EMG,  emergency-gate-closed",
      "bad-gate-normally-open.geojson,         G-ORD,  gate-normally-open",
      "bad-sensor-segment.geojson,             S-1,    sensor-segment",
      "bad-sensor-on-segment.geojson,          S-1,    sensor-on-segment",
      "bad-speed-limit.geojson,                R-1,    speed-limit",
      "bad-parking-capacity.geojson,           PL-1,   parking-capacity",
      // file rules (ParkGeoJsonReader)
      "bad-file-format.geojson,                file,   file-format",
      "bad-file-format-no-park.geojson,        park,   file-format",
      "malformed.geojson,                      file,   file-format",
      "bad-feature-kind.geojson,               T-1,    feature-kind",
      "bad-feature-property.geojson,           CAM-1,  feature-property",
      "bad-feature-property-enum.geojson,      G-COMP, feature-property",
      "bad-feature-property-no-id.geojson,     #12,    feature-property",
      "bad-geometry-type.geojson,              G-ORD,  geometry-type",
      "bad-ring-closed.geojson,                PL-1,   ring-closed",
      "bad-coordinate-range.geojson,           CAM-1,  coordinate-range",
  })
  void badParkFileIsRejectedWithAMessageNamingTheFeatureAndTheRule(String file, String featureId,
      String code) {
    ParkRule rule = Arrays.stream(ParkRule.values()).filter(r -> r.code().equals(code))
        .findFirst().orElseThrow();

    assertThatThrownBy(() -> ParkFileLoader.load(fixture(file)))
        .isInstanceOfSatisfying(InvalidParkException.class, e -> {
          assertThat(e.violations()).extracting(ParkViolation::featureId, ParkViolation::rule)
              .contains(tuple(featureId, rule));
          assertThat(e.getMessage()).startsWith(file)
              .containsPattern("(?m)^\\s*" + java.util.regex.Pattern.quote(featureId) + " \\["
                  + code + "\\] \\S");
        });
  }

  @ParameterizedTest(name = "{0} reports only its own rule")
  @CsvSource({
      "bad-park-version.geojson", "bad-unique-id.geojson", "bad-perimeter-closed.geojson",
      "bad-zone-valid.geojson", "bad-zone-inside-perimeter.geojson",
      "bad-zone-overlap.geojson", "bad-gate-on-perimeter.geojson", "bad-gate-has-lane.geojson",
      "bad-ordinary-gate-no-hazmat.geojson", "bad-dedicated-gate-hazmat-only.geojson",
      "bad-emergency-gate-closed.geojson", "bad-gate-normally-open.geojson",
      "bad-sensor-segment.geojson", "bad-sensor-on-segment.geojson", "bad-speed-limit.geojson",
      "bad-parking-capacity.geojson", "bad-feature-kind.geojson",
      "bad-feature-property.geojson", "bad-coordinate-range.geojson"})
  void aFileThatBreaksOneRuleGetsExactlyOneMessage(String file) {
    assertThatThrownBy(() -> ParkFileLoader.load(fixture(file)))
        .isInstanceOfSatisfying(InvalidParkException.class,
            e -> assertThat(e.violations()).hasSize(1));
  }

  @Test
  void unreadablePerimeterSegmentGetsOneMessageAndNoFollowOnMessages() {
    // SEG-1 carries gate G-COMP and sensor S-1; leaving it out must not open the ring or
    // strand them in further messages.
    assertThatThrownBy(() -> ParkFileLoader.load(fixture("bad-segment-unreadable.geojson")))
        .isInstanceOfSatisfying(InvalidParkException.class, e ->
            assertThat(e.violations()).extracting(ParkViolation::featureId, ParkViolation::rule)
                .containsExactly(tuple("SEG-1", ParkRule.GEOMETRY_TYPE)));
  }

  @Test
  void fileProblemsAndBrokenRulesAreReportedTogether() {
    assertThatThrownBy(() -> ParkFileLoader.load(fixture("bad-several-rules.geojson")))
        .isInstanceOfSatisfying(InvalidParkException.class, e ->
            assertThat(e.violations()).extracting(ParkViolation::featureId, ParkViolation::rule)
                .containsExactlyInAnyOrder(
                    tuple("CAM-1", ParkRule.FEATURE_PROPERTY),
                    tuple("TEST", ParkRule.PARK_VERSION_POSITIVE),
                    tuple("G-ORD", ParkRule.ORDINARY_GATE_NO_DANGEROUS_GOODS),
                    tuple("G-ORD", ParkRule.OTHER_GATE_NORMALLY_OPEN),
                    tuple("G-EMG", ParkRule.EMERGENCY_GATE_NORMALLY_CLOSED),
                    tuple("PL-1", ParkRule.PARKING_CAPACITY_POSITIVE)));
  }

  @Test
  void malformedJsonIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> ParkFileLoader.load(fixture("malformed.geojson")))
        .isInstanceOf(InvalidParkException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("line");
  }

  @Test
  void emptyTextIsNotAParkFile() {
    assertThatThrownBy(() -> ParkGeoJsonReader.read("", "empty.geojson"))
        .isInstanceOfSatisfying(InvalidParkException.class, e ->
            assertThat(e.violations()).extracting(ParkViolation::rule)
                .containsExactly(ParkRule.FILE_FORMAT));
  }
}
