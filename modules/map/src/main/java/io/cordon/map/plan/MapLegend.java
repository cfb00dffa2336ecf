package io.cordon.map.plan;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.ZoneClass;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapTexts;
import io.cordon.map.ParkMapView;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The map's legend: zone classes, perimeter types, road classes and the speed sign, gate types,
 * live gate states, cameras, sensors, parking lots, enterprises. Its swatches carry the same
 * style classes as the features on the map (and the stylesheet styles both alike), its texts come
 * from {@link MapState#textsBinding()} so a locale switch relabels it. The application places it
 * (beside or over the map); style class {@code map-legend}, one {@code legend-entry} per line.
 */
public class MapLegend extends VBox {
  private static final double SWATCH_W = 34;
  private static final double SWATCH_H = 24;

  private final Map<Label, String> texts = new LinkedHashMap<>();

  public MapLegend(MapState state) {
    getStyleClass().add(MapStyles.MAP_LEGEND);
    setFillWidth(true);
    title("legend.title");

    TilePane zones = section("legend.section.zones");
    for (ZoneClass zoneClass : ZoneClass.values()) {
      Rectangle r = new Rectangle(24, 14);
      r.getStyleClass().addAll(MapStyles.ZONE, MapStyles.zone(zoneClass));
      entry(zones, r, "legend.zone." + camel(zoneClass.name()));
    }
    TilePane perimeter = section("legend.section.perimeter");
    for (PerimeterType type : PerimeterType.values()) {
      entry(perimeter, line(MapStyles.PERIMETER, MapStyles.perimeter(type)), "legend.perimeter." + camel(type.name()));
    }
    TilePane roads = section("legend.section.roads");
    for (RoadClass roadClass : RoadClass.values()) {
      entry(roads, line(MapStyles.ROAD, MapStyles.road(roadClass)), "legend.road." + camel(roadClass.name()));
    }
    Label sign = new Label("40");
    sign.getStyleClass().add(MapStyles.ROAD_SPEED);
    entry(roads, sign, "legend.road.speed");

    TilePane gates = section("legend.section.gates");
    for (GateType type : new GateType[] {GateType.EMERGENCY, GateType.COMPREHENSIVE, GateType.DEDICATED, GateType.ORDINARY}) {
      Group symbol = GateSymbols.symbol(type, GateState.UNKNOWN);
      GateSymbols.ring(symbol).setVisible(false);
      symbol.setScaleX(type == GateType.EMERGENCY ? 0.55 : 0.85);
      symbol.setScaleY(symbol.getScaleX());
      entry(gates, symbol, "legend.gate." + camel(type.name()));
    }
    TilePane states = section("legend.section.gateStates");
    for (GateState gateState : new GateState[] {GateState.OPEN, GateState.CLOSED, GateState.FAULT, GateState.OFFLINE, GateState.UNKNOWN}) {
      Group symbol = GateSymbols.symbol(GateType.ORDINARY, gateState);
      symbol.setScaleX(0.85);
      symbol.setScaleY(0.85);
      entry(states, symbol, "gate.state." + gateState.name().toLowerCase(Locale.ROOT));
    }

    TilePane devices = section("legend.section.devices");
    entry(devices, camera(), "legend.camera");
    for (SensorType type : SensorType.values()) {
      Circle dot = new Circle(3.5);
      dot.getStyleClass().addAll(MapStyles.SENSOR, MapStyles.sensor(type));
      entry(devices, dot, "legend.sensor." + camel(type.name()));
    }
    Rectangle hazmatLot = new Rectangle(24, 14);
    hazmatLot.getStyleClass().addAll(MapStyles.PARKING_LOT, MapStyles.PARKING_LOT_HAZMAT);
    entry(devices, hazmatLot, "legend.parking.hazmat");
    Rectangle lot = new Rectangle(24, 14);
    lot.getStyleClass().add(MapStyles.PARKING_LOT);
    entry(devices, lot, "legend.parking.ordinary");
    Rectangle enterprise = new Rectangle(8, 8);
    enterprise.getStyleClass().add(MapStyles.ENTERPRISE);
    entry(devices, enterprise, "legend.enterprise");
    Polygon loading = new Polygon(0, -5, 4.5, 3.5, -4.5, 3.5);
    loading.getStyleClass().add(MapStyles.LOADING_POINT);
    entry(devices, loading, "legend.loadingPoint");

    relabel(state.texts());
    state.textsBinding().addListener((obs, was, now) -> relabel(now));
  }

  @Override
  public String getUserAgentStylesheet() {
    return Objects.requireNonNull(ParkMapView.class.getResource("park-map.css")).toExternalForm();
  }

  private void relabel(MapTexts now) {
    texts.forEach((label, key) -> label.setText(now.get(key)));
  }

  private void title(String key) {
    Label title = new Label();
    title.getStyleClass().add(MapStyles.LEGEND_TITLE);
    title.setStyle("-fx-font-size: 13px;");
    texts.put(title, key);
    getChildren().add(title);
  }

  private TilePane section(String key) {
    Label title = new Label();
    title.getStyleClass().add(MapStyles.LEGEND_TITLE);
    texts.put(title, key);
    TilePane entries = new TilePane(10, 1);
    entries.setPrefColumns(2);
    entries.setTileAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(title, entries);
    return entries;
  }

  private void entry(TilePane section, Node swatch, String key) {
    StackPane box = new StackPane(new Group(swatch));
    box.setMinSize(SWATCH_W, SWATCH_H);
    box.setPrefSize(SWATCH_W, SWATCH_H);
    box.setMaxSize(SWATCH_W, SWATCH_H);
    Label text = new Label();
    text.getStyleClass().add(MapStyles.LEGEND_TEXT);
    texts.put(text, key);
    HBox entry = new HBox(6, box, text);
    entry.setAlignment(Pos.CENTER_LEFT);
    entry.getStyleClass().add(MapStyles.LEGEND_ENTRY);
    entry.setUserData(key);
    section.getChildren().add(entry);
  }

  private static Shape line(String cls, String typeCls) {
    Line line = new Line(0, 0, 26, 0);
    line.getStyleClass().addAll(cls, typeCls);
    return line;
  }

  private static Node camera() {
    GeometryFactory geo = new GeometryFactory();
    Camera sample = new Camera(new CameraId("legend"), "", geo.createPoint(new Coordinate(0, 0)), 60, 70);
    Arc wedge = CameraDrawing.wedge(sample);
    wedge.setRadiusX(18);
    wedge.setRadiusY(18);
    // A fixed-size pane so the wedge's open side does not shift the dot off the swatch centre.
    Rectangle frame = new Rectangle(-18, -18, 36, 36);
    frame.setFill(Color.TRANSPARENT);
    Group group = new Group(frame, wedge, CameraDrawing.dot());
    group.setScaleX(0.7);
    group.setScaleY(0.7);
    return group;
  }

  /** ELECTRONIC_FENCE → electronicFence. */
  private static String camel(String enumName) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : enumName.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }
}
