package io.cordon.map.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.ZoneId;
import io.cordon.map.ParkMapView;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PlanFeaturesTest {
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(PlanTestPark.park());
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private Set<Object> userData(FxRobot robot, String styleClass) {
    return robot.from(map).lookup(styleClass).queryAll().stream().map(Node::getUserData).collect(Collectors.toSet());
  }

  private Node byId(FxRobot robot, String id) {
    return robot.from(map).lookup("#" + id).query();
  }

  @Test
  void drawsEachPerimeterSegmentStyledByItsType(FxRobot robot) {
    assertThat(userData(robot, ".perimeter")).containsExactlyInAnyOrder(
        new SegmentId("SEG-S"), new SegmentId("SEG-E"), new SegmentId("SEG-N"), new SegmentId("SEG-W"));
    assertThat(byId(robot, "SEG-S").getStyleClass()).contains("perimeter-wall");
    assertThat(byId(robot, "SEG-E").getStyleClass()).contains("perimeter-fence");
    assertThat(byId(robot, "SEG-N").getStyleClass()).contains("perimeter-river");
    assertThat(byId(robot, "SEG-W").getStyleClass()).contains("perimeter-electronic-fence");
  }

  @Test
  void fillsEachZoneByItsClass(FxRobot robot) {
    assertThat(userData(robot, ".zone")).containsExactlyInAnyOrder(new ZoneId("Z-GEN"), new ZoneId("Z-CORE"), new ZoneId("Z-KEY"));
    assertThat(byId(robot, "Z-CORE").getStyleClass()).contains("zone-core");
    assertThat(byId(robot, "Z-KEY").getStyleClass()).contains("zone-key");
    assertThat(byId(robot, "Z-GEN").getStyleClass()).contains("zone-general");
  }

  @Test
  void strokesEachRoadByItsClass(FxRobot robot) {
    assertThat(userData(robot, ".road")).containsExactlyInAnyOrder(new RoadId("R-HAZ"), new RoadId("R-ORD"), new RoadId("R-EMG"));
    assertThat(byId(robot, "R-HAZ").getStyleClass()).contains("road-hazmat");
    assertThat(byId(robot, "R-ORD").getStyleClass()).contains("road-ordinary");
    assertThat(byId(robot, "R-EMG").getStyleClass()).contains("road-emergency");
  }

  @Test
  void drawsEachGateAsTheSymbolOfItsType(FxRobot robot) {
    assertThat(userData(robot, ".gate")).containsExactlyInAnyOrder(
        new GateId("G1"), new GateId("G2"), new GateId("G3"), new GateId("G4"));
    assertThat(byId(robot, "G1").getStyleClass()).contains("gate-comprehensive");
    assertThat(byId(robot, "G2").getStyleClass()).contains("gate-dedicated");
    assertThat(byId(robot, "G3").getStyleClass()).contains("gate-ordinary");
    assertThat(byId(robot, "G4").getStyleClass()).contains("gate-emergency");
    assertThat(robot.from(byId(robot, "G4")).lookup(".gate-mark").queryAll()).hasSize(1);
  }

  @Test
  void drawsEachCameraWithItsFieldOfView(FxRobot robot) {
    assertThat(userData(robot, ".camera")).containsExactlyInAnyOrder(new CameraId("CAM-1"), new CameraId("CAM-2"));
    Node camera = byId(robot, "CAM-1");
    assertThat(robot.from(camera).lookup(".camera-fov").queryAll()).hasSize(1);
    assertThat(robot.from(camera).lookup(".camera-dot").queryAll()).hasSize(1);
  }

  @Test
  void pointsTheFieldOfViewWhereTheCameraLooks(FxRobot robot) {
    // CAM-1 looks south (heading 180): its wedge lies below its dot on screen.
    Node wedge = robot.from(byId(robot, "CAM-1")).lookup(".camera-fov").query();
    Node dot = robot.from(byId(robot, "CAM-1")).lookup(".camera-dot").query();
    assertThat(wedge.getBoundsInParent().getCenterY()).isGreaterThan(dot.getBoundsInParent().getCenterY());
  }

  @Test
  void drawsEachSensorByItsType(FxRobot robot) {
    assertThat(userData(robot, ".sensor")).containsExactlyInAnyOrder(
        new SensorId("S-1"), new SensorId("S-2"), new SensorId("S-3"), new SensorId("S-4"));
    assertThat(byId(robot, "S-1").getStyleClass()).contains("sensor-fence-vibration");
    assertThat(byId(robot, "S-4").getStyleClass()).contains("sensor-infrared");
  }

  @Test
  void marksTheHazmatParkingLot(FxRobot robot) {
    assertThat(userData(robot, ".parking-lot")).containsExactlyInAnyOrder(new ParkingLotId("PL-HAZ"), new ParkingLotId("PL-ORD"));
    assertThat(byId(robot, "PL-HAZ").getStyleClass()).contains("parking-lot-hazmat");
    assertThat(byId(robot, "PL-ORD").getStyleClass()).doesNotContain("parking-lot-hazmat");
  }

  @Test
  void drawsEachEnterpriseAndItsLoadingPoints(FxRobot robot) {
    assertThat(userData(robot, ".enterprise")).hasSize(PlanTestPark.CLUSTERED_ENTERPRISES).contains(new EnterpriseId("ENT-01"));
    Node point = byId(robot, "ENT-01/LP1");
    assertThat(point.getStyleClass()).contains("loading-point");
    assertThat(point.getUserData()).isInstanceOfSatisfying(LoadingPoint.class, p -> assertThat(p.id()).isEqualTo("LP1"));
  }

  @Test
  void namesTheGatesInChinese(FxRobot robot) {
    assertThat(robot.from(map).lookup(".gate-label").queryAll())
        .extracting(n -> ((javafx.scene.control.Label) n).getText())
        .contains("4号应急卡口", "1号综合卡口");
  }
}
