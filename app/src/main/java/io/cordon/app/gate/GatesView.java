package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.GateCommandViewModel.Action;
import io.cordon.client.gate.access.GateCard;
import io.cordon.client.gate.access.GatesViewModel;
import io.cordon.client.gate.access.LaneCard;
import io.cordon.client.gate.access.PassageOutcome;
import io.cordon.client.gate.access.PassageRow;
import io.cordon.domain.gate.access.PassageDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/**
 * 卡口: every gate as a card (lanes as chips coloured by their barrier, mode badge, agent status,
 * latest passage; open/close the gate or one lane with a reason for authorised roles), the latest
 * passages with filters, and the presence panel beside them.
 */
public final class GatesView {
  public static final String VIEW_ID = "gates";

  private final GatesViewModel vm;
  private final I18n i18n;
  private final GateTexts texts;
  private final Supplier<GateCommandViewModel> commands;
  private final boolean mayCommand;
  private final BorderPane root = new BorderPane();
  private final FlowPane cards = new FlowPane(10, 10);
  private final TableView<PassageRow> table = new TableView<>();

  /**
   * @param commands a fresh command view model per dialog
   * @param mayCommand whether the user may open or close gates (operator, supervisor)
   * @param presence the presence panel shown beside the passages
   */
  public GatesView(GatesViewModel vm, Node presence, Supplier<GateCommandViewModel> commands, boolean mayCommand,
      I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    this.texts = new GateTexts(i18n);
    this.commands = commands;
    this.mayCommand = mayCommand;
    root.getStyleClass().add(GateStyles.VIEW);
    root.setId("gates-view");

    cards.getStyleClass().add(GateStyles.CARDS);
    cards.setId("gate-cards");
    ScrollPane cardScroll = new ScrollPane(cards);
    cardScroll.setFitToWidth(true);
    cardScroll.getStyleClass().add(GateStyles.CARDS);
    vm.gates().addListener((ListChangeListener<GateCard>) c -> renderCards());
    vm.latestByGate().addListener((MapChangeListener<String, PassageRow>) c -> renderCards());
    i18n.localeProperty().addListener(o -> renderCards());
    renderCards();

    buildTable();
    Label passagesTitle = new Label();
    passagesTitle.textProperty().bind(i18n.text("gate.view.passages"));
    passagesTitle.getStyleClass().add(GateStyles.SECTION_TITLE);
    Label count = new Label();
    count.getStyleClass().add(GateStyles.MUTED);
    count.textProperty().bind(i18n.binding(() -> i18n.format("gate.view.passages.count", table.getItems().size()),
        table.getItems()));
    VBox passages = new VBox(4, new HBox(10, passagesTitle, count), filters(), table);
    passages.getStyleClass().add("gates-passages");
    VBox.setVgrow(table, Priority.ALWAYS);

    SplitPane left = new SplitPane(cardScroll, passages);
    left.setOrientation(Orientation.VERTICAL);
    left.setDividerPositions(0.48);
    SplitPane main = new SplitPane(left, presence);
    main.setDividerPositions(0.74);
    SplitPane.setResizableWithParent(presence, true); // docked narrow, then detached wide: it grows too
    root.setCenter(main);
    // Docked in the lower row it may get narrow and low: scroll and clip rather than overflow.
    main.setMinSize(0, 0);
    left.setMinSize(0, 0);
    passages.setMinSize(0, 0);
    cardScroll.setMinHeight(0);
    if (presence instanceof Region region) {
      region.setMinHeight(0);
    }
    root.setMinSize(0, 0);

    Label error = new Label();
    error.getStyleClass().add(GateStyles.ERROR);
    error.textProperty().bind(i18n.text(vm.errorKeyProperty()));
    error.visibleProperty().bind(vm.errorKeyProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    root.setTop(error);
  }

  public Node root() {
    return root;
  }

  public TableView<PassageRow> table() {
    return table;
  }

  // --- cards ---------------------------------------------------------------------------------

  private void renderCards() {
    List<Node> nodes = new ArrayList<>();
    for (GateCard card : vm.gates()) {
      nodes.add(card(card));
    }
    cards.getChildren().setAll(nodes);
  }

  private Node card(GateCard card) {
    Label name = new Label(card.gate().name());
    name.getStyleClass().add(GateStyles.CARD_TITLE);
    Label type = new Label(card.id() + " · " + texts.of("gate.type.", card.gate().type()));
    type.getStyleClass().add(GateStyles.CARD_TYPE);
    Label mode = new Label(texts.of("gate.mode.", card.mode()));
    mode.getStyleClass().addAll(GateStyles.MODE_BADGE, GateStyles.mode(card.mode()));
    Circle dot = new Circle(5);
    dot.getStyleClass().add(card.agentConnected() ? "agent-online" : "agent-offline");
    String agentText = i18n.get(card.agentConnected() ? "gate.view.agent.online" : "gate.view.agent.offline");
    if (card.offlineRecordsUploaded() > 0) {
      agentText += " · " + i18n.format("gate.view.agent.offlineRecords", card.offlineRecordsUploaded());
    }
    Label agent = new Label(agentText, dot);
    agent.getStyleClass().addAll(GateStyles.AGENT, card.agentConnected() ? "agent-online" : "agent-offline");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(8, name, gap, mode);
    head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    HBox sub = new HBox(10, type, agent);
    sub.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    FlowPane lanes = new FlowPane(6, 6);
    for (LaneCard lane : card.lanes()) {
      lanes.getChildren().add(laneChip(card, lane));
    }

    PassageRow latest = vm.latestByGate().get(card.id());
    Label latestLine = new Label(latest == null ? i18n.get("gate.view.latest.none")
        : i18n.format("gate.view.latest", GateTexts.time(latest.time()), latest.holderLabel(), texts.decision(latest)
            + " " + texts.rule(latest.rule())));
    latestLine.getStyleClass().add(GateStyles.CARD_LATEST);
    if (latest != null) {
      latestLine.getStyleClass().add(latest.alarm() ? GateStyles.ALARM
          : latest.passed() ? GateStyles.PASSED : GateStyles.DENIED);
    }
    VBox box = new VBox(6, head, sub, lanes, latestLine);
    for (LaneCard lane : card.lanes()) {
      if (!lane.fault().isEmpty()) {
        Label fault = new Label(i18n.format("gate.view.fault", lane.id() + " " + lane.fault()));
        fault.getStyleClass().add(GateStyles.CARD_FAULT);
        box.getChildren().add(fault);
      }
    }
    if (mayCommand) {
      Button open = new Button(i18n.get("gate.view.openGate"));
      open.setId("gate-open-" + card.id());
      open.setOnAction(e -> command(card, null, Action.OPEN));
      Button close = new Button(i18n.get("gate.view.closeGate"));
      close.setId("gate-close-" + card.id());
      close.setOnAction(e -> command(card, null, Action.CLOSE));
      open.getStyleClass().add(GateStyles.CARD_BUTTON);
      close.getStyleClass().add(GateStyles.CARD_BUTTON);
      box.getChildren().add(new HBox(8, open, close));
    }
    box.getStyleClass().add(GateStyles.CARD);
    if (card.faulty()) {
      box.getStyleClass().add("gate-card-faulty");
    }
    if (card.gate().type() == io.cordon.domain.park.GateType.EMERGENCY) {
      box.getStyleClass().add("gate-card-emergency");
    }
    box.setId("gate-card-" + card.id());
    box.setOnMouseClicked(e -> {
      if (e.getClickCount() == 1 && !onButton(e.getTarget(), box)) {
        String now = vm.gateFilterProperty().get();
        vm.gateFilterProperty().set(card.id().equals(now) ? null : card.id());
      }
    });
    if (card.id().equals(vm.gateFilterProperty().get())) {
      box.getStyleClass().add("gate-card-selected");
    }
    return box;
  }

  /** Whether a click landed on a button of the card (which has its own action) rather than the card. */
  private static boolean onButton(Object target, Node card) {
    for (Node n = target instanceof Node node ? node : null; n != null && n != card; n = n.getParent()) {
      if (n instanceof javafx.scene.control.ButtonBase) {
        return true;
      }
    }
    return false;
  }

  private Node laneChip(GateCard card, LaneCard lane) {
    Label chip = new Label(lane.id() + " " + texts.of("gate.laneClass.", lane.lane().laneClass()) + " "
        + texts.of("gate.direction.", lane.lane().direction()));
    chip.getStyleClass().addAll(GateStyles.LANE_CHIP, GateStyles.lane(lane.barrier()));
    chip.setId("lane-" + card.id() + "-" + lane.id());
    // The cards are drawn again at every passage: no Tooltip or ContextMenu per chip here — JavaFX
    // kept every one of them (20,000 in a minute of demo traffic, the client out of heap in minutes).
    // The barrier state is the chip's colour and its accessible text; the menu is made when asked for.
    chip.setAccessibleText(i18n.format("gate.view.lane.tooltip", lane.id(),
        texts.of("gate.laneClass.", lane.lane().laneClass()), texts.of("gate.direction.", lane.lane().direction()),
        texts.of("gate.barrier.", lane.barrier())));
    if (mayCommand) {
      chip.setOnMouseClicked(e -> {
        laneMenu(card, lane).show(chip, javafx.geometry.Side.BOTTOM, 0, 0);
        e.consume();
      });
      chip.setOnContextMenuRequested(e -> {
        laneMenu(card, lane).show(chip, e.getScreenX(), e.getScreenY());
        e.consume();
      });
    }
    return chip;
  }

  private ContextMenu laneMenu(GateCard card, LaneCard lane) {
    MenuItem open = new MenuItem(i18n.format("gate.view.lane.open", lane.id()));
    open.setOnAction(e -> command(card, lane.id(), Action.OPEN));
    MenuItem close = new MenuItem(i18n.format("gate.view.lane.close", lane.id()));
    close.setOnAction(e -> command(card, lane.id(), Action.CLOSE));
    return new ContextMenu(open, close);
  }

  /** Opens the reason dialog for the gate (lane null) or one lane. */
  public GateCommandDialog command(GateCard card, String lane, Action action) {
    GateCommandDialog dialog = new GateCommandDialog(root.getScene() == null ? null : root.getScene().getWindow(),
        commands.get(), card.gate(), lane, action, i18n);
    dialog.show();
    return dialog;
  }

  // --- passages ------------------------------------------------------------------------------

  private Node filters() {
    ComboBox<String> gate = new ComboBox<>();
    gate.setId("gates-filter-gate");
    gate.getItems().add(null);
    vm.gates().addListener((ListChangeListener<GateCard>) c -> syncGateChoices(gate));
    syncGateChoices(gate);
    gate.setConverter(converter(id -> id == null ? i18n.get("gate.view.filter.allGates")
        : vm.gate(id).map(g -> g.gate().name()).orElse(id)));
    gate.setButtonCell(cell(gate.getConverter()));
    gate.valueProperty().bindBidirectional(vm.gateFilterProperty());

    ComboBox<PassageDirection> direction = new ComboBox<>();
    direction.setId("gates-filter-direction");
    direction.getItems().addAll(null, PassageDirection.ENTRY, PassageDirection.EXIT);
    direction.setConverter(converter(d -> d == null ? i18n.get("gate.view.filter.anyDirection")
        : texts.of("gate.direction.", d)));
    direction.setButtonCell(cell(direction.getConverter()));
    direction.valueProperty().bindBidirectional(vm.directionFilterProperty());

    ComboBox<PassageOutcome> outcome = new ComboBox<>();
    outcome.setId("gates-filter-outcome");
    outcome.getItems().addAll(PassageOutcome.values());
    outcome.setConverter(converter(o -> texts.of("gate.view.outcome.", o)));
    outcome.valueProperty().bindBidirectional(vm.outcomeFilterProperty());

    ComboBox<String> holderClass = new ComboBox<>();
    holderClass.setId("gates-filter-class");
    holderClass.getItems().addAll(null, "PERSON", "ORDINARY", "COMMUTER", "CONSTRUCTION", "HAZMAT", "HAZWASTE", "UNKNOWN");
    holderClass.setConverter(converter(c -> c == null ? i18n.get("gate.view.filter.anyClass") : texts.holderClass(c)));
    holderClass.setButtonCell(cell(holderClass.getConverter()));
    holderClass.valueProperty().bindBidirectional(vm.classFilterProperty());

    TextField holder = new TextField();
    holder.setId("gates-filter-holder");
    holder.promptTextProperty().bind(i18n.text("gate.view.filter.holder"));
    holder.textProperty().bindBidirectional(vm.holderFilterProperty());
    holder.setPrefColumnCount(14);

    HBox bar = new HBox(8, gate, direction, outcome, holderClass, holder);
    bar.getStyleClass().add(GateStyles.FILTERS);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return bar;
  }

  private void syncGateChoices(ComboBox<String> box) {
    List<String> ids = new ArrayList<>();
    ids.add(null);
    vm.gates().forEach(g -> ids.add(g.id()));
    if (!ids.equals(box.getItems())) {
      String selected = box.getValue();
      box.getItems().setAll(ids);
      box.setValue(selected);
    }
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

  private static <T> ListCell<T> cell(StringConverter<T> converter) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : converter.toString(item));
      }
    };
  }

  private void buildTable() {
    table.setId("gates-passages");
    table.getStyleClass().addAll("event-table", GateStyles.TABLE);
    table.setItems(vm.passages());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    Label empty = new Label();
    empty.textProperty().bind(i18n.text("gate.view.passages.empty"));
    table.setPlaceholder(empty);
    table.getColumns().add(column("gate.view.col.time", 80, r -> GateTexts.time(r.time())));
    table.getColumns().add(column("gate.view.col.gate", 120,
        r -> vm.gate(r.gateId()).map(g -> g.gate().name()).orElse(r.gateId())));
    table.getColumns().add(column("gate.view.col.lane", 50, PassageRow::laneId));
    table.getColumns().add(column("gate.view.col.direction", 50, r -> texts.of("gate.direction.", r.direction())));
    table.getColumns().add(column("gate.view.col.holder", 160, PassageRow::holderLabel));
    table.getColumns().add(column("gate.view.col.class", 90, r -> texts.holderClass(r.holderClass())));
    TableColumn<PassageRow, String> decision = column("gate.view.col.decision", 80, texts::decision);
    decision.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(String item, boolean isEmpty) {
        super.updateItem(item, isEmpty);
        getStyleClass().removeAll(GateStyles.PASSED, GateStyles.DENIED, GateStyles.ALARM);
        PassageRow row = isEmpty || getTableRow() == null ? null : getTableRow().getItem();
        setText(isEmpty ? null : item);
        if (row != null) {
          getStyleClass().add(row.alarm() ? GateStyles.ALARM : row.passed() ? GateStyles.PASSED : GateStyles.DENIED);
        }
      }
    });
    table.getColumns().add(decision);
    table.getColumns().add(column("gate.view.col.rule", 170, r -> texts.rule(r.rule())
        + (r.decidedOffline() ? " · " + i18n.get("gate.view.offline") : "")));
    table.getColumns().add(column("gate.view.col.snapshot", 110, PassageRow::snapshotRef));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(PassageRow item, boolean isEmpty) {
        super.updateItem(item, isEmpty);
        getStyleClass().removeAll("severity-critical", "severity-major");
        if (!isEmpty && item != null) {
          if (item.alarm()) {
            getStyleClass().add("severity-critical");
          } else if (!item.passed()) {
            getStyleClass().add("severity-major");
          }
          setId("passage-" + item.recordId());
        }
      }
    });
  }

  private TableColumn<PassageRow, String> column(String key, double width, Function<PassageRow, String> value) {
    TableColumn<PassageRow, String> col = new TableColumn<>();
    col.textProperty().bind(i18n.text(key));
    col.setPrefWidth(width);
    col.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue()), i18n.localeProperty()));
    return col;
  }
}
