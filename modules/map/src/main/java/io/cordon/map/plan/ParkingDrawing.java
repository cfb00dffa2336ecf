package io.cordon.map.plan;

import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapTexts;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Parking lots ({@code parking-lot}, the hazmat lot also {@code parking-lot-hazmat}; node id = lot
 * id, user data = {@link ParkingLotId}) with their live occupancy from
 * {@link MapState#lotOccupancy()}: a label "危险物品运输车辆停车场 12/120" over a fill bar, both
 * marked {@code parking-lot-full} from {@value #NEARLY_FULL_PERCENT} % of the capacity.
 */
final class ParkingDrawing implements PlanDrawing {
  static final int NEARLY_FULL_PERCENT = 90;
  private static final double BAR_WIDTH_PX = 72;
  private static final double BAR_HEIGHT_PX = 5;
  private static final double MAX_GAP_PX = 40;

  private final MapState state;
  private final Runnable relabelled;
  private final Group group = new Group();
  private final Map<ParkingLotId, Lot> lots = new HashMap<>();
  private final List<ProjectedPath> paths = new ArrayList<>();

  /**
   * @param relabelled told when a label's text changed, so that the labels are placed again
   */
  ParkingDrawing(MapState state, Runnable relabelled) {
    this.state = state;
    this.relabelled = relabelled;
    group.visibleProperty().bind(state.visibleProperty(LayerKind.PARKING));
    state.lotOccupancy().addListener((MapChangeListener<ParkingLotId, Integer>) change -> {
      Lot lot = lots.get(change.getKey());
      if (lot != null) {
        show(lot, state.texts());
        relabelled.run();
      }
    });
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    lots.clear();
    paths.clear();
    for (ParkingLot lot : context.park().parkingLots()) {
      ProjectedPath projected = ProjectedPath.of(lot.area(), context);
      Path path = projected.path();
      path.getStyleClass().add(MapStyles.PARKING_LOT);
      if (lot.hazmat()) {
        path.getStyleClass().add(MapStyles.PARKING_LOT_HAZMAT);
      }
      path.setId(lot.id().value());
      path.setUserData(lot.id());
      group.getChildren().add(path);
      paths.add(projected);

      Rectangle track = new Rectangle(BAR_WIDTH_PX, BAR_HEIGHT_PX);
      track.getStyleClass().add(MapStyles.PARKING_LOT_BAR);
      Rectangle fill = new Rectangle(0, BAR_HEIGHT_PX);
      fill.getStyleClass().add(MapStyles.PARKING_LOT_BAR_FILL);
      Label name = new Label();
      name.setGraphic(new Group(track, fill));
      name.setContentDisplay(ContentDisplay.BOTTOM);
      name.getStyleClass().add(MapStyles.PARKING_LOT_LABEL);
      if (lot.hazmat()) {
        name.getStyleClass().add(MapStyles.PARKING_LOT_HAZMAT + "-label");
      }
      PlanLabel label = new PlanLabel(name, LabelPriority.PARKING_LOT, LayerKind.PARKING,
          List.of(PlanLabel.Side.CENTER, PlanLabel.Side.BELOW, PlanLabel.Side.ABOVE, PlanLabel.Side.RIGHT, PlanLabel.Side.LEFT), 4);
      labels.add(label);
      Lot placed = new Lot(lot, path, label, fill, context.projection().toMetres(lot.area()));
      lots.put(lot.id(), placed);
      show(placed, state.texts());
    }
  }

  /** Texts changed language: rewrite the labels. */
  void relabel(MapTexts texts) {
    for (Lot lot : lots.values()) {
      show(lot, texts);
    }
  }

  private void show(Lot lot, MapTexts texts) {
    Integer count = state.lotOccupancy().get(lot.lot.id());
    int capacity = lot.lot.capacity();
    Label node = lot.label.node();
    node.setText(count == null
        ? texts.format("plan.lot.unknown", lot.lot.name(), capacity)
        : texts.format("plan.lot.occupancy", lot.lot.name(), count, capacity));
    double ratio = count == null || capacity <= 0 ? 0 : Math.min(1, count / (double) capacity);
    lot.fill.setWidth(BAR_WIDTH_PX * ratio);
    boolean full = count != null && capacity > 0 && count * 100L >= (long) capacity * NEARLY_FULL_PERCENT;
    for (Node n : List.of(lot.path, node)) {
      n.getStyleClass().remove(MapStyles.PARKING_LOT_FULL);
      if (full) {
        n.getStyleClass().add(MapStyles.PARKING_LOT_FULL);
      }
    }
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    for (ProjectedPath path : paths) {
      path.reproject(v);
    }
    for (Lot lot : lots.values()) {
      Geometry part = visible.clip(lot.metres);
      Point anchor = VisibleArea.labelPoint(part);
      lot.label.wanted(anchor != null);
      if (anchor != null) {
        lot.label.anchor(v.screenX(anchor.getX()), v.screenY(anchor.getY()));
        // Off-centre, the label goes just outside the lot (the zone's own name often takes the centre).
        lot.label.gapPx(Math.min(MAX_GAP_PX, part.getEnvelopeInternal().getHeight() * v.scale() / 2 + 2));
      }
    }
  }

  private record Lot(ParkingLot lot, Path path, PlanLabel label, Rectangle fill, Polygon metres) {}
}
