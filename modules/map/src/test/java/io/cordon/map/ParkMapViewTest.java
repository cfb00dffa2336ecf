package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ZoneId;
import io.cordon.map.plan.ParkPlanLayer;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ParkMapViewTest {
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(SampleLikePark.park());
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  @Test
  void drawsOneZoneNodePerZone(FxRobot robot) {
    Set<Node> zones = robot.lookup(".zone").queryAll();
    assertThat(zones).hasSize(4);
    assertThat(zones.stream().map(Node::getUserData).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(new ZoneId("Z-GEN"), new ZoneId("Z-CORE-1"), new ZoneId("Z-KEY-1"), new ZoneId("Z-KEY-2"));
    assertThat(robot.lookup(".zone-core").queryAll()).hasSize(1);
    assertThat(robot.lookup(".zone-key").queryAll()).hasSize(2);
  }

  @Test
  void drawsEveryGateAndMarksTheEmergencyGate(FxRobot robot) {
    assertThat(robot.lookup(".gate").queryAll()).hasSize(4);
    assertThat(robot.lookup(".gate-emergency").queryAll()).hasSize(1);
  }

  @Test
  void fitsTheWholeParkIntoTheViewOnFirstShow(FxRobot robot) {
    Node general = robot.lookup("#Z-GEN").query();
    var bounds = general.getBoundsInParent();
    assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
    assertThat(bounds.getMaxX()).isLessThanOrEqualTo(map.getWidth());
    assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
    assertThat(bounds.getMaxY()).isLessThanOrEqualTo(map.getHeight());
  }

  @Test
  void draggingPansTheMap(FxRobot robot) {
    MapViewport before = map.viewportProperty().get();
    robot.moveTo(map).press(MouseButton.PRIMARY).moveBy(60, 40).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    MapViewport after = map.viewportProperty().get();
    assertThat(after.offsetX()).isNotEqualTo(before.offsetX());
    assertThat(after.scale()).isEqualTo(before.scale());
    assertThat(map.userMovedProperty().get()).isTrue();
  }

  @Test
  void wheelZoomsTheMap(FxRobot robot) {
    MapViewport before = map.viewportProperty().get();
    robot.moveTo(map).scroll(3, VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.viewportProperty().get().scale()).isNotEqualTo(before.scale());
  }

  @Test
  void aZoneTooSmallForItsWholeNameIsLabelledWithTheNameBeforeTheBrackets() {
    assertThat(ParkPlanLayer.shortName("关键控制区四（危险废物处置中心）")).isEqualTo("关键控制区四");
    assertThat(ParkPlanLayer.shortName("Key zone 4 (hazardous waste)")).isEqualTo("Key zone 4");
    assertThat(ParkPlanLayer.shortName("核心区 1")).isEqualTo("核心区 1");
  }

  @Test
  void theHighlightAndOverlayControlsLieAboveEveryLayer() {
    var children = map.getChildrenUnmodifiable();
    assertThat(children.get(children.size() - 1)).isSameAs(map.interaction().overlay());
    assertThat(children.get(children.size() - 2)).isSameAs(map.interaction().highlightNode());
  }

  @Test
  void aMapWhoseSceneWasReplacedStopsAnimating(FxRobot robot) {
    assertThat(map.isAnimating()).isTrue();
    robot.interact(() -> map.getScene().getWindow().hide());
    assertThat(map.isAnimating()).isFalse();
  }
}
