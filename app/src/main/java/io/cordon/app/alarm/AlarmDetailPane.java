package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.Evidence;
import io.cordon.app.i18n.I18n;
import io.cordon.client.alarm.AlarmActions;
import io.cordon.client.alarm.AlarmDetailViewModel;
import io.cordon.client.alarm.AlarmProtos;
import io.cordon.client.alarm.SopStepRow;
import io.cordon.client.command.Command;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One alarm in full beside the queue: title with state, SLA and escalation, where it is, linked
 * cameras (to the video wall), evidence references, the other alarms of its incident, the SOP
 * checklist with answer and skip buttons on the steps that are next, the history, and the action
 * bar (acknowledge, dispatch, on site, resolve — with the reason when it is blocked — close,
 * forward, snooze the source).
 */
final class AlarmDetailPane {
  static final String ROOT_ID = "alarm-detail";
  static final String SOP_ID = "alarm-detail-sop";
  static final String ERROR_ID = "alarm-detail-error";

  private final AlarmDetailViewModel detail;
  private final AlarmActions actions;
  private final AlarmTexts texts;
  private final I18n i18n;
  private final AlarmDialogs dialogs;
  private final ObservableValue<Instant> now;
  private final BiConsumer<String, List<String>> toVideoWall;
  /** Opens the playback window at the alarm's evidence (从告警前1分钟回放); null until playback exists. */
  private java.util.function.Consumer<String> toPlayback;
  private final BorderPane root = new BorderPane();
  private final VBox body = new VBox();
  private final Label empty = new Label();
  private final Label sla = new Label();

  AlarmDetailPane(AlarmDetailViewModel detail, AlarmActions actions, AlarmTexts texts, AlarmDialogs dialogs,
      ObservableValue<Instant> now, BiConsumer<String, List<String>> toVideoWall) {
    this.detail = detail;
    this.actions = actions;
    this.texts = texts;
    this.i18n = texts.i18n();
    this.dialogs = dialogs;
    this.now = now;
    this.toVideoWall = toVideoWall;
    root.setId(ROOT_ID);
    root.getStyleClass().add(AlarmStyles.DETAIL);
    root.setMinWidth(320);
    body.getStyleClass().add("alarm-detail-body");
    empty.textProperty().bind(i18n.text("alarm.detail.none"));
    empty.getStyleClass().add(AlarmStyles.MUTED);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    root.setCenter(scroll);
    root.setBottom(actionBar());
    detail.alarmProperty().addListener(o -> rebuild());
    detail.sopSteps().addListener((ListChangeListener<SopStepRow>) c -> rebuild());
    i18n.localeProperty().addListener(o -> rebuild());
    now.addListener(o -> showSla());
    rebuild();
  }

  Node root() {
    return root;
  }

  private void rebuild() {
    Alarm alarm = detail.alarmProperty().get();
    body.getChildren().clear();
    if (alarm == null) {
      body.getChildren().add(empty);
      return;
    }
    // the procedure right under the title: it is what the operator works through
    body.getChildren().addAll(title(alarm), sop(), location(alarm), cameras(alarm), evidence(), incident(), history());
  }

  private Node title(Alarm alarm) {
    Label chip = new Label(texts.severity(AlarmProtos.severity(alarm.getSeverity())));
    chip.getStyleClass().addAll(AlarmStyles.CHIP, AlarmStyles.severity(AlarmProtos.severity(alarm.getSeverity())));
    Label name = new Label(alarm.getAlarmId() + "  " + texts.type(alarm.getType()));
    name.getStyleClass().add(AlarmStyles.DETAIL_TITLE);
    name.setId("alarm-detail-title");
    // in a narrow pane the title wraps; the chips beside it keep their whole text
    name.setWrapText(true);
    name.setMinWidth(0);
    HBox.setHgrow(name, Priority.ALWAYS);
    Label state = new Label(texts.state(alarm.getState()));
    state.getStyleClass().add(AlarmStyles.BADGE);
    HBox line = new HBox(10, whole(chip), name, whole(state));
    line.setAlignment(Pos.CENTER_LEFT);
    if (alarm.getEscalated()) {
      Label up = new Label(i18n.get("alarm.escalated"));
      up.getStyleClass().addAll(AlarmStyles.BADGE, AlarmStyles.ESCALATED);
      line.getChildren().add(whole(up));
    }
    showSla();
    VBox box = new VBox(6, line, sla);
    if (!alarm.getDetail().isEmpty()) {
      Label said = new Label(alarm.getDetail());
      said.setWrapText(true);
      box.getChildren().add(said);
    }
    return box;
  }

  private void showSla() {
    Optional<Duration> left = detail.slaRemaining(now.getValue());
    sla.setText(left.map(d -> i18n.format("alarm.detail.sla", texts.countdown(d))).orElse(""));
    sla.setVisible(left.isPresent());
    sla.setManaged(left.isPresent());
    sla.getStyleClass().remove(AlarmStyles.OVERDUE);
    if (left.isPresent() && left.get().isNegative()) {
      sla.getStyleClass().add(AlarmStyles.OVERDUE);
    }
  }

  private Node location(Alarm alarm) {
    AlarmLocation at = alarm.getLocation();
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(3);
    // the names keep their width; the values take the rest and wrap
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setMinWidth(0);
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(names, values);
    int row = 0;
    row = field(grid, row, "alarm.detail.place", texts.place(alarm));
    row = field(grid, row, "alarm.detail.point",
        String.format(Locale.ROOT, "%.6f, %.6f", at.getPoint().getLon(), at.getPoint().getLat()));
    row = field(grid, row, "alarm.detail.source", alarm.getSourceKind() + " " + alarm.getSourceId());
    row = field(grid, row, "alarm.detail.camera", at.getCameraId());
    row = field(grid, row, "alarm.detail.count", Integer.toString(alarm.getCount()));
    row = field(grid, row, "alarm.detail.first", texts.time(alarm.getFirstAt()));
    row = field(grid, row, "alarm.detail.last", texts.time(alarm.getLastAt()));
    row = field(grid, row, "alarm.detail.assignee", alarm.getAssignee());
    if (alarm.hasTask()) {
      row = field(grid, row, "alarm.detail.task", alarm.getTask().getTeam() + "：" + alarm.getTask().getText());
    }
    if (alarm.getVerdict() != io.cordon.api.v1.AlarmVerdict.ALARM_VERDICT_UNSPECIFIED) {
      row = field(grid, row, "alarm.detail.verdict", texts.verdict(alarm.getVerdict()) + " — " + alarm.getCause());
    }
    if (alarm.getForwardToCount() > 0) {
      field(grid, row, "alarm.detail.forward", String.join(" → ", alarm.getForwardToList()));
    }
    return section("alarm.detail.location", grid);
  }

  private int field(GridPane grid, int row, String key, String value) {
    if (value == null || value.isBlank()) {
      return row;
    }
    Label name = new Label(i18n.get(key));
    name.getStyleClass().add(AlarmStyles.MUTED);
    Label text = new Label(value);
    text.getStyleClass().add(AlarmStyles.FIELD);
    text.setWrapText(true);
    grid.addRow(row, name, text);
    return row + 1;
  }

  private Node cameras(Alarm alarm) {
    FlowPane list = new FlowPane(6, 6);
    for (String camera : detail.linkedCameras()) {
      Label tag = new Label(camera);
      tag.getStyleClass().add(AlarmStyles.BADGE);
      list.getChildren().add(whole(tag));
    }
    if (detail.linkedCameras().isEmpty()) {
      list.getChildren().add(muted("alarm.detail.noCameras"));
    } else {
      Button wall = new Button(i18n.get("alarm.detail.toWall"));
      wall.setId("alarm-detail-to-wall");
      wall.setOnAction(e -> toVideoWall.accept(alarm.getAlarmId(), List.copyOf(detail.linkedCameras())));
      list.getChildren().add(wall);
      if (toPlayback != null) {
        Button playback = new Button(i18n.get("playback.alarm.menu"));
        playback.setId("alarm-detail-playback");
        playback.setOnAction(e -> toPlayback.accept(alarm.getAlarmId()));
        list.getChildren().add(playback);
      }
    }
    return section("alarm.detail.cameras", list);
  }

  /** Adds "从告警前1分钟回放" next to the linked cameras. */
  void setToPlayback(java.util.function.Consumer<String> open) {
    this.toPlayback = open;
  }

  private Node evidence() {
    VBox list = new VBox(3);
    for (Evidence e : detail.evidence()) {
      String kind = i18n.getOrDefault("alarm.evidence." + e.getKind(), e.getKind());
      Label line = new Label(kind + "  " + e.getReference() + (e.hasTime() ? "  " + texts.time(e.getTime()) : ""));
      line.setWrapText(true);
      list.getChildren().add(line);
    }
    if (detail.evidence().isEmpty()) {
      list.getChildren().add(muted("alarm.detail.noEvidence"));
    }
    return section("alarm.detail.evidence", list);
  }

  private Node incident() {
    VBox list = new VBox(3);
    for (Alarm other : detail.incidentMembers()) {
      Label line = new Label(other.getAlarmId() + "  " + texts.type(other.getType()) + "  "
          + texts.state(other.getState()) + "  " + texts.place(other));
      line.setWrapText(true);
      list.getChildren().add(line);
    }
    if (detail.incidentMembers().isEmpty()) {
      list.getChildren().add(muted("alarm.detail.alone"));
    }
    return section("alarm.detail.incident", list);
  }

  private Node sop() {
    VBox list = new VBox(6);
    list.setId(SOP_ID);
    int number = 1;
    for (SopStepRow step : detail.sopSteps()) {
      list.getChildren().add(step(number++, step));
    }
    if (detail.sopSteps().isEmpty()) {
      list.getChildren().add(muted("alarm.detail.noSop"));
    }
    return section("alarm.detail.sop", list);
  }

  private Node step(int number, SopStepRow step) {
    Label mark = new Label(i18n.get("alarm.sop.status." + step.status().name()));
    mark.getStyleClass().addAll(AlarmStyles.BADGE, AlarmStyles.SOP_PREFIX + step.status().name().toLowerCase(Locale.ROOT));
    Label text = new Label(number + ". " + step.text() + (step.mandatory() ? " *" : ""));
    text.setWrapText(true);
    text.setId("alarm-sop-step-" + step.stepId());
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox line = new HBox(8, whole(mark), text);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, line);
    box.getStyleClass().addAll(AlarmStyles.SOP_STEP, AlarmStyles.SOP_PREFIX + step.status().name().toLowerCase(Locale.ROOT));
    if (!step.outcome().isEmpty()) {
      Label outcome = new Label("→ " + step.outcome() + (step.by().isEmpty() ? "" : "（" + step.by() + "）"));
      outcome.getStyleClass().add(AlarmStyles.MUTED);
      outcome.setWrapText(true);
      box.getChildren().add(outcome);
    }
    if (step.isNext() && actions.isAuthorised()) {
      FlowPane buttons = new FlowPane(6, 6);
      if (step.isQuestion()) {
        for (SopStepRow.Option option : step.options()) {
          buttons.getChildren().add(commandButton(option.text(), "alarm-sop-answer-" + step.stepId() + "-"
              + option.answerId(), actions.answerCommand(step.stepId(), option.answerId())));
        }
      } else {
        buttons.getChildren().add(commandButton(i18n.get("alarm.sop.done"), "alarm-sop-done-" + step.stepId(),
            actions.answerCommand(step.stepId(), SopStepRow.DONE_ANSWER)));
      }
      Button skip = new Button(i18n.get("alarm.sop.skip"));
      skip.setId("alarm-sop-skip-" + step.stepId());
      skip.disableProperty().bind(Bindings.not(actions.canAnswerSopBinding()));
      skip.setOnAction(e -> dialogs.skip(step));
      buttons.getChildren().add(skip);
      box.getChildren().add(buttons);
    }
    return box;
  }

  private Node history() {
    VBox list = new VBox(3);
    for (AlarmTransition t : detail.history()) {
      String by = t.getBy().equals("system") ? i18n.get("alarm.history.system") : t.getBy();
      Label line = new Label(texts.time(t.getAt()) + "  " + texts.historyAction(t.getAction()) + "  " + by
          + (t.getNote().isEmpty() ? "" : "：" + t.getNote()));
      line.setWrapText(true);
      list.getChildren().add(line);
    }
    return section("alarm.detail.history", list);
  }

  private Node section(String key, Node content) {
    Label heading = new Label(i18n.get(key));
    heading.getStyleClass().add("alarm-section-title");
    VBox box = new VBox(6, heading, content);
    box.getStyleClass().add(AlarmStyles.SECTION);
    return box;
  }

  /** A chip or badge never shrinks below its text (an HBox would cut it to "…"). */
  private static Label whole(Label chip) {
    chip.setMinWidth(Region.USE_PREF_SIZE);
    return chip;
  }

  private Label muted(String key) {
    Label label = new Label(i18n.get(key));
    label.getStyleClass().add(AlarmStyles.MUTED);
    return label;
  }

  private static Button commandButton(String text, String id, Command command) {
    Button button = new Button(text);
    button.setId(id);
    button.disableProperty().bind(Bindings.not(command.executableProperty()));
    button.setOnAction(e -> command.execute());
    return button;
  }

  // ---- the action bar ---------------------------------------------------------------------------

  private Node actionBar() {
    Button acknowledge = bound("alarm.action.acknowledgeKey", "alarm-action-acknowledge", actions.canAcknowledgeBinding(),
        () -> actions.acknowledgeCommand().execute());
    acknowledge.getStyleClass().add("primary");
    Button dispatch = bound("alarm.action.dispatchKey", "alarm-action-dispatch", actions.canDispatchBinding(),
        dialogs::dispatch);
    Button onSite = bound("alarm.action.onSite", "alarm-action-on-site", actions.onSiteCommand().executableProperty(),
        () -> actions.onSiteCommand().execute());
    Button resolve = bound("alarm.action.resolveKey", "alarm-action-resolve", actions.canResolveBinding(),
        dialogs::resolve);
    Button close = bound("alarm.action.close", "alarm-action-close", actions.closeCommand().executableProperty(),
        () -> actions.closeCommand().execute());
    Button forward = bound("alarm.action.forward", "alarm-action-forward", actions.canForwardBinding(),
        dialogs::forward);
    Button snooze = bound("alarm.action.snooze", "alarm-action-snooze", actions.canSnoozeBinding(), dialogs::snooze);
    FlowPane buttons = new FlowPane(6, 6, acknowledge, dispatch, onSite, resolve, close, forward, snooze);
    Label blocked = new Label();
    blocked.setId("alarm-resolve-blocked");
    blocked.getStyleClass().add(AlarmStyles.BLOCKED);
    blocked.textProperty().bind(i18n.text(actions.resolveBlockedKeyBinding()));
    blocked.setWrapText(true);
    Label error = new Label();
    error.setId(ERROR_ID);
    error.getStyleClass().add(AlarmStyles.ERROR);
    error.setWrapText(true);
    error.textProperty().bind(i18n.binding(() -> actions.errorKeyProperty().get().isEmpty() ? ""
        : i18n.get(actions.errorKeyProperty().get()) + (actions.errorDetailProperty().get().isEmpty() ? ""
        : "（" + actions.errorDetailProperty().get() + "）"), actions.errorKeyProperty(), actions.errorDetailProperty()));
    VBox bar = new VBox(6, buttons, blocked, error);
    bar.getStyleClass().add(AlarmStyles.ACTIONS);
    bar.visibleProperty().bind(detail.alarmProperty().isNotNull());
    bar.managedProperty().bind(bar.visibleProperty());
    return bar;
  }

  private Button bound(String key, String id, ObservableValue<Boolean> enabled, Runnable action) {
    Button button = new Button();
    button.setId(id);
    button.textProperty().bind(i18n.text(key));
    button.disableProperty().bind(Bindings.createBooleanBinding(() -> !Boolean.TRUE.equals(enabled.getValue()),
        enabled));
    button.setOnAction(e -> action.run());
    button.setFocusTraversable(false);
    return button;
  }
}
