package io.cordon.map.plan;

import io.cordon.domain.park.Sensor;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;

/**
 * Perimeter sensors as small dots coloured by type ({@code sensor sensor-infrared|…}, node id =
 * sensor id, user data = {@link io.cordon.domain.park.SensorId}); hidden below
 * {@link PlanZoom#SENSORS_FROM}, where they would only thicken the perimeter line.
 */
final class SensorDrawing implements PlanDrawing {
  private static final double RADIUS_PX = 3;

  private final Group group = new Group();
  private final Group dots = new Group();
  private final List<double[]> positions = new ArrayList<>();

  SensorDrawing(MapState state) {
    group.getChildren().add(dots);
    group.visibleProperty().bind(state.visibleProperty(LayerKind.SENSORS));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    dots.getChildren().clear();
    positions.clear();
    for (Sensor sensor : context.park().sensors()) {
      Circle dot = new Circle(RADIUS_PX);
      dot.getStyleClass().addAll(MapStyles.SENSOR, MapStyles.sensor(sensor.type()));
      dot.setId(sensor.id().value());
      dot.setUserData(sensor.id());
      dots.getChildren().add(dot);
      positions.add(new double[] {context.x(sensor.position().getX()), context.y(sensor.position().getY())});
    }
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    boolean shown = v.scale() >= PlanZoom.SENSORS_FROM;
    dots.setVisible(shown);
    if (!shown) {
      return;
    }
    for (int i = 0; i < positions.size(); i++) {
      Circle dot = (Circle) dots.getChildren().get(i);
      dot.setCenterX(v.screenX(positions.get(i)[0]));
      dot.setCenterY(v.screenY(positions.get(i)[1]));
    }
  }
}
