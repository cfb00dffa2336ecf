package io.cordon.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkValidator;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.ZoneClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

/** The bundled sample park meets every count of DESIGN §7. */
class SampleParkTest {
  private static Park park;
  private static LocalProjection projection;

  @BeforeAll
  static void loadSample() {
    park = ParkFileLoader.loadSample();
    projection = LocalProjection.around(park.perimeter().get(0).line().getCoordinate());
  }

  @Test
  void sampleParkKeepsEveryRule() {
    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Test
  void onlyTheParkFilesOfTheResourcesFolderAreBundled() throws Exception {
    Path bundled = Path.of(ParkFileLoader.class.getResource("/sample").toURI());
    List<String> files;
    try (Stream<Path> walk = Files.walk(bundled)) {
      files = walk.filter(Files::isRegularFile)
          .map(f -> bundled.relativize(f).toString().replace('\\', '/'))
          .toList();
    }

    assertThat(files).contains("park/sample-park.geojson")
        .allMatch(name -> name.matches("park/[^/]+\\.geojson"), "a park/*.geojson file");
  }

  @Test
  void sampleParkCoversTenToFifteenSquareKilometres() {
    double squareKm = perimeterPolygon().getArea() / 1e6;

    assertThat(squareKm).isBetween(10.0, 15.0);
  }

  @Test
  void sampleParkLiesOnTheJiangsuRiversideInWgs84() {
    Coordinate centre = perimeterPolygonLonLat().getCentroid().getCoordinate();

    assertThat(centre.x).isBetween(120.5, 121.5);
    assertThat(centre.y).isBetween(31.5, 32.5);
  }

  @Test
  void perimeterIsTypedByWallFenceRiverAndElectronicFence() {
    Set<PerimeterType> types =
        park.perimeter().stream().map(PerimeterSegment::type).collect(Collectors.toSet());

    assertThat(types).containsExactlyInAnyOrder(PerimeterType.values());
  }

  @Test
  void riverBankIsTheNorthSide() {
    double parkMiddle = perimeterPolygon().getCentroid().getY();

    assertThat(park.perimeter())
        .filteredOn(s -> s.type() == PerimeterType.RIVER)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(projection.toMetres(s.line()).getCentroid().getY())
            .isGreaterThan(parkMiddle));
  }

  @Test
  void atLeastThreeCoreFiveKeyAndOneGeneralAreaWithChineseNames() {
    assertThat(zones(ZoneClass.CORE)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(zones(ZoneClass.KEY)).hasSizeGreaterThanOrEqualTo(5);
    assertThat(zones(ZoneClass.GENERAL)).hasSize(1);
    assertThat(park.zones()).allSatisfy(z -> assertThat(z.name()).contains("控制区"));
  }

  @Test
  void atLeastEightGatesCoverAllFourTypes() {
    Set<GateType> types = park.gates().stream().map(Gate::type).collect(Collectors.toSet());

    assertThat(park.gates()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(types).containsExactlyInAnyOrder(GateType.values());
    assertThat(park.gates()).allSatisfy(g -> assertThat(g.lanes()).isNotEmpty());
  }

  @Test
  void comprehensivePerimeterGatesHavePedestrianOrdinaryHazmatAndHazwasteLanes() {
    assertThat(gates(GateType.COMPREHENSIVE)).filteredOn(g -> !g.isCheckpoint()).isNotEmpty().allSatisfy(g ->
        assertThat(laneClasses(g)).containsAll(EnumSet.of(LaneClass.PEDESTRIAN,
            LaneClass.ORDINARY, LaneClass.HAZMAT, LaneClass.HAZWASTE)));
  }

  @Test
  void dedicatedGatesHaveHazmatAndHazwasteLanesOnly() {
    assertThat(gates(GateType.DEDICATED)).isNotEmpty().allSatisfy(g ->
        assertThat(laneClasses(g)).containsExactlyInAnyOrder(LaneClass.HAZMAT,
            LaneClass.HAZWASTE));
  }

  @Test
  void aCheckpointGuardsTheLiquidChlorineCoreZone() {
    assertThat(park.gates()).filteredOn(Gate::isCheckpoint).singleElement().satisfies(g -> {
      assertThat(g.guardedZone()).contains(new io.cordon.domain.park.ZoneId("Z-CORE-2"));
      assertThat(laneClasses(g)).contains(LaneClass.PEDESTRIAN, LaneClass.ORDINARY, LaneClass.HAZMAT);
    });
  }

  @Test
  void emergencyGatesAreNormallyClosed() {
    assertThat(gates(GateType.EMERGENCY)).isNotEmpty().allMatch(Gate::normallyClosed);
  }

  @Test
  void roadsOfEveryClassHaveSpeedLimits() {
    Set<RoadClass> classes = park.roads().stream().map(Road::roadClass).collect(Collectors.toSet());

    assertThat(classes).containsExactlyInAnyOrder(RoadClass.values());
    assertThat(park.roads()).allSatisfy(r -> assertThat(r.speedLimitKmh()).isPositive());
  }

  @Test
  void aHazmatParkingLotHasCapacity() {
    assertThat(park.parkingLots())
        .filteredOn(ParkingLot::hazmat)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.capacity()).isPositive())
        .allSatisfy(p -> assertThat(p.name()).isEqualTo("危险物品运输车辆停车场"));
  }

  @Test
  void atLeastThirtyCamerasWithHeadings() {
    assertThat(park.cameras()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(park.cameras()).allSatisfy(c -> {
      assertThat(c.headingDeg()).isBetween(0.0, 360.0);
      assertThat(c.fovDeg()).isPositive();
    });
    assertThat(park.cameras()).extracting(Camera::name)
        .anyMatch(n -> n.contains("门"))
        .anyMatch(n -> n.contains("周界"))
        .anyMatch(n -> n.contains("路口"));
  }

  @Test
  void perimeterSensorsStandAboutEveryHundredMetresAlongTheWholeRing() {
    LineString ring = perimeterPolygon().getExteriorRing();
    LengthIndexedLine along = new LengthIndexedLine(ring);
    List<Double> stations = new ArrayList<>();
    for (Sensor s : park.sensors()) {
      stations.add(along.project(projection.toMetres(s.position().getCoordinate())));
    }
    stations.sort(Double::compare);
    double length = ring.getLength();
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < stations.size(); i++) {
      gaps.add(stations.get(i) - stations.get(i - 1));
    }
    gaps.add(length - stations.get(stations.size() - 1) + stations.get(0)); // across the start

    assertThat(park.sensors().size()).isGreaterThanOrEqualTo((int) (length / 100) - 1);
    assertThat(gaps).allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(120.0));
  }

  @Test
  void atLeastTwentyEnterprisesWithChineseNamesAndLoadingPoints() {
    assertThat(park.enterprises()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(park.enterprises()).allSatisfy(e -> {
      assertThat(e.name()).endsWith("有限公司");
      assertThat(e.loadingPoints()).isNotEmpty();
    });
    assertThat(park.enterprises()).extracting(Enterprise::id).doesNotHaveDuplicates();
  }

  private static List<ControlZone> zones(ZoneClass zoneClass) {
    return park.zones().stream().filter(z -> z.zoneClass() == zoneClass).toList();
  }

  private static List<Gate> gates(GateType type) {
    return park.gates().stream().filter(g -> g.type() == type).toList();
  }

  private static Set<LaneClass> laneClasses(Gate gate) {
    return gate.lanes().stream().map(Lane::laneClass).collect(Collectors.toSet());
  }

  private static Polygon perimeterPolygon() {
    return projection.toMetres(perimeterPolygonLonLat());
  }

  private static Polygon perimeterPolygonLonLat() {
    List<Coordinate> ring = new ArrayList<>();
    for (PerimeterSegment s : park.perimeter()) {
      Coordinate[] c = s.line().getCoordinates();
      for (int i = ring.isEmpty() ? 0 : 1; i < c.length; i++) {
        ring.add(c[i]);
      }
    }
    return new GeometryFactory().createPolygon(ring.toArray(Coordinate[]::new));
  }
}
