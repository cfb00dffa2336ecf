package io.cordon.map.plan;

import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.LoadingPoint;
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
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * Enterprises: a small square at their position ({@code enterprise}, node id = enterprise id,
 * user data = {@link io.cordon.domain.park.EnterpriseId}) with their name beside it, and, when
 * zoomed in, their loading points as small triangles ({@code loading-point}, node id
 * "enterprise id/point id", user data = the {@link LoadingPoint}).
 */
final class EnterpriseDrawing implements PlanDrawing {
  private final Group group = new Group();
  private final Group symbols = new Group();
  private final Group loadingPoints = new Group();
  private final List<Placed> placed = new ArrayList<>();

  EnterpriseDrawing(MapState state) {
    group.getChildren().addAll(loadingPoints, symbols);
    group.visibleProperty().bind(state.visibleProperty(LayerKind.ENTERPRISES));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    symbols.getChildren().clear();
    loadingPoints.getChildren().clear();
    placed.clear();
    for (Enterprise enterprise : context.park().enterprises()) {
      Rectangle square = new Rectangle(-4, -4, 8, 8);
      square.getStyleClass().add(MapStyles.ENTERPRISE);
      square.setId(enterprise.id().value());
      square.setUserData(enterprise.id());
      symbols.getChildren().add(square);
      Label name = new Label(enterprise.name());
      name.getStyleClass().add(MapStyles.ENTERPRISE_LABEL);
      PlanLabel label = new PlanLabel(name, LabelPriority.ENTERPRISE, LayerKind.ENTERPRISES,
          List.of(PlanLabel.Side.RIGHT, PlanLabel.Side.LEFT, PlanLabel.Side.BELOW, PlanLabel.Side.ABOVE), 6);
      labels.add(label);
      placed.add(new Placed(square, label, context.x(enterprise.position().getX()), context.y(enterprise.position().getY())));
      for (LoadingPoint point : enterprise.loadingPoints()) {
        Polygon triangle = new Polygon(0, -5, 4.5, 3.5, -4.5, 3.5);
        triangle.getStyleClass().add(MapStyles.LOADING_POINT);
        triangle.setId(enterprise.id().value() + "/" + point.id());
        triangle.setUserData(point);
        loadingPoints.getChildren().add(triangle);
        placed.add(new Placed(triangle, null, context.x(point.position().getX()), context.y(point.position().getY())));
      }
    }
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    boolean detailed = v.scale() >= PlanZoom.LOADING_POINTS_FROM;
    loadingPoints.setVisible(detailed);
    for (Placed p : placed) {
      if (p.label == null && !detailed) {
        continue;
      }
      double sx = v.screenX(p.x);
      double sy = v.screenY(p.y);
      p.symbol.setLayoutX(sx);
      p.symbol.setLayoutY(sy);
      if (p.label != null) {
        p.label.anchor(sx, sy);
      }
    }
  }

  private record Placed(Shape symbol, PlanLabel label, double x, double y) {}
}
