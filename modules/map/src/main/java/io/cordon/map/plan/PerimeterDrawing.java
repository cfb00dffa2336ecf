package io.cordon.map.plan;

import io.cordon.domain.park.PerimeterSegment;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Path;

/**
 * The perimeter, one path per segment stroked by type ({@code perimeter perimeter-wall|fence|river|
 * electronic-fence}, node id = segment id, user data = {@link io.cordon.domain.park.SegmentId}).
 */
final class PerimeterDrawing implements PlanDrawing {
  private final Group group = new Group();
  private final List<ProjectedPath> paths = new ArrayList<>();

  PerimeterDrawing(MapState state) {
    group.visibleProperty().bind(state.visibleProperty(LayerKind.PERIMETER));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    paths.clear();
    for (PerimeterSegment segment : context.park().perimeter()) {
      ProjectedPath projected = ProjectedPath.of(segment.line(), context);
      Path path = projected.path();
      path.getStyleClass().addAll(MapStyles.PERIMETER, MapStyles.perimeter(segment.type()));
      path.setId(segment.id().value());
      path.setUserData(segment.id());
      group.getChildren().add(path);
      paths.add(projected);
    }
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    for (ProjectedPath path : paths) {
      path.reproject(v);
    }
  }
}
