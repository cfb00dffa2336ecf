package io.cordon.map.plan;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.ZoneClass;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Path;
import javafx.scene.text.TextAlignment;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Control zones filled by class, general first and core last so the most critical zones are on
 * top. Each zone is one {@link Path} (holes by the even-odd rule) with classes {@code zone} and
 * {@code zone-core|key|general}, the zone id as node id and the {@link io.cordon.domain.park.ZoneId}
 * as user data. Core and key zones are named at their interior point, with the short name (before
 * the brackets) when the whole one does not fit the zone's width, and not at all when neither does.
 */
final class ZoneDrawing implements PlanDrawing {
  private static final double LABEL_MARGIN_PX = 8;

  private final Group group = new Group();
  private final List<ProjectedPath> paths = new ArrayList<>();
  private final List<ZoneName> names = new ArrayList<>();

  ZoneDrawing(MapState state) {
    group.visibleProperty().bind(state.visibleProperty(LayerKind.ZONES));
  }

  @Override
  public Node node() {
    return group;
  }

  @Override
  public void build(MapContext context, List<PlanLabel> labels) {
    group.getChildren().clear();
    paths.clear();
    names.clear();
    List<ControlZone> zones = new ArrayList<>(context.park().zones());
    zones.sort(Comparator.comparing(ControlZone::zoneClass).reversed());
    for (ControlZone zone : zones) {
      ProjectedPath projected = ProjectedPath.of(zone.area(), context);
      Path path = projected.path();
      path.getStyleClass().addAll(MapStyles.ZONE, MapStyles.zone(zone.zoneClass()));
      path.setId(zone.id().value());
      path.setUserData(zone.id());
      group.getChildren().add(path);
      paths.add(projected);
    }
    // Core zone names are placed before key zone names.
    for (int i = zones.size() - 1; i >= 0; i--) {
      if (zones.get(i).zoneClass() != ZoneClass.GENERAL) {
        names.add(name(zones.get(i), context, labels));
      }
    }
  }

  private static ZoneName name(ControlZone zone, MapContext context, List<PlanLabel> labels) {
    Label node = new Label(ParkPlanLayer.twoLines(zone.name()));
    node.getStyleClass().addAll(MapStyles.ZONE_LABEL, MapStyles.zone(zone.zoneClass()) + "-label");
    node.setTextAlignment(TextAlignment.CENTER);
    PlanLabel label = new PlanLabel(node, LabelPriority.ZONE, LayerKind.ZONES, List.of(PlanLabel.Side.CENTER), 0);
    labels.add(label);
    return new ZoneName(label, context.projection().toMetres(zone.area()),
        ParkPlanLayer.twoLines(zone.name()), ParkPlanLayer.shortName(zone.name()));
  }

  @Override
  public void reproject(MapViewport v, VisibleArea visible) {
    for (ProjectedPath path : paths) {
      path.reproject(v);
    }
    for (ZoneName name : names) {
      Geometry part = visible.clip(name.metres);
      Point anchor = VisibleArea.labelPoint(part);
      if (anchor == null) {
        name.label.wanted(false);
        continue;
      }
      double room = part.getEnvelopeInternal().getWidth() * v.scale() - LABEL_MARGIN_PX;
      Label node = name.label.node();
      node.setText(name.full);
      if (node.prefWidth(-1) > room) {
        node.setText(name.shortName);
      }
      name.label.wanted(node.prefWidth(-1) <= room);
      name.label.anchor(v.screenX(anchor.getX()), v.screenY(anchor.getY()));
    }
  }

  /** A zone's label with what it needs to fit itself into the zone: its area in metres, full and short name. */
  private record ZoneName(PlanLabel label, Polygon metres, String full, String shortName) {}
}
