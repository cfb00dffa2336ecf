package io.cordon.map.interact;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapViewport;
import io.cordon.map.live.AlarmMarker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class FeatureIndexTest {
  private final MapState state = new MapState();
  private final FeatureIndex index = new FeatureIndex(state);
  private final HandVehicles vehicles = new HandVehicles();
  private MapContext context;

  @BeforeEach
  void showTheWholePark() {
    context = MapContext.of(InteractPark.park());
    index.rebuild(context);
    Envelope b = context.metreBounds();
    state.moveTo(MapViewport.fit(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), 800, 600, 24));
    state.vehiclesProperty().set(vehicles);
  }

  private Optional<MapFeature> at(double lon, double lat, double dxPx, double dyPx) {
    MapViewport v = state.viewport();
    return index.featureAt(v.screenX(context.x(lon)) + dxPx, v.screenY(context.y(lat)) + dyPx);
  }

  private Optional<MapFeature> at(double lon, double lat) {
    return at(lon, lat, 0, 0);
  }

  private static String idOf(Optional<MapFeature> f) {
    return f.map(MapFeature::id).orElse(null);
  }

  @Test
  void aGateAFewPixelsFromTheCursorIsHit() {
    Optional<MapFeature> hit = at(118.81, InteractPark.S, 4, -3);
    assertThat(hit).map(MapFeature::kind).contains(FeatureKind.GATE);
    assertThat(idOf(hit)).isEqualTo("G1");
  }

  @Test
  void aVehicleStandingAtAGateIsHitRatherThanTheGate() {
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.81, InteractPark.S);
    assertThat(at(118.81, InteractPark.S)).map(MapFeature::kind).contains(FeatureKind.VEHICLE);
  }

  @Test
  void anAlarmIsHitRatherThanAVehicleAtTheSamePlace() {
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.81, InteractPark.S);
    state.alarms().add(new AlarmMarker("A-1", Severity.CRITICAL, 118.81, InteractPark.S, "周界入侵", 0));
    assertThat(at(118.81, InteractPark.S)).map(MapFeature::kind).contains(FeatureKind.ALARM);
  }

  @Test
  void theCameraIsHitAtItsSymbol() {
    assertThat(idOf(at(118.8385, 32.1162))).isEqualTo("CAM-07");
  }

  @Test
  void awayFromEverySymbolTheMostCriticalZoneContainingThePointIsHit() {
    assertThat(idOf(at(118.811, 32.111))).isEqualTo("Z-CORE-1");
    assertThat(idOf(at(118.815, 32.125))).isEqualTo("Z-GEN");
  }

  @Test
  void insideTheParkingLotTheLotIsHitRatherThanTheZoneAroundIt() {
    assertThat(idOf(at(118.8345, 32.1035))).isEqualTo("LOT-H");
  }

  @Test
  void aRoadAFewPixelsFromTheCursorIsHitRatherThanTheZoneUnderIt() {
    assertThat(idOf(at(118.824, 32.115, 0, 3))).isEqualTo("R1");
  }

  @Test
  void aFeatureOnAHiddenLayerIsNotHit() {
    state.visibleProperty(LayerKind.GATES).set(false);
    Optional<MapFeature> hit = at(118.81, InteractPark.S);
    assertThat(hit).map(MapFeature::kind).isNotEqualTo(Optional.of(FeatureKind.GATE));
    assertThat(idOf(hit)).isEqualTo("SEG-S");
  }

  @Test
  void outsideTheParkNothingIsHit() {
    assertThat(at(118.70, 32.00)).isEmpty();
  }

  @Test
  void searchFindsAGateByPartOfItsChineseName() {
    assertThat(index.search("南一门", 5)).extracting(MapFeature::id).first().isEqualTo("G1");
  }

  @Test
  void searchFindsAnEnterpriseByASubstringOfItsName() {
    assertThat(index.search("石化", 5)).extracting(MapFeature::id).containsExactly("ENT-01");
  }

  @Test
  void searchFindsAVehicleByPlateIgnoringCaseAndSeparators() {
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.82, 32.12);
    vehicles.put("苏A99999", VehicleClass.ORDINARY, 118.83, 32.12);
    assertThat(index.search("e123", 5)).extracting(MapFeature::id).containsExactly("苏E12345");
    assertThat(index.search("苏E·12345", 5)).extracting(MapFeature::kind).containsExactly(FeatureKind.VEHICLE);
  }

  @Test
  void atAnEqualMatchGatesAreListedBeforeCameras() {
    List<MapFeature> found = index.search("东二门", 5);
    assertThat(found).extracting(MapFeature::kind).containsExactly(FeatureKind.GATE, FeatureKind.CAMERA);
  }

  @Test
  void anExactIdMatchIsListedBeforeNamesThatOnlyContainIt() {
    vehicles.put("G1XX", VehicleClass.ORDINARY, 118.82, 32.12);
    assertThat(index.search("g1", 5)).extracting(MapFeature::id).startsWith("G1", "G1XX");
  }

  @Test
  void searchListsNoMoreThanTheLimit() {
    assertThat(index.search("门", 2)).hasSize(2);
  }

  @Test
  void aBlankQueryFindsNothing() {
    assertThat(index.search("  ", 5)).isEmpty();
  }

  @Test
  void theLiveVehicleIsFoundByItsPlateAtItsLatestFix() {
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.82, 32.12);
    vehicles.put("苏E12345", VehicleClass.HAZMAT, 118.825, 32.121);
    assertThat(index.vehicle("苏E12345")).map(MapFeature::lon).contains(118.825);
  }
}
