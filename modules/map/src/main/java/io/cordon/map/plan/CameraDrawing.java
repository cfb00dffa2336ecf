package io.cordon.map.plan;

import io.cordon.domain.park.Camera;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;

/**
 * Cameras as a dot with a translucent wedge of their field of view ({@code camera} group with
 * {@code camera-fov} and {@code camera-dot}, node id = camera id, user data =
 * {@link io.cordon.domain.park.CameraId}). The wedge covers {@link PlanZoom#CAMERA_WEDGE_METRES}
 * so it grows with the zoom, clamped in pixels; a 360° dome camera gets a full disc. Names only
 * when zoomed in, and only where they fit.
 */
final class CameraDrawing implements PlanDrawing {
  private static final double DOT_RADIUS_PX = 3.5;

  private final Group group = new Group();
  private final List<Placed> cameras = new ArrayList<>();

  CameraDrawing(MapState state) {
    group.visibleProperty().bind(state.visibleProperty(LayerKind.CAMERAS));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    cameras.clear();
    for (Camera camera : context.park().cameras()) {
      Group symbol = new Group(wedge(camera), dot());
      symbol.getStyleClass().add(MapStyles.CAMERA);
      symbol.setId(camera.id().value());
      symbol.setUserData(camera.id());
      group.getChildren().add(symbol);
      Label name = new Label(camera.name());
      name.getStyleClass().add(MapStyles.CAMERA_LABEL);
      PlanLabel label = new PlanLabel(name, LabelPriority.CAMERA, LayerKind.CAMERAS,
          List.of(PlanLabel.Side.RIGHT, PlanLabel.Side.LEFT, PlanLabel.Side.BELOW, PlanLabel.Side.ABOVE), 6);
      labels.add(label);
      cameras.add(new Placed(symbol, (Arc) symbol.getChildren().get(0), label,
          context.x(camera.position().getX()), context.y(camera.position().getY())));
    }
  }

  /** Heading is clockwise from north; JavaFX arcs start counter-clockwise from east. */
  static Arc wedge(Camera camera) {
    Arc wedge = new Arc();
    boolean dome = camera.fovDeg() >= 360 || camera.fovDeg() <= 0;
    wedge.setType(dome ? ArcType.OPEN : ArcType.ROUND);
    double fov = dome ? 360 : camera.fovDeg();
    wedge.setStartAngle(90 - camera.headingDeg() - fov / 2);
    wedge.setLength(fov);
    wedge.getStyleClass().add(MapStyles.CAMERA_FOV);
    wedge.setMouseTransparent(true);
    return wedge;
  }

  static Circle dot() {
    Circle dot = new Circle(DOT_RADIUS_PX);
    dot.getStyleClass().add(MapStyles.CAMERA_DOT);
    return dot;
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    double radius = PlanZoom.cameraWedgePx(v.scale());
    boolean named = v.scale() >= PlanZoom.CAMERA_LABELS_FROM;
    for (Placed camera : cameras) {
      double sx = v.screenX(camera.x);
      double sy = v.screenY(camera.y);
      camera.symbol.setLayoutX(sx);
      camera.symbol.setLayoutY(sy);
      camera.wedge.setRadiusX(radius);
      camera.wedge.setRadiusY(radius);
      camera.label.anchor(sx, sy);
      camera.label.wanted(named);
    }
  }

  private record Placed(Group symbol, Arc wedge, PlanLabel label, double x, double y) {}
}
