package io.cordon.map.plan;

import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the plan tests ask of the scene: is a node shown, which labels are on screen, zoom the map. */
final class PlanNodes {
  private PlanNodes() {}

  /** The node and every parent are visible. */
  static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  static List<Node> shownLabels(FxRobot robot, ParkMapView map) {
    return robot.from(map).lookup("." + MapStyles.PLAN_LABEL).queryAll().stream()
        .filter(PlanNodes::shown)
        .collect(Collectors.toList());
  }

  /** Fits the park, then zooms by {@code factor} around the map's centre. */
  static void zoom(FxRobot robot, ParkMapView map, double factor) {
    robot.interact(() -> {
      map.fitToPark();
      MapViewport fitted = map.state().viewport();
      if (factor != 1) {
        map.state().moveTo(fitted.zoomAt(factor, map.getWidth() / 2, map.getHeight() / 2));
      }
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  static boolean overlap(Bounds a, Bounds b) {
    double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
    double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
    return w > 0.5 && h > 0.5;
  }
}
