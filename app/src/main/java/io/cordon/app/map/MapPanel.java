package io.cordon.app.map;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.map.ParkViewModel;
import io.cordon.map.ParkMapView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/** The park map with its legend, fed by {@link ParkViewModel}. */
public final class MapPanel {
  public static final String MAP_ID = "park-map";

  private final BorderPane root;
  private final ParkMapView map = new ParkMapView();

  public MapPanel(ParkViewModel vm, I18n i18n) {
    map.setId(MAP_ID);
    map.parkProperty().bind(vm.parkProperty());

    Label message = new Label();
    message.getStyleClass().add(Styles.MAP_MESSAGE);
    message.textProperty().bind(
        i18n.binding(
            () -> vm.errorKeyProperty().get().isEmpty() ? i18n.get("map.loading") : i18n.get(vm.errorKeyProperty().get()),
            vm.errorKeyProperty()));
    message.visibleProperty().bind(vm.parkProperty().isNull());
    message.setMouseTransparent(true);

    // The legend sits below the map, never over it.
    FlowPane legend = legend(i18n);
    StackPane mapArea = new StackPane(map, message);
    mapArea.setMinSize(0, 0);
    root = new BorderPane(mapArea);
    root.setBottom(legend);
    root.setMinSize(0, 0);
  }

  public Region root() {
    return root;
  }

  public ParkMapView map() {
    return map;
  }

  private static FlowPane legend(I18n i18n) {
    FlowPane legend = new FlowPane();
    legend.getStyleClass().add(Styles.MAP_LEGEND);
    legend.getChildren().addAll(
        entry(zoneSwatch("zone-core"), label(i18n, "map.legend.core")),
        entry(zoneSwatch("zone-key"), label(i18n, "map.legend.key")),
        entry(zoneSwatch("zone-general"), label(i18n, "map.legend.general")),
        entry(gateSwatch(new Rectangle(-6, -6, 12, 12), "gate-comprehensive"), label(i18n, "map.legend.gate.comprehensive")),
        entry(gateSwatch(new Polygon(0, -8, 8, 0, 0, 8, -8, 0), "gate-dedicated"), label(i18n, "map.legend.gate.dedicated")),
        entry(gateSwatch(new Circle(6), "gate-ordinary"), label(i18n, "map.legend.gate.ordinary")),
        entry(gateSwatch(new Circle(8), "gate-emergency"), label(i18n, "map.legend.gate.emergency")));
    return legend;
  }

  private static HBox entry(Node swatch, Label text) {
    HBox box = new HBox(6, swatch, text);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static Rectangle zoneSwatch(String zoneClass) {
    Rectangle r = new Rectangle(24, 14);
    r.getStyleClass().addAll(Styles.LEGEND_SWATCH, zoneClass);
    return r;
  }

  private static Shape gateSwatch(Shape shape, String gateClass) {
    shape.getStyleClass().addAll(Styles.LEGEND_SWATCH, gateClass);
    return shape;
  }

  private static Label label(I18n i18n, String key) {
    Label label = new Label();
    label.textProperty().bind(i18n.text(key));
    return label;
  }
}
