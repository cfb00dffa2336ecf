package io.cordon.domain.park;

import static io.cordon.domain.park.ParkFixture.edit;
import static io.cordon.domain.park.ParkFixture.lane;
import static io.cordon.domain.park.ParkFixture.minimalValidPark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParkValidatorTest {
  private final ParkFixture m = ParkFixture.metres();
  private final Park valid = minimalValidPark();

  private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>>
      assertViolations(Park park) {
    return assertThat(ParkValidator.validate(park))
        .extracting(ParkViolation::featureId, ParkViolation::rule);
  }

  @Test
  void minimalParkKeepsEveryRule() {
    assertThat(ParkValidator.validate(valid)).isEmpty();
  }

  @Test
  void requireValidReturnsAValidPark() {
    assertThat(ParkValidator.requireValid(valid)).isSameAs(valid);
  }

  @Test
  void parkVersionBelowOneIsRejected() {
    Park park = edit(valid, p -> p.version = 0);

    assertViolations(park).containsExactly(tuple("TEST", ParkRule.PARK_VERSION_POSITIVE));
  }

  @Test
  void duplicateIdsOfTheSameKindAreRejected() {
    Park park = edit(valid, p -> p.cameras.add(p.cameras.get(0)));

    assertViolations(park).containsExactly(tuple("CAM-1", ParkRule.UNIQUE_ID));
  }

  @Test
  void sameIdOnFeaturesOfDifferentKindsIsAllowed() {
    Park park = edit(valid, p -> p.cameras.set(0, new Camera(new CameraId("G-ORD"), "北门",
        m.point(500, 980), 0, 60)));

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void duplicateLaneIdsWithinAGateAreRejected() {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, false,
        lane("L1", LaneClass.ORDINARY), lane("L1", LaneClass.PEDESTRIAN))));

    assertViolations(park).containsExactly(tuple("G-ORD", ParkRule.UNIQUE_ID));
  }

  @Test
  void perimeterWithAGapBetweenSegmentsIsRejected() {
    Park park = edit(valid, p -> p.perimeter.set(2,
        m.segment("SEG-3", PerimeterType.RIVER, 1000, 1000, 0, 1005)));

    assertViolations(park).containsExactly(tuple("SEG-4", ParkRule.PERIMETER_CLOSED));
  }

  @Test
  void gapOfLessThanAMetreBetweenSegmentsIsTolerated() {
    Park park = edit(valid, p -> p.perimeter.set(2,
        m.segment("SEG-3", PerimeterType.RIVER, 1000, 1000, 0, 1000.5)));

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void parkWithoutPerimeterIsRejected() {
    Park park = edit(valid, p -> {
      p.perimeter.clear();
      p.sensors.clear();
    });

    assertViolations(park).containsExactly(tuple("TEST", ParkRule.PERIMETER_CLOSED));
  }

  @Test
  void selfCrossingPerimeterIsRejected() {
    // A bow tie: the second and fourth segments cross in the middle of the square.
    Park park = edit(valid, p -> {
      p.perimeter.set(1, m.segment("SEG-2", PerimeterType.FENCE, 1000, 0, 0, 1000));
      p.perimeter.set(2, m.segment("SEG-3", PerimeterType.RIVER, 0, 1000, 1000, 1000));
      p.perimeter.set(3, m.segment("SEG-4", PerimeterType.ELECTRONIC_FENCE, 1000, 1000, 0, 0));
      p.zones.clear();
      p.gates.clear();
    });

    assertViolations(park).containsExactly(tuple("SEG-2", ParkRule.PERIMETER_SIMPLE));
  }

  @Test
  void oneSegmentPerimeterDrawnAsAFigureEightIsRejected() {
    // One closed segment whose two diagonals cross in the middle of the square.
    Park park = edit(valid, p -> {
      p.perimeter.clear();
      p.perimeter.add(m.segment("SEG-1", PerimeterType.WALL,
          0, 0, 1000, 1000, 1000, 0, 0, 1000, 0, 0));
      p.gates.clear();
      p.sensors.clear();
    });

    assertViolations(park).containsExactly(tuple("SEG-1", ParkRule.PERIMETER_SIMPLE));
  }

  @Test
  void perimeterOfTwoLoopsCrossingAtTheirJointIsRejected() {
    // Each segment is a closed, simple loop; the ring runs through their shared joint twice.
    Park park = edit(valid, p -> {
      p.perimeter.clear();
      p.perimeter.add(m.segment("SEG-1", PerimeterType.WALL,
          500, 500, 1000, 1000, 1000, 0, 500, 500));
      p.perimeter.add(m.segment("SEG-2", PerimeterType.FENCE,
          500, 500, 0, 1000, 0, 0, 500, 500));
      p.zones.clear();
      p.gates.clear();
      p.sensors.clear();
    });

    assertThat(ParkValidator.validate(park)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(ParkRule.PERIMETER_SIMPLE);
      assertThat(v.message()).contains("near (");
    });
  }

  @Test
  void invalidZonePolygonIsRejected() {
    Park park = edit(valid, p -> p.zones.set(0, new ControlZone(new ZoneId("Z-CORE"), "核心",
        ZoneClass.CORE, m.polygon(100, 100, 300, 300, 300, 100, 100, 300))));

    assertViolations(park).contains(tuple("Z-CORE", ParkRule.ZONE_VALID))
        .doesNotContain(tuple("Z-CORE", ParkRule.ZONE_INSIDE_PERIMETER));
  }

  @Test
  void zoneReachingOutsideThePerimeterIsRejected() {
    Park park = edit(valid, p -> p.zones.set(1, new ControlZone(new ZoneId("Z-KEY"), "关键",
        ZoneClass.KEY, m.rect(600, 600, 800, 1050))));

    assertViolations(park).contains(tuple("Z-KEY", ParkRule.ZONE_INSIDE_PERIMETER));
  }

  @Test
  void zoneOnThePerimeterEdgeIsInside() {
    Park park = edit(valid, p -> {
      p.zones.set(1, new ControlZone(new ZoneId("Z-KEY"), "关键", ZoneClass.KEY,
          m.rect(600, 600, 1000, 800)));
      p.zones.set(2, new ControlZone(new ZoneId("Z-GEN"), "一般", ZoneClass.GENERAL,
          m.polygon(0, 0, 1000, 0, 1000, 600, 600, 600, 600, 800, 1000, 800, 1000, 1000,
              0, 1000)));
    });

    // The general area is not cut for the core zone here; only that overlap is reported.
    assertViolations(park).containsExactly(tuple("Z-CORE", ParkRule.ZONE_OVERLAP));
  }

  @Test
  void overlappingZonesOfDifferentClassesAreRejected() {
    Park park = edit(valid, p -> p.zones.set(1, new ControlZone(new ZoneId("Z-KEY"), "关键",
        ZoneClass.KEY, m.rect(250, 250, 400, 400))));

    assertViolations(park).contains(tuple("Z-CORE", ParkRule.ZONE_OVERLAP));
  }

  @Test
  void zonesOfTheSameClassMayOverlap() {
    Park park = edit(valid, p -> p.zones.add(new ControlZone(new ZoneId("Z-CORE-B"), "核心二",
        ZoneClass.CORE, m.rect(200, 200, 300, 300))));

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void gateAwayFromThePerimeterIsRejected() {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 950, false,
        lane("L1", LaneClass.ORDINARY))));

    assertViolations(park).containsExactly(tuple("G-ORD", ParkRule.GATE_ON_PERIMETER));
  }

  @Test
  void gateWithinTenMetresOfThePerimeterSitsOnIt() {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 992, false,
        lane("L1", LaneClass.ORDINARY))));

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void checkpointOnTheBoundaryOfTheCoreZoneItGuardsIsValid() {
    Park park = edit(valid, p -> p.gates.add(checkpoint("CP-1", "Z-CORE", 300, 200)));

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void checkpointAwayFromItsZoneBoundaryIsRejected() {
    Park park = edit(valid, p -> p.gates.add(checkpoint("CP-1", "Z-CORE", 400, 200)));

    assertViolations(park).containsExactly(tuple("CP-1", ParkRule.CHECKPOINT_ON_CORE_ZONE));
  }

  @Test
  void checkpointGuardingAZoneThatIsNotCoreIsRejected() {
    Park park = edit(valid, p -> p.gates.add(checkpoint("CP-1", "Z-KEY", 600, 700)));

    assertViolations(park).containsExactly(tuple("CP-1", ParkRule.CHECKPOINT_ON_CORE_ZONE));
  }

  private Gate checkpoint(String id, String zone, double x, double y) {
    Gate g = m.gate(id, GateType.ORDINARY, x, y, false, lane("L1", LaneClass.ORDINARY));
    return new Gate(g.id(), g.name(), g.type(), g.position(), g.lanes(), false,
        java.util.Optional.of(new ZoneId(zone)));
  }

  @Test
  void gateWithoutLanesIsRejected() {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, false)));

    assertViolations(park).containsExactly(tuple("G-ORD", ParkRule.GATE_HAS_LANE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HAZMAT", "HAZWASTE"})
  void ordinaryGateWithHazmatOrHazwasteLaneIsRejected(LaneClass dangerous) {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, false,
        lane("L1", LaneClass.ORDINARY), lane("L2", dangerous))));

    assertViolations(park)
        .containsExactly(tuple("G-ORD", ParkRule.ORDINARY_GATE_NO_DANGEROUS_GOODS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PEDESTRIAN", "ORDINARY", "EMERGENCY"})
  void dedicatedGateWithAnyOtherLaneIsRejected(LaneClass other) {
    Park park = edit(valid, p -> p.replace(m.gate("G-DED", GateType.DEDICATED, 1000, 500, false,
        lane("L1", LaneClass.HAZMAT), lane("L2", other))));

    assertViolations(park)
        .containsExactly(tuple("G-DED", ParkRule.DEDICATED_GATE_DANGEROUS_GOODS_ONLY));
  }

  @Test
  void normallyOpenEmergencyGateIsRejected() {
    Park park = edit(valid, p -> p.replace(m.gate("G-EMG", GateType.EMERGENCY, 0, 500, false,
        lane("L1", LaneClass.EMERGENCY))));

    assertViolations(park)
        .containsExactly(tuple("G-EMG", ParkRule.EMERGENCY_GATE_NORMALLY_CLOSED));
  }

  @Test
  void normallyClosedNonEmergencyGateIsRejected() {
    Park park = edit(valid, p -> p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, true,
        lane("L1", LaneClass.ORDINARY))));

    assertViolations(park).containsExactly(tuple("G-ORD", ParkRule.OTHER_GATE_NORMALLY_OPEN));
  }

  @Test
  void sensorOfAnUnknownSegmentIsRejected() {
    Park park = edit(valid, p -> p.sensors.set(0, new Sensor(new SensorId("S-1"),
        SensorType.INFRARED, m.point(250, 0), new SegmentId("SEG-9"))));

    assertViolations(park).containsExactly(tuple("S-1", ParkRule.SENSOR_SEGMENT_EXISTS));
  }

  @Test
  void sensorFarFromItsSegmentIsRejected() {
    Park park = edit(valid, p -> p.sensors.set(0, new Sensor(new SensorId("S-1"),
        SensorType.INFRARED, m.point(250, 0), new SegmentId("SEG-3"))));

    assertViolations(park).containsExactly(tuple("S-1", ParkRule.SENSOR_ON_SEGMENT));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -30, Double.NaN, Double.POSITIVE_INFINITY})
  void roadWithoutAPositiveSpeedLimitIsRejected(double speedLimit) {
    Park park = edit(valid, p -> p.roads.set(0, new Road(new RoadId("R-1"), "经一路",
        RoadClass.HAZMAT, m.line(500, 0, 500, 500), speedLimit)));

    assertViolations(park).containsExactly(tuple("R-1", ParkRule.ROAD_SPEED_LIMIT_POSITIVE));
  }

  @Test
  void parkingLotWithoutCapacityIsRejected() {
    Park park = edit(valid, p -> p.parkingLots.set(0, new ParkingLot(new ParkingLotId("PL-1"),
        "停车场", m.rect(400, 100, 450, 150), 0, true)));

    assertViolations(park).containsExactly(tuple("PL-1", ParkRule.PARKING_CAPACITY_POSITIVE));
  }

  @Test
  void everyBrokenRuleIsReportedNotOnlyTheFirst() {
    Park park = edit(valid, p -> {
      p.version = 0;
      p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, true,
          lane("L1", LaneClass.HAZMAT)));
      p.replace(m.gate("G-EMG", GateType.EMERGENCY, 0, 500, false,
          lane("L1", LaneClass.EMERGENCY)));
      p.parkingLots.set(0, new ParkingLot(new ParkingLotId("PL-1"), "停车场",
          m.rect(400, 100, 450, 150), -1, true));
    });

    assertViolations(park).containsExactlyInAnyOrder(
        tuple("TEST", ParkRule.PARK_VERSION_POSITIVE),
        tuple("G-ORD", ParkRule.ORDINARY_GATE_NO_DANGEROUS_GOODS),
        tuple("G-ORD", ParkRule.OTHER_GATE_NORMALLY_OPEN),
        tuple("G-EMG", ParkRule.EMERGENCY_GATE_NORMALLY_CLOSED),
        tuple("PL-1", ParkRule.PARKING_CAPACITY_POSITIVE));
  }

  @Test
  void requireValidListsOneLinePerBrokenRuleWithFeatureAndRule() {
    Park park = edit(valid, p -> {
      p.replace(m.gate("G-ORD", GateType.ORDINARY, 500, 1000, false,
          lane("L1", LaneClass.HAZWASTE)));
      p.replace(m.gate("G-DED", GateType.DEDICATED, 1000, 500, false,
          lane("L1", LaneClass.ORDINARY)));
    });

    assertThatThrownBy(() -> ParkValidator.requireValid(park))
        .isInstanceOfSatisfying(InvalidParkException.class, e -> {
          assertThat(e.violations()).hasSize(2);
          assertThat(e.getMessage().lines().skip(1).toList()).satisfiesExactly(
              line -> assertThat(line).contains("G-DED", "[dedicated-gate-hazmat-only]"),
              line -> assertThat(line).contains("G-ORD", "[ordinary-gate-no-hazmat]"));
        });
  }

  @Test
  void everyRuleHasADistinctShortCode() {
    List<String> codes = java.util.Arrays.stream(ParkRule.values()).map(ParkRule::code).toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]+(-[a-z]+)*"));
  }
}
