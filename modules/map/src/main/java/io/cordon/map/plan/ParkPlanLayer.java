package io.cordon.map.plan;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.ZoneClass;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The static park plan drawn from its real geometry: control zones filled by class, the perimeter
 * stroked by segment type, roads by class, gates as symbols by type. Geometry is kept in metres
 * and re-projected to pixels on every pan or zoom, so strokes and symbols keep their size.
 *
 * <p>Each zone is one {@link Path} node (holes drawn with the even-odd rule) with style classes
 * {@code zone} and {@code zone-core|key|general}, its zone id as node id and the
 * {@link io.cordon.domain.park.ZoneId} as user data.
 */
public final class ParkPlanLayer implements MapLayer {
  private final MapState state;
  private final Group zoneLayer = new Group();
  private final Group roadLayer = new Group();
  private final Group perimeterLayer = new Group();
  private final Group gateLayer = new Group();
  private final Group labelLayer = new Group();
  private final Pane content = new Pane(zoneLayer, roadLayer, perimeterLayer, gateLayer, labelLayer);
  private final List<Runnable> reprojections = new ArrayList<>();
  private Envelope metreBounds = new Envelope();

  public ParkPlanLayer(MapState state) {
    this.state = state;
    content.setPickOnBounds(false);
    zoneLayer.visibleProperty().bind(state.visibleProperty(LayerKind.ZONES));
    roadLayer.visibleProperty().bind(state.visibleProperty(LayerKind.ROADS));
    perimeterLayer.visibleProperty().bind(state.visibleProperty(LayerKind.PERIMETER));
    gateLayer.visibleProperty().bind(state.visibleProperty(LayerKind.GATES));
    labelLayer.visibleProperty().bind(state.visibleProperty(LayerKind.LABELS));
  }

  @Override
  public Node node() {
    return content;
  }

  @Override
  public void parkChanged(MapContext context) {
    for (Group layer : List.of(zoneLayer, roadLayer, perimeterLayer, gateLayer, labelLayer)) {
      layer.getChildren().clear();
    }
    reprojections.clear();
    if (context == null) {
      return;
    }
    Park value = context.park();
    LocalProjection projection = context.projection();
    metreBounds = context.metreBounds();

    // General first, core last, so the most critical zones are on top.
    List<ControlZone> zones = new ArrayList<>(value.zones());
    zones.sort(Comparator.comparing((ControlZone z) -> z.zoneClass()).reversed());
    for (ControlZone zone : zones) {
      addZone(zone, projection);
    }
    for (Road road : value.roads()) {
      addLine(roadLayer, road.line(), projection, MapStyles.ROAD, MapStyles.road(road.roadClass()), road.id().value());
    }
    for (PerimeterSegment segment : value.perimeter()) {
      addLine(
          perimeterLayer,
          segment.line(),
          projection,
          MapStyles.PERIMETER,
          MapStyles.perimeter(segment.type()),
          segment.id().value());
    }
    List<Gate> gates = new ArrayList<>(value.gates());
    // Emergency gates last: drawn on top, never hidden under another symbol.
    gates.sort(Comparator.comparing((Gate g) -> g.type() == GateType.EMERGENCY));
    for (Gate gate : gates) {
      addGate(gate, projection);
    }
    viewportChanged(state.viewport());
  }

  private void addZone(ControlZone zone, LocalProjection projection) {
    List<double[]> rings = new ArrayList<>();
    rings.add(project(zone.area().getExteriorRing().getCoordinates(), projection));
    for (int i = 0; i < zone.area().getNumInteriorRing(); i++) {
      rings.add(project(zone.area().getInteriorRingN(i).getCoordinates(), projection));
    }
    Path path = new Path();
    path.setFillRule(FillRule.EVEN_ODD);
    path.getStyleClass().addAll(MapStyles.ZONE, MapStyles.zone(zone.zoneClass()));
    path.setId(zone.id().value());
    path.setUserData(zone.id());
    zoneLayer.getChildren().add(path);
    reprojections.add(() -> path.getElements().setAll(ringsToElements(rings, true)));

    if (zone.zoneClass() != ZoneClass.GENERAL) {
      Point anchor = zone.area().getInteriorPoint();
      double ax = projection.x(anchor.getX());
      double ay = projection.y(anchor.getY());
      Envelope env = zone.area().getEnvelopeInternal();
      double widthM = projection.x(env.getMaxX()) - projection.x(env.getMinX());
      Text label = new Text(twoLines(zone.name()));
      label.getStyleClass().addAll(MapStyles.ZONE_LABEL, MapStyles.zone(zone.zoneClass()) + "-label");
      label.setTextAlignment(TextAlignment.CENTER);
      label.setMouseTransparent(true);
      ZoneLabel fit = new ZoneLabel(ax, ay, widthM, twoLines(zone.name()), shortName(zone.name()));
      label.getProperties().put(ZoneLabel.KEY, fit);
      labelLayer.getChildren().add(label);
      reprojections.add(() -> placeZoneLabel(label, fit));
    }
  }

  private void addLine(Group layer, LineString line, LocalProjection projection, String cls, String typeCls, String id) {
    double[] points = project(line.getCoordinates(), projection);
    Path path = new Path();
    path.getStyleClass().addAll(cls, typeCls);
    path.setId(id);
    path.setMouseTransparent(true);
    layer.getChildren().add(path);
    reprojections.add(() -> path.getElements().setAll(ringsToElements(List.of(points), false)));
  }

  private void addGate(Gate gate, LocalProjection projection) {
    double gx = projection.x(gate.position().getX());
    double gy = projection.y(gate.position().getY());
        Group symbol = new Group();
    symbol.getStyleClass().addAll(MapStyles.GATE, MapStyles.gate(gate.type()));
    symbol.setId(gate.id().value());
    symbol.setUserData(gate.id());
    symbol.getChildren().addAll(gateShapes(gate.type()));
    Label label = new Label(gate.name());
    label.getStyleClass().add(MapStyles.GATE_LABEL);
    label.setMouseTransparent(true);
    symbol.getChildren().add(label);
    gateLayer.getChildren().add(symbol);
    double gap = gate.type() == GateType.EMERGENCY ? 16 : 12;
    reprojections.add(
        () -> {
          MapViewport v = state.viewport();
          symbol.setLayoutX(v.screenX(gx));
          symbol.setLayoutY(v.screenY(gy));
          // Gates sit on the perimeter: label them on the inward side, where the map has room.
          boolean eastHalf = gx > metreBounds.centre().x;
          double w = label.prefWidth(-1);
          double h = label.prefHeight(w);
          label.resizeRelocate(eastHalf ? -gap - w : gap, -h / 2, w, h);
        });
  }

  /** Symbols centred on (0, 0): ordinary circle, comprehensive square, dedicated diamond, emergency a big red cross badge. */
  private static List<Node> gateShapes(GateType type) {
    Shape body;
    switch (type) {
      case COMPREHENSIVE -> body = new Rectangle(-7, -7, 14, 14);
      case DEDICATED -> body = new Polygon(0, -9, 9, 0, 0, 9, -9, 0);
      case EMERGENCY -> body = new Circle(12);
      default -> body = new Circle(7);
    }
    body.getStyleClass().add(MapStyles.GATE_SYMBOL);
    if (type != GateType.EMERGENCY) {
      return List.of(body);
    }
    Path cross = new Path(new MoveTo(-6, 0), new LineTo(6, 0), new MoveTo(0, -6), new LineTo(0, 6));
    cross.getStyleClass().add("gate-mark");
    return List.of(body, cross);
  }

  /** "核心区一（储罐区）" → "核心区一", for zones too small on screen for the whole name. */
  public static String shortName(String name) {
    int paren = Math.max(name.indexOf('（'), name.indexOf(" ("));
    return paren > 0 ? name.substring(0, paren) : name;
  }

  /** "核心区一（储罐区）" → two lines, so the name fits into smaller zones. */
  public static String twoLines(String name) {
    int paren = Math.max(name.indexOf('（'), name.indexOf(" ("));
    return paren > 0 ? name.substring(0, paren) + "\n" + name.substring(paren).trim() : name;
  }

  private static double[] project(Coordinate[] coordinates, LocalProjection projection) {
    double[] xy = new double[coordinates.length * 2];
    for (int i = 0; i < coordinates.length; i++) {
      xy[2 * i] = projection.x(coordinates[i].x);
      xy[2 * i + 1] = projection.y(coordinates[i].y);
    }
    return xy;
  }

  private List<PathElement> ringsToElements(List<double[]> rings, boolean closed) {
    MapViewport v = state.viewport();
    List<PathElement> elements = new ArrayList<>();
    for (double[] ring : rings) {
      for (int i = 0; i < ring.length; i += 2) {
        double sx = v.screenX(ring[i]);
        double sy = v.screenY(ring[i + 1]);
        elements.add(i == 0 ? new MoveTo(sx, sy) : new LineTo(sx, sy));
      }
      if (closed) {
        elements.add(new ClosePath());
      }
    }
    return elements;
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    for (Runnable r : reprojections) {
      r.run();
    }
  }

  private void placeZoneLabel(Text label, ZoneLabel fit) {
    MapViewport v = state.viewport();
    double room = fit.widthM() * v.scale() - 8;
    label.setText(fit.full());
    if (label.getLayoutBounds().getWidth() > room) {
      label.setText(fit.shortName());
    }
    label.setVisible(label.getLayoutBounds().getWidth() <= room);
    double tw = label.getLayoutBounds().getWidth();
    label.relocate(v.screenX(fit.anchorX()) - tw / 2, v.screenY(fit.anchorY()) - label.getLayoutBounds().getHeight() / 2);
  }

  /**
   * What a zone label needs to place itself, kept in the node's properties: the anchor and the
   * zone's width in metres, the full name (two lines) and the short one.
   */
  private record ZoneLabel(double anchorX, double anchorY, double widthM, String full, String shortName) {
    static final String KEY = "cordon.zoneLabel";
  }
}
