package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.client.gate.presence.InsideCsv;
import io.cordon.client.gate.presence.InsideRow;
import io.cordon.client.gate.presence.PresenceViewModel;
import io.cordon.client.gate.presence.PresenceViewModel.ClassCount;
import io.cordon.client.gate.presence.PresenceViewModel.EnterpriseCount;
import io.cordon.client.gate.presence.PresenceViewModel.Kind;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * 在园统计: big counts readable at 2 m (people, vehicles, hazmat vehicles), vehicles by class and
 * people/vehicles by enterprise, and "who is inside" with kind and enterprise filters and a CSV
 * export of everyone who matches, for the evacuation roll call.
 */
public final class PresencePanel {
  public static final String EXPORT_ID = "presence-export";

  private final PresenceViewModel vm;
  private final I18n i18n;
  private final GateTexts texts;
  private final VBox root = new VBox(10);
  private final FlowPane byClass = new FlowPane(8, 6);
  private final VBox byEnterprise = new VBox(2);
  private final TableView<InsideRow> table = new TableView<>();
  private final Label exportResult = new Label();
  /** Chooses the CSV file; tests replace it. */
  private Function<javafx.stage.Window, File> fileChooser = this::chooseFile;

  public PresencePanel(PresenceViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    this.texts = new GateTexts(i18n);
    root.getStyleClass().add(GateStyles.PRESENCE);
    root.setId("presence-panel");

    Label title = new Label();
    title.textProperty().bind(i18n.text("presence.title"));
    title.getStyleClass().add(GateStyles.SECTION_TITLE);
    Button refresh = new Button();
    refresh.textProperty().bind(i18n.text("presence.refresh"));
    refresh.disableProperty().bind(vm.refreshCommand().executableProperty().not());
    refresh.setOnAction(e -> vm.refreshCommand().execute());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(8, title, gap, refresh);
    head.setAlignment(Pos.CENTER_LEFT);

    HBox counts = new HBox(10,
        bigCount("presence-people", "presence.people", vm.peopleProperty().asString()),
        bigCount("presence-vehicles", "presence.vehicles", vm.vehiclesProperty().asString()),
        bigCount("presence-dangerous", "presence.dangerous", vm.dangerousVehiclesProperty().asString()));
    counts.getChildren().get(2).getStyleClass().add("presence-dangerous");
    Label asOf = new Label();
    asOf.getStyleClass().add(GateStyles.MUTED);
    asOf.textProperty().bind(i18n.binding(() -> {
      String at = vm.asOfProperty().get() == null ? "—" : GateTexts.time(vm.asOfProperty().get());
      String unknown = vm.unknownProperty().get() > 0 ? "  " + i18n.format("presence.unknown", vm.unknownProperty().get()) : "";
      return i18n.format("presence.asOf", at) + unknown;
    }, vm.asOfProperty(), vm.unknownProperty()));

    Label classTitle = small("presence.byClass");
    vm.vehiclesByClass().addListener((ListChangeListener<ClassCount>) c -> renderClasses());
    Label enterpriseTitle = small("presence.byEnterprise");
    vm.enterprises().addListener((ListChangeListener<EnterpriseCount>) c -> renderEnterprises());
    i18n.localeProperty().addListener(o -> {
      renderClasses();
      renderEnterprises();
    });
    renderClasses();
    renderEnterprises();

    Label insideTitle = new Label();
    insideTitle.textProperty().bind(i18n.text("presence.inside"));
    insideTitle.getStyleClass().add(GateStyles.SECTION_TITLE);
    ComboBox<Kind> kind = new ComboBox<>();
    kind.setId("presence-kind");
    kind.getItems().addAll(Kind.values());
    kind.setConverter(converter(k -> texts.of("presence.kind.", k)));
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    ComboBox<String> enterprise = new ComboBox<>();
    enterprise.setId("presence-enterprise");
    enterprise.setConverter(converter(id -> id == null || id.isEmpty() ? i18n.get("presence.enterprise.any")
        : vm.enterpriseName(id)));
    enterprise.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : enterprise.getConverter().toString(item));
      }
    });
    vm.enterprises().addListener((ListChangeListener<EnterpriseCount>) c -> syncEnterprises(enterprise));
    syncEnterprises(enterprise);
    enterprise.setValue("");
    enterprise.valueProperty().addListener((o, was, now) -> vm.enterpriseProperty().set(now == null ? "" : now));
    HBox insideFilters = new HBox(8, kind, enterprise);

    buildTable();
    Label total = new Label();
    total.getStyleClass().add(GateStyles.MUTED);
    total.textProperty().bind(i18n.binding(() -> i18n.format("presence.inside.total", vm.insideTotalProperty().get(),
        vm.inside().size()), vm.insideTotalProperty(), vm.inside()));
    Button more = new Button();
    more.textProperty().bind(i18n.text("presence.loadMore"));
    more.disableProperty().bind(vm.loadMoreCommand().executableProperty().not());
    more.setOnAction(e -> vm.loadMoreCommand().execute());
    Button export = new Button();
    export.setId(EXPORT_ID);
    export.textProperty().bind(i18n.text("presence.export"));
    export.getStyleClass().add("primary");
    export.disableProperty().bind(vm.exportingProperty());
    export.setOnAction(e -> export());
    exportResult.getStyleClass().add(GateStyles.MUTED);
    exportResult.setWrapText(true);
    Label error = new Label();
    error.getStyleClass().add(GateStyles.ERROR);
    error.textProperty().bind(i18n.text(vm.errorKeyProperty()));
    HBox actions = new HBox(8, more, export);
    actions.setAlignment(Pos.CENTER_LEFT);

    VBox summary = new VBox(8, head, counts, asOf, classTitle, byClass, enterpriseTitle, byEnterprise);
    VBox.setVgrow(table, Priority.ALWAYS);
    root.getChildren().addAll(summary, insideTitle, insideFilters, table, total, actions, exportResult, error);
    root.setMinWidth(0);
    root.setPrefWidth(420);
  }

  public Node root() {
    return root;
  }

  public TableView<InsideRow> table() {
    return table;
  }

  /** Replaces the file dialog (tests). */
  public void setFileChooser(Function<javafx.stage.Window, File> chooser) {
    this.fileChooser = chooser;
  }

  private Node bigCount(String id, String key, ObservableValue<String> number) {
    Label value = new Label();
    value.setId(id);
    value.textProperty().bind(number);
    value.getStyleClass().add(GateStyles.BIG_NUMBER);
    Label label = new Label();
    label.textProperty().bind(i18n.text(key));
    label.getStyleClass().add(GateStyles.BIG_LABEL);
    VBox box = new VBox(0, value, label);
    box.getStyleClass().add(GateStyles.BIG_COUNT);
    box.setAlignment(Pos.CENTER);
    HBox.setHgrow(box, Priority.ALWAYS);
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  private Label small(String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.text(key));
    l.getStyleClass().add(GateStyles.MUTED);
    return l;
  }

  private void renderClasses() {
    List<Node> chips = new ArrayList<>();
    for (ClassCount c : vm.vehiclesByClass()) {
      Label chip = new Label(texts.holderClass(c.vehicleClass()) + "  " + c.count());
      chip.getStyleClass().addAll("presence-class", "presence-class-" + c.vehicleClass().toLowerCase(java.util.Locale.ROOT));
      chips.add(chip);
    }
    byClass.getChildren().setAll(chips);
  }

  private void renderEnterprises() {
    List<Node> lines = new ArrayList<>();
    int shown = 0;
    for (EnterpriseCount e : vm.enterprises()) {
      if (shown++ == 8) {
        break;
      }
      Label line = new Label(i18n.format("presence.enterprise.row", e.name(), e.people(), e.vehicles()));
      line.getStyleClass().add("presence-enterprise");
      lines.add(line);
    }
    byEnterprise.getChildren().setAll(lines);
  }

  private void syncEnterprises(ComboBox<String> box) {
    List<String> ids = new ArrayList<>();
    ids.add("");
    vm.enterprises().forEach(e -> ids.add(e.enterpriseId()));
    if (!ids.equals(box.getItems())) {
      String selected = box.getValue();
      box.getItems().setAll(ids);
      box.setValue(selected == null ? "" : selected);
    }
  }

  private void buildTable() {
    table.setId("presence-inside");
    table.getStyleClass().addAll("event-table", GateStyles.TABLE);
    table.setItems(vm.inside());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.getColumns().add(column("presence.col.holder", r -> r.holder()));
    table.getColumns().add(column("presence.col.name", r -> r.name()));
    table.getColumns().add(column("presence.col.class", r -> texts.holderClass(r.holderClass())));
    table.getColumns().add(column("presence.col.enterprise", r -> vm.enterpriseName(r.enterpriseId())));
    table.getColumns().add(column("presence.col.since", r -> GateTexts.time(r.since())));
    table.setPrefHeight(240);
  }

  private TableColumn<InsideRow, String> column(String key, Function<InsideRow, String> value) {
    TableColumn<InsideRow, String> col = new TableColumn<>();
    col.textProperty().bind(i18n.text(key));
    col.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue()), i18n.localeProperty()));
    return col;
  }

  private File chooseFile(javafx.stage.Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(i18n.get("presence.export.title"));
    chooser.setInitialFileName(i18n.get("presence.export.file"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
    return chooser.showSaveDialog(owner);
  }

  /** Asks where, then writes everyone who matches the filters. */
  public void export() {
    File file = fileChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
    if (file == null) {
      return;
    }
    Path path = file.toPath();
    List<String> header = InsideCsv.COLUMNS.stream().map(c -> i18n.get("presence.col." + c)).toList();
    vm.exportCsv(path, header, texts::holderClass, ZoneId.systemDefault()).thenAccept(
        count -> exportResult.setText(i18n.format("presence.export.done", count, path.getFileName())));
  }

  private static <T> StringConverter<T> converter(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return text.apply(value);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
