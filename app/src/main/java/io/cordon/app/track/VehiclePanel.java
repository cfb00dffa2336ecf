package io.cordon.app.track;

import io.cordon.client.track.GoodsLine;
import io.cordon.client.track.PersonLine;
import io.cordon.client.track.VehiclePanelViewModel;
import io.cordon.client.track.ViolationLine;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * 车辆信息: the panel of one tracked vehicle — plate, class and terminal; permit, its window and
 * route; the goods ("UN1203 汽油 3类 28.5 t"); driver and escort with their phones; where it is and
 * how fast against the road's limit; and the rules it breaks now, each with since, place and
 * parameters. Buttons refresh it, fly the map to it and open its trajectory replay.
 */
public final class VehiclePanel {
  public static final String ID = "vehicle-panel";
  public static final String PLATE_ID = "vehicle-panel-plate";
  public static final String GOODS_ID = "vehicle-panel-goods";
  public static final String VIOLATIONS_ID = "vehicle-panel-violations";
  public static final String REFRESH_ID = "vehicle-panel-refresh";
  public static final String REPLAY_ID = "vehicle-panel-replay";
  public static final String LOCATE_ID = "vehicle-panel-locate";

  private final VehiclePanelViewModel vm;
  private final TrackTexts texts;
  private final ScrollPane root;
  private final VBox goods = new VBox(2);
  private final VBox violations = new VBox(6);
  private final Button replay = new Button();
  private final Button locate = new Button();

  VehiclePanel(VehiclePanelViewModel vm, TrackTexts texts) {
    this.vm = vm;
    this.texts = texts;

    Label plate = new Label();
    plate.setId(PLATE_ID);
    plate.getStyleClass().addAll("dialog-title", "track-plate");
    plate.textProperty().bind(vm.plateProperty());
    Label vehicleClass = new Label();
    vehicleClass.getStyleClass().add("track-class-chip");
    vehicleClass.textProperty().bind(text(() -> texts.vehicleClass(vm.vehicleClassProperty().get()),
        vm.vehicleClassProperty()));
    vm.vehicleClassProperty().addListener((o, was, now) -> classStyle(vehicleClass, now));
    Label unbound = new Label();
    unbound.getStyleClass().addAll("alarm-chip", "severity-critical");
    unbound.textProperty().bind(texts.i18n().text("track.panel.unbound"));
    unbound.visibleProperty().bind(vm.unboundProperty());
    unbound.managedProperty().bind(unbound.visibleProperty());
    HBox header = new HBox(10, plate, vehicleClass, unbound);
    header.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.getStyleClass().add("dialog-error");
    status.textProperty().bind(text(() -> vm.loadingProperty().get() ? texts.get("track.panel.loading")
        : texts.error(vm.errorKeyProperty().get()), vm.loadingProperty(), vm.errorKeyProperty()));
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());

    GridPane facts = new GridPane();
    facts.getStyleClass().add("track-facts");
    facts.setHgap(12);
    facts.setVgap(5);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    facts.getColumnConstraints().addAll(names, values);
    int row = 0;
    row = fact(facts, row, "track.panel.terminal", text(() -> orDash(vm.terminalNumberProperty().get()),
        vm.terminalNumberProperty()));
    row = fact(facts, row, "track.panel.permit", text(() -> vm.permitIdProperty().get().isEmpty()
        ? texts.get("track.panel.noPermit") : vm.permitIdProperty().get(), vm.permitIdProperty()));
    row = fact(facts, row, "track.panel.window", text(() -> orDash(vm.permitWindowProperty().get()),
        vm.permitWindowProperty()));
    row = fact(facts, row, "track.panel.route", text(() -> vm.permitIdProperty().get().isEmpty() ? "—"
        : vm.routeProperty().get().isEmpty() ? texts.get("track.panel.defaultRoute")
        : vm.routeProperty().get().replace(">", " → "), vm.routeProperty(), vm.permitIdProperty()));
    row = fact(facts, row, "track.panel.host", text(() -> orDash(vm.hostProperty().get()), vm.hostProperty()));
    goods.setId(GOODS_ID);
    row = factNode(facts, row, "track.panel.goods", goods);
    row = fact(facts, row, "track.panel.driver", text(() -> person(vm.driverProperty().get()), vm.driverProperty()));
    row = fact(facts, row, "track.panel.escort", text(() -> person(vm.escortProperty().get()), vm.escortProperty()));
    row = fact(facts, row, "track.panel.speed", text(this::speedText, vm.speedKmhProperty(), vm.speedLimitKmhProperty(),
        vm.hasPositionProperty()));
    row = fact(facts, row, "track.panel.road", text(() -> vm.roadProperty().get().isEmpty() ? texts.get("track.panel.offRoad")
        : vm.roadProperty().get(), vm.roadProperty()));
    row = fact(facts, row, "track.panel.lot", text(() -> texts.get(vm.inParkingLotProperty().get()
        ? "track.panel.lot.in" : "track.panel.lot.out"), vm.inParkingLotProperty()));
    fact(facts, row, "track.panel.fixTime", text(() -> TrackTexts.dayTime(vm.positionTimeProperty().get()),
        vm.positionTimeProperty()));

    Label violationsTitle = new Label();
    violationsTitle.getStyleClass().add("track-section");
    violationsTitle.textProperty().bind(text(() -> vm.violations().isEmpty() ? texts.get("track.panel.noViolations")
        : texts.format("track.panel.violations", vm.violations().size()), vm.violations()));
    violations.setId(VIOLATIONS_ID);

    Button refresh = new Button();
    refresh.setId(REFRESH_ID);
    refresh.textProperty().bind(texts.i18n().text("track.panel.refresh"));
    refresh.disableProperty().bind(vm.refreshCommand().executableProperty().not());
    refresh.setOnAction(e -> vm.refreshCommand().execute());
    replay.setId(REPLAY_ID);
    replay.getStyleClass().add("primary");
    replay.textProperty().bind(texts.i18n().text("track.panel.replay"));
    replay.disableProperty().bind(vm.plateProperty().isEmpty());
    locate.setId(LOCATE_ID);
    locate.textProperty().bind(texts.i18n().text("track.panel.locate"));
    locate.disableProperty().bind(vm.hasPositionProperty().not());
    HBox buttons = new HBox(8, refresh, locate, replay);

    VBox content = new VBox(10, header, status, facts, violationsTitle, violations, buttons);
    content.setPadding(new Insets(14));
    content.getStyleClass().addAll("cordon-dialog", "track-panel");
    root = new ScrollPane(content);
    root.setId(ID);
    root.setFitToWidth(true);
    root.setPrefSize(460, 620);

    showGoods(); // "—" until loaded: a vehicle without goods changes no list, so no listener would draw it
    vm.goods().addListener((ListChangeListener<GoodsLine>) c -> showGoods());
    vm.violations().addListener((ListChangeListener<ViolationLine>) c -> showViolations());
    texts.i18n().localeProperty().addListener(o -> {
      showGoods();
      showViolations();
    });
  }

  public Region root() {
    return root;
  }

  /** What the replay button does with the shown plate. */
  void setOnReplay(Consumer<String> open) {
    replay.setOnAction(e -> open.accept(vm.plateProperty().get()));
  }

  /** What the locate button does with the vehicle's position (lon, lat). */
  void setOnLocate(java.util.function.BiConsumer<Double, Double> fly) {
    locate.setOnAction(e -> fly.accept(vm.lonProperty().get(), vm.latProperty().get()));
  }

  private String speedText() {
    if (!vm.hasPositionProperty().get()) {
      return "—";
    }
    double speed = vm.speedKmhProperty().get();
    double limit = vm.speedLimitKmhProperty().get();
    return limit > 0 ? texts.format("track.panel.speedWithLimit", fmt(speed), fmt(limit))
        : texts.format("track.panel.speedOnly", fmt(speed));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private String person(PersonLine person) {
    return person.isEmpty() ? "—" : person.text();
  }

  private static String orDash(String value) {
    return value.isEmpty() ? "—" : value;
  }

  private void showGoods() {
    goods.getChildren().clear();
    if (vm.goods().isEmpty()) {
      goods.getChildren().add(value(new Label("—")));
    }
    for (GoodsLine line : vm.goods()) {
      Label l = value(new Label(goodsText(line)));
      l.getStyleClass().add("track-goods");
      goods.getChildren().add(l);
    }
  }

  /** "UN1203 汽油 3类 28.5 t" in Chinese; the class word follows the language. */
  private String goodsText(GoodsLine line) {
    if (texts.i18n().getLocale().getLanguage().equals("zh")) {
      return line.text();
    }
    GoodsLine english = new GoodsLine(line.unNumber(), line.name(), "", line.amount(), line.unit(), line.wasteCode());
    String text = english.text();
    return line.hazardClass().isEmpty() ? text : text + " · " + texts.format("track.goods.class", line.hazardClass());
  }

  private void showViolations() {
    violations.getChildren().clear();
    for (ViolationLine v : vm.violations()) {
      Label rule = new Label(texts.rule(v.rule()));
      rule.getStyleClass().addAll("alarm-chip", "severity-critical");
      Label since = value(new Label(texts.format("track.panel.since", TrackTexts.dayTime(v.since()))));
      HBox head = new HBox(8, rule, since);
      head.setAlignment(Pos.CENTER_LEFT);
      VBox box = new VBox(3, head);
      if (!v.place().isEmpty()) {
        box.getChildren().add(value(new Label(texts.format("track.panel.place", v.place()))));
      }
      if (!v.parameters().isEmpty()) {
        Label parameters = value(new Label(texts.violationParameters(v.rule(), v.parameters())));
        parameters.getStyleClass().add("dialog-note");
        parameters.setWrapText(true);
        box.getChildren().add(parameters);
      }
      box.getStyleClass().add("track-violation");
      violations.getChildren().add(box);
    }
  }

  private static void classStyle(Label chip, VehicleClass vehicleClass) {
    chip.getStyleClass().removeIf(s -> s.startsWith("track-class-") && !s.equals("track-class-chip"));
    if (vehicleClass != null) {
      chip.getStyleClass().add("track-class-" + vehicleClass.name().toLowerCase(Locale.ROOT));
    }
  }

  private int fact(GridPane grid, int row, String key, javafx.beans.value.ObservableValue<String> value) {
    Label v = value(new Label());
    v.textProperty().bind(value);
    v.setWrapText(true);
    return factNode(grid, row, key, v);
  }

  private int factNode(GridPane grid, int row, String key, javafx.scene.Node value) {
    Label name = new Label();
    name.getStyleClass().add("track-fact-name");
    name.textProperty().bind(texts.i18n().text(key));
    grid.add(name, 0, row);
    grid.add(value, 1, row);
    GridPane.setValignment(name, javafx.geometry.VPos.TOP);
    return row + 1;
  }

  private static Label value(Label label) {
    label.getStyleClass().add("track-fact-value");
    return label;
  }

  private javafx.beans.binding.StringBinding text(Callable<String> compute, Observable... dependencies) {
    Observable[] all = new Observable[dependencies.length + 1];
    System.arraycopy(dependencies, 0, all, 0, dependencies.length);
    all[dependencies.length] = texts.i18n().localeProperty();
    return Bindings.createStringBinding(compute, all);
  }
}
