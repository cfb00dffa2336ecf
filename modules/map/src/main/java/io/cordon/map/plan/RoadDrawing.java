package io.cordon.map.plan;

import io.cordon.domain.park.Road;
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
import javafx.scene.shape.Path;
import org.locationtech.jts.geom.LineString;

/**
 * Roads stroked by class ({@code road road-hazmat|ordinary|emergency}, node id = road id, user
 * data = {@link io.cordon.domain.park.RoadId}). When zoomed in, each road gets its name along the
 * line and a round speed-limit sign ({@code road-speed}, e.g. "40") a fifth of the way along the
 * longest part of the road on screen; both only where that part is long enough to carry them.
 */
final class RoadDrawing implements PlanDrawing {
  private static final double NAME_AT = 0.5;
  private static final double SIGN_AT = 0.2;
  /** A sign needs this much visible road, so that it is not taken for a sign of the crossing road. */
  private static final double SIGN_MIN_ROAD_PX = 60;

  private final Group group = new Group();
  private final List<ProjectedPath> paths = new ArrayList<>();
  private final List<RoadLabels> roadLabels = new ArrayList<>();

  RoadDrawing(MapState state) {
    group.visibleProperty().bind(state.visibleProperty(LayerKind.ROADS));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    paths.clear();
    roadLabels.clear();
    for (Road road : context.park().roads()) {
      ProjectedPath projected = ProjectedPath.of(road.line(), context);
      Path path = projected.path();
      path.getStyleClass().addAll(MapStyles.ROAD, MapStyles.road(road.roadClass()));
      path.setId(road.id().value());
      path.setUserData(road.id());
      group.getChildren().add(path);
      paths.add(projected);

      Label sign = new Label(speedText(road.speedLimitKmh()));
      sign.getStyleClass().add(MapStyles.ROAD_SPEED);
      PlanLabel signLabel = new PlanLabel(sign, LabelPriority.ROAD, LayerKind.ROADS, List.of(PlanLabel.Side.CENTER), 0);
      Label name = new Label(road.name());
      name.getStyleClass().addAll(MapStyles.ROAD_NAME, MapStyles.road(road.roadClass()) + "-name");
      PlanLabel nameLabel = new PlanLabel(name, LabelPriority.ROAD, LayerKind.ROADS, List.of(PlanLabel.Side.CENTER), 0);
      if (road.speedLimitKmh() > 0) {
        labels.add(signLabel);
      }
      labels.add(nameLabel);
      roadLabels.add(new RoadLabels(context.projection().toMetres(road.line()),
          road.speedLimitKmh() > 0 ? signLabel : null, nameLabel));
    }
  }

  static String speedText(double kmh) {
    return kmh == Math.rint(kmh) ? Long.toString((long) kmh) : Double.toString(kmh);
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    for (ProjectedPath path : paths) {
      path.reproject(v);
    }
    boolean detailed = v.scale() >= PlanZoom.ROAD_DETAILS_FROM;
    for (RoadLabels road : roadLabels) {
      LineString piece = detailed ? visible.longestVisiblePiece(road.metres) : null;
      if (piece == null) {
        road.name.wanted(false);
        if (road.sign != null) {
          road.sign.wanted(false);
        }
        continue;
      }
      Polyline line = new Polyline(ProjectedPath.metres(piece.getCoordinates()));
      double lengthPx = line.lengthM() * v.scale();
      double[] mid = line.at(NAME_AT);
      road.name.anchor(v.screenX(mid[0]), v.screenY(mid[1]));
      road.name.rotate(Polyline.readableRotation(mid[2]));
      road.name.wanted(road.name.node().prefWidth(-1) < lengthPx * 0.6);
      if (road.sign != null) {
        double[] at = line.at(SIGN_AT);
        road.sign.anchor(v.screenX(at[0]), v.screenY(at[1]));
        road.sign.wanted(lengthPx > SIGN_MIN_ROAD_PX);
      }
    }
  }

  /** A road's line in metres with its optional speed sign and its name. */
  private record RoadLabels(LineString metres, PlanLabel sign, PlanLabel name) {}
}
