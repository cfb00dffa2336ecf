package io.cordon.map.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.LayerKind;
import io.cordon.map.ParkMapView;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlanZoomAndLayersTest {
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(PlanTestPark.park());
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private boolean anyShown(FxRobot robot, String selector) {
    return robot.from(map).lookup(selector).queryAll().stream().anyMatch(PlanNodes::shown);
  }

  @Test
  void speedLimitsAreHiddenWhenTheWholeParkIsShown(FxRobot robot) {
    PlanNodes.zoom(robot, map, 1);
    assertThat(map.state().viewport().scale()).isLessThan(PlanZoom.ROAD_DETAILS_FROM);
    assertThat(robot.from(map).lookup(".road-speed").queryAll()).isNotEmpty();
    assertThat(anyShown(robot, ".road-speed")).isFalse();
  }

  @Test
  void speedLimitsAppearWhenZoomedIn(FxRobot robot) {
    PlanNodes.zoom(robot, map, 4);
    assertThat(robot.from(map).lookup(".road-speed").queryAll().stream().filter(PlanNodes::shown))
        .extracting(n -> ((javafx.scene.control.Label) n).getText())
        .isNotEmpty()
        .isSubsetOf("30", "40", "50");
  }

  @Test
  void sensorsAreHiddenWhenTheWholeParkIsShownAndDrawnWhenZoomedIn(FxRobot robot) {
    PlanNodes.zoom(robot, map, 1);
    assertThat(anyShown(robot, ".sensor")).isFalse();
    PlanNodes.zoom(robot, map, 4);
    assertThat(anyShown(robot, ".sensor")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 4, 16})
  void noTwoShownLabelsOverlap(double factor, FxRobot robot) {
    PlanNodes.zoom(robot, map, factor);
    List<Node> labels = PlanNodes.shownLabels(robot, map);
    assertThat(labels).isNotEmpty();
    for (int i = 0; i < labels.size(); i++) {
      Bounds a = labels.get(i).localToScene(labels.get(i).getBoundsInLocal());
      for (int j = i + 1; j < labels.size(); j++) {
        Bounds b = labels.get(j).localToScene(labels.get(j).getBoundsInLocal());
        assertThat(PlanNodes.overlap(a, b))
            .as("%s overlaps %s", text(labels.get(i)), text(labels.get(j)))
            .isFalse();
      }
    }
  }

  @Test
  void crowdedLabelsGiveWayToTheMoreImportantOnes(FxRobot robot) {
    PlanNodes.zoom(robot, map, 1);
    long shownEnterprises = robot.from(map).lookup(".enterprise-label").queryAll().stream().filter(PlanNodes::shown).count();
    assertThat(shownEnterprises).isBetween(1L, (long) PlanTestPark.CLUSTERED_ENTERPRISES - 1);
    java.util.Set<Node> gateLabels = robot.from(map).lookup(".gate-label").queryAll();
    assertThat(gateLabels).allMatch(PlanNodes::shown);
  }

  @ParameterizedTest
  @EnumSource(value = LayerKind.class, names = {"ZONES", "ROADS", "PERIMETER", "SENSORS", "PARKING", "ENTERPRISES", "CAMERAS", "GATES"})
  void aLayerSwitchHidesItsFeatures(LayerKind kind, FxRobot robot) {
    PlanNodes.zoom(robot, map, 4);
    String selector = selector(kind);
    assertThat(anyShown(robot, selector)).as("%s shown before", kind).isTrue();
    robot.interact(() -> map.state().visibleProperty(kind).set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(anyShown(robot, selector)).as("%s shown after", kind).isFalse();
  }

  @Test
  void theLabelSwitchHidesEveryLabelButNoFeature(FxRobot robot) {
    robot.interact(() -> map.state().visibleProperty(LayerKind.LABELS).set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(PlanNodes.shownLabels(robot, map)).isEmpty();
    assertThat(anyShown(robot, ".gate")).isTrue();
  }

  @Test
  void aHiddenLayerTakesItsLabelsAlong(FxRobot robot) {
    robot.interact(() -> map.state().visibleProperty(LayerKind.GATES).set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(anyShown(robot, ".gate-label")).isFalse();
  }

  private static String selector(LayerKind kind) {
    return switch (kind) {
      case ZONES -> ".zone";
      case ROADS -> ".road";
      case PERIMETER -> ".perimeter";
      case SENSORS -> ".sensor";
      case PARKING -> ".parking-lot";
      case ENTERPRISES -> ".enterprise";
      case CAMERAS -> ".camera";
      default -> ".gate";
    };
  }

  private static String text(Node node) {
    return node instanceof javafx.scene.control.Label l ? l.getText() : node.toString();
  }
}
