package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.app.i18n.I18n;
import io.cordon.client.alarm.AlarmActions;
import io.cordon.client.alarm.AlarmDetailViewModel;
import io.cordon.client.alarm.AlarmProtos;
import io.cordon.client.alarm.AlarmQueueViewModel;
import io.cordon.client.alarm.AlarmRow;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.status.StatusViewModel;
import io.cordon.domain.alarm.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The operator's alarm queue (a dockable main view): severity counters, filters, the queue table
 * (virtualised; one row per incident with a "+N" badge for its other alarms) and the detail pane.
 * Keys on the table: Enter or A acknowledges, D dispatches, R resolves, arrows move. A new
 * critical alarm sounds, flashes its row and the header, and is handed to {@link #setOnFocus} and
 * the video wall; selecting an alarm does the same without the sound.
 */
public final class AlarmQueueView {
  private static final double TABLE_SHARE = 0.62;
  public static final String ROOT_ID = "alarm-queue";
  public static final String TABLE_ID = "alarm-table";
  public static final String HEADER_ID = "alarm-header";
  public static final String SEVERITY_FILTER_ID = "alarm-filter-severity";
  public static final String TYPE_FILTER_ID = "alarm-filter-type";
  public static final String ZONE_FILTER_ID = "alarm-filter-zone";
  public static final String STATE_FILTER_ID = "alarm-filter-state";
  public static final String MINE_FILTER_ID = "alarm-filter-mine";
  public static final String CLOSED_FILTER_ID = "alarm-filter-closed";
  public static final String GROUP_FILTER_ID = "alarm-filter-group";
  public static final String MANUAL_REPORT_ID = "alarm-manual-report";
  static final Duration FLASH_FOR = Duration.ofSeconds(6);

  private static final PseudoClass FLASH = PseudoClass.getPseudoClass(AlarmStyles.FLASH_PSEUDO_CLASS);

  private final AlarmQueueViewModel queue;
  private final AlarmDetailViewModel detail;
  private final AlarmActions actions;
  private final AlarmTexts texts;
  private final I18n i18n;
  private final AlarmSound sound;
  private final AlarmDialogs dialogs;
  private final BorderPane root = new BorderPane();
  private final HBox header = new HBox();
  private final TableView<AlarmRow> table = new TableView<>();
  private final AlarmDetailPane detailPane;
  private final Label count = new Label();
  private final Set<String> flashing = new HashSet<>();
  private final Timeline flash = new Timeline();
  private final Timeline clock;
  private final ReadOnlyObjectWrapper<Alarm> focused = new ReadOnlyObjectWrapper<>(this, "focused");
  private Consumer<Alarm> onFocus = alarm -> {};
  private AlarmVideoWall videoWall = AlarmVideoWall.LOG_ONLY;

  public AlarmQueueView(AlarmQueueViewModel queue, AlarmDetailViewModel detail, AlarmActions actions, I18n i18n,
      AlarmSound sound) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.actions = Objects.requireNonNull(actions, "actions");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.sound = Objects.requireNonNull(sound, "sound");
    this.texts = new AlarmTexts(i18n);
    this.dialogs = new AlarmDialogs(actions, texts);
    detail.localeProperty().bind(i18n.localeProperty());
    detail.alarmIdProperty().bind(queue.selectedAlarmIdProperty());
    detailPane = new AlarmDetailPane(detail, actions, texts, dialogs, queue.nowProperty(),
        (alarmId, cameras) -> videoWall.showCameras(alarmId, cameras));

    root.setId(ROOT_ID);
    root.getStyleClass().add(AlarmStyles.QUEUE);
    root.setTop(new VBox(header(), filters()));
    buildTable();
    SplitPane split = new SplitPane(table);
    // the details take the queue's right part only once an alarm is chosen: before that the whole width
    // shows the queue's columns (what and where are off to the right beside an empty detail pane)
    showDetails(split, queue.selectedAlarmIdProperty().get() != null);
    queue.selectedAlarmIdProperty().addListener((o, was, id) -> showDetails(split, id != null));
    // the first layout pass moves the divider by the panes' preferred widths: set it again once laid out
    split.widthProperty().addListener(new javafx.beans.InvalidationListener() {
      @Override
      public void invalidated(javafx.beans.Observable width) {
        if (split.getWidth() > 0) {
          split.widthProperty().removeListener(this);
          javafx.application.Platform.runLater(() -> split.setDividerPositions(TABLE_SHARE));
        }
      }
    });
    root.setCenter(split);

    queue.addAlertListener(this::alert);
    queue.selectedAlarmIdProperty().addListener((o, was, id) -> focusSelected(id));
    clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> queue.tick()));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }

  private void showDetails(SplitPane split, boolean show) {
    boolean shown = split.getItems().contains(detailPane.root());
    if (show && !shown) {
      split.getItems().add(detailPane.root());
      split.setDividerPositions(TABLE_SHARE);
    } else if (!show && shown) {
      split.getItems().remove(detailPane.root());
    }
  }

  /** The view's node, for a {@code DockableView}. */
  public Node root() {
    return root;
  }

  public TableView<AlarmRow> table() {
    return table;
  }

  /** "12 条", for the dockable view's header. */
  public Label count() {
    return count;
  }

  /** Called with the alarm to show on the map: when one is selected, and when a new critical one arrives. */
  public void setOnFocus(Consumer<Alarm> action) {
    onFocus = Objects.requireNonNull(action, "action");
  }

  /** How an alarm's details open the playback at its evidence (从告警前1分钟回放). */
  public void setPlayback(java.util.function.Consumer<String> openAlarmPlayback) {
    detailPane.setToPlayback(Objects.requireNonNull(openAlarmPlayback, "openAlarmPlayback"));
  }

  /** Where linked cameras go; {@link AlarmVideoWall#LOG_ONLY} until the video wall exists. */
  public void setVideoWall(AlarmVideoWall wall) {
    videoWall = Objects.requireNonNull(wall, "wall");
  }

  /** The alarm last focused (selected, or a new critical one). */
  public javafx.beans.property.ReadOnlyObjectProperty<Alarm> focusedProperty() {
    return focused.getReadOnlyProperty();
  }

  /**
   * Selects an alarm as if the operator had clicked its row (a supervisor's notice was opened): the
   * detail shows it and the map flies there; when grouped, its incident's row is selected.
   */
  public void select(String alarmId) {
    queue.selectedAlarmIdProperty().set(Objects.requireNonNull(alarmId, "alarmId"));
    restoreSelection();
    int row = table.getSelectionModel().getSelectedIndex();
    if (row >= 0) {
      table.scrollTo(row);
    }
  }

  /**
   * Adds an item to the queue table's context menu, run with the selected alarm's id and enabled
   * while one is selected (issue 9: "新建事件…" from the queue).
   */
  public void addRowMenuItem(String textKey, String id, Consumer<String> action) {
    if (table.getContextMenu() == null) {
      table.setContextMenu(new javafx.scene.control.ContextMenu());
    }
    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem();
    item.setId(id);
    item.textProperty().bind(i18n.text(textKey));
    item.disableProperty().bind(queue.selectedAlarmIdProperty().isNull());
    item.setOnAction(e -> {
      String selected = queue.selectedAlarmIdProperty().get();
      if (selected != null) {
        action.accept(selected);
      }
    });
    table.getContextMenu().getItems().add(item);
  }

  /** Stops the countdown clock and any flashing (the view is closed). */
  public void close() {
    clock.stop();
    flash.stop();
  }

  // ---- header and filters ---------------------------------------------------------------------

  private Node header() {
    header.setId(HEADER_ID);
    header.getStyleClass().add(AlarmStyles.HEADER);
    for (Severity severity : Severity.values()) {
      Label number = new Label();
      number.getStyleClass().add(AlarmStyles.COUNTER_NUMBER);
      number.setId("alarm-count-" + severity.name().toLowerCase(java.util.Locale.ROOT));
      number.textProperty().bind(queue.openCountProperty(severity).asString());
      Label name = new Label();
      name.textProperty().bind(i18n.binding(() -> texts.severity(severity)));
      HBox counter = new HBox(name, number);
      counter.getStyleClass().addAll(AlarmStyles.COUNTER, AlarmStyles.severity(severity));
      counter.setAlignment(Pos.CENTER_LEFT);
      header.getChildren().add(counter);
    }
    Label unacknowledged = new Label();
    unacknowledged.setId("alarm-count-new");
    unacknowledged.getStyleClass().add(AlarmStyles.COUNTER);
    unacknowledged.textProperty().bind(i18n.binding(
        () -> i18n.format("alarm.queue.unacknowledged", queue.unacknowledgedProperty().get()),
        queue.unacknowledgedProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label feed = new Label();
    feed.setId("alarm-feed-state");
    feed.getStyleClass().add(AlarmStyles.FEED_STATE);
    feed.textProperty().bind(i18n.binding(() -> queue.feedStateProperty().get() == ConnectionState.CONNECTED ? ""
        : i18n.get("alarm.feed." + StatusViewModel.messageKey(queue.feedStateProperty().get())),
        queue.feedStateProperty()));
    Button report = new Button();
    report.setId(MANUAL_REPORT_ID);
    report.textProperty().bind(i18n.text("alarm.action.manual"));
    report.setDisable(!actions.isAuthorised());
    report.setOnAction(e -> dialogs.manualReport(Optional.ofNullable(detail.alarmProperty().get())
        .map(a -> a.getLocation().getPoint())));
    header.getChildren().addAll(unacknowledged, spacer, feed, report);
    count.getStyleClass().add("event-count");
    count.textProperty().bind(i18n.binding(() -> i18n.format("alarm.queue.count", table.getItems().size(),
        queue.totalProperty().get()), table.getItems(), queue.totalProperty()));
    return header;
  }

  private Node filters() {
    ComboBox<Severity> severity = choice(SEVERITY_FILTER_ID, "alarm.filter.severity",
        Arrays.asList(Severity.values()), texts::severity);
    severity.valueProperty().bindBidirectional(queue.severityFilterProperty());
    List<AlarmType> types = Arrays.stream(AlarmType.values())
        .filter(t -> t != AlarmType.ALARM_TYPE_UNSPECIFIED && t != AlarmType.UNRECOGNIZED).toList();
    ComboBox<AlarmType> type = choice(TYPE_FILTER_ID, "alarm.filter.type", types, texts::type);
    type.valueProperty().bindBidirectional(queue.typeFilterProperty());
    List<AlarmState> states = Arrays.stream(AlarmState.values())
        .filter(s -> s != AlarmState.ALARM_STATE_UNSPECIFIED && s != AlarmState.UNRECOGNIZED).toList();
    ComboBox<AlarmState> state = choice(STATE_FILTER_ID, "alarm.filter.state", states, texts::state);
    state.valueProperty().bindBidirectional(queue.stateFilterProperty());
    ComboBox<String> zone = new ComboBox<>();
    zone.setId(ZONE_FILTER_ID);
    zone.getItems().add(null);
    queue.zones().addListener((ListChangeListener<String>) c -> {
      String chosen = zone.getValue();
      zone.getItems().setAll(queue.zones());
      zone.getItems().add(0, null);
      zone.setValue(chosen);
    });
    zone.setConverter(converter(z -> z, "alarm.filter.zone"));
    zone.setButtonCell(new AllCell<>(z -> z, "alarm.filter.zone"));
    zone.setCellFactory(l -> new AllCell<>(z -> z, "alarm.filter.zone"));
    zone.valueProperty().addListener((o, was, now) -> queue.zoneFilterProperty().set(now == null ? "" : now));
    FlowPane row = new FlowPane(8, 6, severity, type, zone, state,
        check(MINE_FILTER_ID, "alarm.filter.mine", queue.mineOnlyProperty()),
        check(CLOSED_FILTER_ID, "alarm.filter.hideClosed", queue.hideClosedProperty()),
        check(GROUP_FILTER_ID, "alarm.filter.group", queue.groupIncidentsProperty()));
    row.getStyleClass().add(AlarmStyles.FILTERS);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private <T> ComboBox<T> choice(String id, String allKey, List<T> values, Function<T, String> name) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.getItems().add(null);
    box.getItems().addAll(values);
    box.setConverter(converter(name, allKey));
    box.setButtonCell(new AllCell<>(name, allKey));
    box.setCellFactory(l -> new AllCell<>(name, allKey));
    box.setVisibleRowCount(12);
    return box;
  }

  private <T> StringConverter<T> converter(Function<T, String> name, String allKey) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? i18n.get(allKey) : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** A choice cell: "all types" for null, else the localised name; relabels on a language switch. */
  private final class AllCell<T> extends ListCell<T> {
    private final Function<T, String> name;
    private final String allKey;

    AllCell(Function<T, String> name, String allKey) {
      this.name = name;
      this.allKey = allKey;
      i18n.localeProperty().addListener(o -> updateItem(getItem(), isEmpty()));
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item == null ? i18n.get(allKey) : name.apply(item));
    }
  }

  private CheckBox check(String id, String key, javafx.beans.property.BooleanProperty property) {
    CheckBox box = new CheckBox();
    box.setId(id);
    box.textProperty().bind(i18n.text(key));
    box.selectedProperty().bindBidirectional(property);
    return box;
  }

  // ---- table ----------------------------------------------------------------------------------

  private void buildTable() {
    table.setId(TABLE_ID);
    table.getStyleClass().addAll("event-table", AlarmStyles.TABLE);
    table.setItems(queue.rows());
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    // what the operator must see without scrolling first: severity, the take button, what, the deadline, where
    // (the first four fit beside the detail pane in the default layout at 1920 × 1080)
    table.getColumns().add(column("alarm.column.severity", 72, row -> texts.severity(row.severity()), SeverityCell::new));
    table.getColumns().add(column("alarm.column.action", 72, row -> "", AckCell::new));
    table.getColumns().add(column("alarm.column.type", 110, row -> texts.type(row.alarm().getType()), null));
    table.getColumns().add(column("alarm.column.sla", 184, row -> "", SlaCell::new));
    table.getColumns().add(column("alarm.column.place", 220, row -> texts.place(row.alarm()), null));
    table.getColumns().add(column("alarm.column.state", 90, row -> texts.state(row.state()), null));
    table.getColumns().add(column("alarm.column.count", 90, row -> "×" + row.alarm().getCount(), CountCell::new));
    table.getColumns().add(column("alarm.column.assignee", 96, row -> row.alarm().getAssignee(), null));
    table.getColumns().add(column("alarm.column.first", 140, row -> texts.time(row.alarm().getFirstAt()), null));
    table.getColumns().add(column("alarm.column.last", 140, row -> texts.time(row.alarm().getLastAt()), null));
    table.getColumns().add(column("alarm.column.priority", 84, row -> Long.toString(row.priority()), null));
    table.setRowFactory(t -> new AlarmTableRow());
    Label placeholder = new Label();
    placeholder.textProperty().bind(i18n.text("alarm.queue.empty"));
    table.setPlaceholder(placeholder);
    i18n.localeProperty().addListener(o -> table.refresh());

    table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
      if (row != null) {
        queue.selectedAlarmIdProperty().set(row.id());
      }
    });
    // the queue replaces its rows on every re-sort: keep the operator's alarm selected
    queue.rows().addListener((ListChangeListener<AlarmRow>) c -> restoreSelection());
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private void restoreSelection() {
    String id = queue.selectedAlarmIdProperty().get();
    if (id == null) {
      return;
    }
    AlarmRow selected = table.getSelectionModel().getSelectedItem();
    if (selected != null && selected.id().equals(id)) {
      return;
    }
    String incident = detail.alarmProperty().get() == null ? id
        : Optional.of(detail.alarmProperty().get().getIncidentId()).filter(s -> !s.isEmpty()).orElse(id);
    List<AlarmRow> rows = queue.rows();
    int match = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(id)) {
        match = i;
        break;
      }
      if (match < 0 && rows.get(i).incidentId().equals(incident)) {
        match = i;
      }
    }
    if (match >= 0) {
      table.getSelectionModel().clearAndSelect(match);
      table.getFocusModel().focus(match);
    }
  }

  private void onKey(KeyEvent e) {
    KeyCode code = e.getCode();
    if (code == KeyCode.ENTER || code == KeyCode.A) {
      actions.acknowledgeCommand().execute();
      e.consume();
    } else if (code == KeyCode.D) {
      if (actions.canDispatchBinding().get()) {
        dialogs.dispatch();
      }
      e.consume();
    } else if (code == KeyCode.R) {
      if (actions.canResolveBinding().get()) {
        dialogs.resolve();
      }
      e.consume();
    }
  }

  private <T> TableColumn<AlarmRow, String> column(String key, double width, Function<AlarmRow, String> value,
      java.util.function.Supplier<TableCell<AlarmRow, String>> cell) {
    TableColumn<AlarmRow, String> column = new TableColumn<>();
    column.textProperty().bind(i18n.text(key));
    column.setPrefWidth(width);
    column.setMinWidth(Math.min(width, 70));
    column.setSortable(false);
    column.setId("alarm-column-" + key.substring(key.lastIndexOf('.') + 1));
    column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
    if (cell != null) {
      column.setCellFactory(c -> cell.get());
    }
    return column;
  }

  private AlarmRow rowOf(TableCell<AlarmRow, ?> cell) {
    TableRow<AlarmRow> row = cell.getTableRow();
    return row == null ? null : row.getItem();
  }

  /** The severity as a coloured chip. */
  private final class SeverityCell extends TableCell<AlarmRow, String> {
    private final Label chip = new Label();

    SeverityCell() {
      chip.getStyleClass().add(AlarmStyles.CHIP);
      setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      AlarmRow row = rowOf(this);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      chip.setText(text);
      chip.getStyleClass().removeIf(s -> s.startsWith("severity-"));
      chip.getStyleClass().add(AlarmStyles.severity(row.severity()));
      setGraphic(chip);
    }
  }

  /** Reports counted on the alarm, and a "+N" badge for the other alarms of its incident. */
  private final class CountCell extends TableCell<AlarmRow, String> {
    private final Label reports = new Label();
    private final Label badge = new Label();
    private final HBox box = new HBox(6, reports, badge);
    private final javafx.scene.control.Tooltip incidentTip = new javafx.scene.control.Tooltip();

    CountCell() {
      badge.getStyleClass().add(AlarmStyles.BADGE);
      box.setAlignment(Pos.CENTER_LEFT);
      setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      AlarmRow row = rowOf(this);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      reports.setText(text);
      badge.setVisible(row.isGroup());
      badge.setManaged(row.isGroup());
      badge.setText("+" + (row.incidentSize() - 1));
      // One tooltip per cell, re-texted: a new one per update was never collected (JavaFX keeps popups).
      incidentTip.setText(row.isGroup() ? i18n.format("alarm.queue.incident", row.incidentId(), row.incidentSize()) : "");
      setTooltip(row.isGroup() ? incidentTip : null);
      setGraphic(box);
    }
  }

  /** Time left to acknowledge, red once overdue, and an "escalated" badge; follows the queue's clock. */
  private final class SlaCell extends TableCell<AlarmRow, String> {
    private final Label countdown = new Label();
    private final Label escalated = new Label();
    private final HBox box = new HBox(6, countdown, escalated);

    SlaCell() {
      escalated.getStyleClass().addAll(AlarmStyles.BADGE, AlarmStyles.ESCALATED);
      box.setAlignment(Pos.CENTER_LEFT);
      setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
      queue.nowProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
    }

    private final javafx.beans.InvalidationListener tick = o -> show();

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      show();
    }

    private void show() {
      AlarmRow row = isEmpty() ? null : rowOf(this);
      if (row == null) {
        setGraphic(null);
        return;
      }
      Optional<Duration> left = AlarmProtos.slaRemaining(row.alarm(), queue.nowProperty().get());
      countdown.setText(left.map(texts::countdown).orElse(""));
      countdown.getStyleClass().remove(AlarmStyles.OVERDUE);
      if (left.isPresent() && left.get().isNegative()) {
        countdown.getStyleClass().add(AlarmStyles.OVERDUE);
      }
      boolean up = row.alarm().getEscalated();
      escalated.setText(i18n.get("alarm.escalated"));
      escalated.setVisible(up);
      escalated.setManaged(up);
      setGraphic(box);
    }
  }

  /** One-click acknowledge on every NEW row. */
  private final class AckCell extends TableCell<AlarmRow, String> {
    private final Button button = new Button();

    AckCell() {
      button.getStyleClass().addAll(AlarmStyles.ACK_BUTTON);
      button.textProperty().bind(i18n.text("alarm.action.acknowledge"));
      button.setFocusTraversable(false);
      button.setOnAction(e -> {
        AlarmRow row = rowOf(this);
        if (row != null) {
          actions.acknowledge(row.alarm());
        }
      });
      setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      AlarmRow row = empty ? null : rowOf(this);
      boolean show = row != null && row.isNew() && actions.isAuthorised();
      if (show) {
        button.setId("alarm-ack-" + row.id());
        button.setDisable(!actions.canAcknowledge(row.alarm()));
      }
      setGraphic(show ? button : null);
    }
  }

  private final class AlarmTableRow extends TableRow<AlarmRow> {
    private final String[] severityClasses = Arrays.stream(Severity.values()).map(AlarmStyles::severity)
        .toArray(String[]::new);

    @Override
    protected void updateItem(AlarmRow item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll(severityClasses);
      getStyleClass().remove(AlarmStyles.ROW_FLASH);
      if (!empty && item != null) {
        getStyleClass().add(AlarmStyles.severity(item.severity()));
        if (flashing.contains(item.id())) {
          getStyleClass().add(AlarmStyles.ROW_FLASH);
        }
        setId("alarm-row-" + item.id());
      } else {
        setId(null);
      }
    }
  }

  // ---- alerts and focus -----------------------------------------------------------------------

  private void alert(AlarmQueueViewModel.Alert alert) {
    if (!alert.newCritical().isEmpty()) {
      // the wall's pictures take longest to come: start them before the map flight and the tone
      // (the first tone loads the media player, which can take a few hundred ms)
      focus(alert.newCritical().get(0));
      sound.playCritical();
    }
    // an escalation flashes here; the louder tone is the supervisors' (SupervisorNoticeBanner)
    alert.newCritical().forEach(a -> flashing.add(a.getAlarmId()));
    alert.escalated().forEach(a -> flashing.add(a.getAlarmId()));
    startFlashing();
  }

  private void startFlashing() {
    flash.stop();
    flash.getKeyFrames().setAll(
        new KeyFrame(javafx.util.Duration.millis(0), e -> setFlash(true)),
        new KeyFrame(javafx.util.Duration.millis(400), e -> setFlash(false)),
        new KeyFrame(javafx.util.Duration.millis(800)));
    flash.setCycleCount((int) (FLASH_FOR.toMillis() / 800));
    flash.setOnFinished(e -> {
      setFlash(false);
      flashing.clear();
      table.refresh();
    });
    table.refresh();
    flash.playFromStart();
  }

  private void setFlash(boolean on) {
    table.pseudoClassStateChanged(FLASH, on);
    header.pseudoClassStateChanged(FLASH, on);
  }

  /** Ids of the rows flashing now (a new critical alarm), for tests. */
  Set<String> flashing() {
    return Set.copyOf(flashing);
  }

  private void focusSelected(String id) {
    if (id != null) {
      queue.rows().stream().filter(r -> r.id().equals(id)).findFirst().map(AlarmRow::alarm)
          .or(() -> Optional.ofNullable(detail.alarmProperty().get()))
          .ifPresent(this::focus);
    }
  }

  private void focus(Alarm alarm) {
    focused.set(alarm);
    if (alarm.getLinkedCameraIdsCount() > 0) {
      videoWall.showCameras(alarm.getAlarmId(), alarm.getLinkedCameraIdsList());
    }
    onFocus.accept(alarm);
  }

  /** What the countdown clock says now (tests). */
  Instant now() {
    return queue.nowProperty().get();
  }
}
