package io.cordon.app.alarm;

import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.LonLat;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.alarm.AlarmActions;
import io.cordon.client.alarm.SopStepRow;
import io.cordon.client.command.Command;
import io.cordon.domain.alarm.Severity;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The small forms behind dispatch, resolve, skip, forward, snooze and manual report: each field
 * is bound to the actions' input, the confirm button to the command's executable state, and
 * confirming runs the command. Non-modal answers come back through the actions' error text.
 */
final class AlarmDialogs {
  static final String CONFIRM_ID = "alarm-dialog-confirm";

  private final AlarmActions actions;
  private final AlarmTexts texts;
  private final I18n i18n;

  AlarmDialogs(AlarmActions actions, AlarmTexts texts) {
    this.actions = actions;
    this.texts = texts;
    this.i18n = texts.i18n();
  }

  void dispatch() {
    GridPane form = form();
    TextField team = field(actions.teamProperty(), "alarm.dialog.team.prompt");
    TextArea text = area(actions.taskTextProperty(), "alarm.dialog.task.prompt");
    TextField voice = field(actions.voiceMessageProperty(), "alarm.dialog.voice.prompt");
    row(form, 0, "alarm.dialog.team", team);
    row(form, 1, "alarm.dialog.task", text);
    row(form, 2, "alarm.dialog.voice", voice);
    row(form, 3, "alarm.dialog.note", field(actions.noteProperty(), "alarm.dialog.note.prompt"));
    show("alarm.dialog.dispatch.title", form, "alarm.action.dispatch", actions.dispatchCommand());
  }

  void resolve() {
    GridPane form = form();
    ComboBox<AlarmVerdict> verdict = new ComboBox<>();
    verdict.setId("alarm-dialog-verdict");
    verdict.getItems().addAll(AlarmVerdict.ALARM_VERDICT_TRUE, AlarmVerdict.ALARM_VERDICT_FALSE,
        AlarmVerdict.ALARM_VERDICT_NUISANCE);
    verdict.setConverter(named(v -> texts.verdict(v)));
    verdict.setButtonCell(cell(texts::verdict));
    verdict.setCellFactory(l -> cell(texts::verdict));
    verdict.valueProperty().bindBidirectional(actions.verdictProperty());
    row(form, 0, "alarm.dialog.verdict", verdict);
    row(form, 1, "alarm.dialog.cause", area(actions.causeProperty(), "alarm.dialog.cause.prompt"));
    row(form, 2, "alarm.dialog.note", field(actions.noteProperty(), "alarm.dialog.note.prompt"));
    show("alarm.dialog.resolve.title", form, "alarm.action.resolve", actions.resolveCommand());
  }

  void skip(SopStepRow step) {
    GridPane form = form();
    Label what = new Label(step.text());
    what.setWrapText(true);
    form.add(what, 0, 0, 2, 1);
    row(form, 1, "alarm.dialog.skipReason", area(actions.skipReasonProperty(), "alarm.dialog.skipReason.prompt"));
    Label note = new Label(i18n.get("alarm.dialog.skip.note"));
    note.getStyleClass().add(Styles.DIALOG_NOTE);
    form.add(note, 0, 2, 2, 1);
    show("alarm.dialog.skip.title", form, "alarm.sop.skip", actions.skipCommand(step.stepId()));
  }

  void forward() {
    GridPane form = form();
    row(form, 0, "alarm.dialog.forwardTo", field(actions.forwardToProperty(), "alarm.dialog.forwardTo.prompt"));
    Spinner<Integer> delay = new Spinner<>(AlarmActions.MIN_FORWARD_DELAY, AlarmActions.MAX_FORWARD_DELAY,
        actions.forwardDelaySecondsProperty().get(), 10);
    delay.setEditable(true);
    delay.valueProperty().addListener((o, was, now) -> actions.forwardDelaySecondsProperty().set(now));
    row(form, 1, "alarm.dialog.forwardDelay", delay);
    show("alarm.dialog.forward.title", form, "alarm.action.forward", actions.forwardCommand());
  }

  void snooze() {
    GridPane form = form();
    Spinner<Integer> minutes = new Spinner<>(1, AlarmActions.MAX_SNOOZE_MINUTES, actions.snoozeMinutesProperty().get(), 5);
    minutes.setEditable(true);
    minutes.valueProperty().addListener((o, was, now) -> actions.snoozeMinutesProperty().set(now));
    row(form, 0, "alarm.dialog.snoozeMinutes", minutes);
    row(form, 1, "alarm.dialog.snoozeReason", area(actions.snoozeReasonProperty(), "alarm.dialog.snoozeReason.prompt"));
    show("alarm.dialog.snooze.title", form, "alarm.action.snooze", actions.snoozeCommand());
  }

  void manualReport(Optional<LonLat> near) {
    near.ifPresent(actions.manualLocationProperty()::set);
    GridPane form = form();
    ComboBox<AlarmType> type = new ComboBox<>();
    type.getItems().addAll(Arrays.stream(AlarmType.values())
        .filter(t -> t != AlarmType.ALARM_TYPE_UNSPECIFIED && t != AlarmType.UNRECOGNIZED).toList());
    type.setConverter(named(texts::type));
    type.setButtonCell(cell(texts::type));
    type.setCellFactory(l -> cell(texts::type));
    type.valueProperty().bindBidirectional(actions.manualTypeProperty());
    ComboBox<Severity> severity = new ComboBox<>();
    severity.getItems().addAll(Severity.values());
    severity.setConverter(named(texts::severity));
    severity.setButtonCell(cell(texts::severity));
    severity.setCellFactory(l -> cell(texts::severity));
    severity.valueProperty().bindBidirectional(actions.manualSeverityProperty());
    TextField lon = new TextField();
    TextField lat = new TextField();
    LonLat at = actions.manualLocationProperty().get();
    if (at != null) {
      lon.setText(Double.toString(at.getLon()));
      lat.setText(Double.toString(at.getLat()));
    }
    Runnable parse = () -> {
      try {
        actions.manualLocationProperty().set(LonLat.newBuilder().setLon(Double.parseDouble(lon.getText().strip()))
            .setLat(Double.parseDouble(lat.getText().strip())).build());
      } catch (NumberFormatException e) {
        actions.manualLocationProperty().set(null);
      }
    };
    lon.textProperty().addListener(o -> parse.run());
    lat.textProperty().addListener(o -> parse.run());
    row(form, 0, "alarm.dialog.manualType", type);
    row(form, 1, "alarm.dialog.manualSeverity", severity);
    row(form, 2, "alarm.dialog.lon", lon);
    row(form, 3, "alarm.dialog.lat", lat);
    row(form, 4, "alarm.dialog.detail", area(actions.manualDetailProperty(), "alarm.dialog.detail.prompt"));
    show("alarm.dialog.manual.title", form, "alarm.action.report", actions.reportManualCommand());
  }

  // ---- building blocks ----------------------------------------------------------------------

  private void show(String titleKey, Node content, String confirmKey, Command command) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle(i18n.get(titleKey));
    dialog.setHeaderText(null);
    dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
    dialog.getDialogPane().getStylesheets().add(Styles.class.getResource(Styles.STYLESHEET).toExternalForm());
    Label title = new Label(i18n.get(titleKey));
    title.getStyleClass().add(Styles.DIALOG_TITLE);
    GridPane wrapper = new GridPane();
    wrapper.setVgap(12);
    wrapper.add(title, 0, 0);
    wrapper.add(content, 0, 1);
    dialog.getDialogPane().setContent(wrapper);
    ButtonType confirm = new ButtonType(i18n.get(confirmKey), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel = new ButtonType(i18n.get("alarm.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(confirm, cancel);
    Node ok = dialog.getDialogPane().lookupButton(confirm);
    ok.setId(CONFIRM_ID);
    ok.getStyleClass().add(Styles.PRIMARY);
    ok.disableProperty().bind(Bindings.not(command.executableProperty()));
    dialog.showAndWait().filter(confirm::equals).ifPresent(b -> command.execute());
  }

  private static GridPane form() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    return grid;
  }

  private void row(GridPane grid, int row, String key, Node input) {
    grid.addRow(row, new Label(i18n.get(key)), input);
  }

  private TextField field(javafx.beans.property.StringProperty property, String promptKey) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(property);
    field.setPromptText(i18n.get(promptKey));
    field.setPrefColumnCount(28);
    return field;
  }

  private TextArea area(javafx.beans.property.StringProperty property, String promptKey) {
    TextArea area = new TextArea();
    area.textProperty().bindBidirectional(property);
    area.setPromptText(i18n.get(promptKey));
    area.setPrefRowCount(3);
    area.setPrefColumnCount(28);
    area.setWrapText(true);
    return area;
  }

  private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static <T> ListCell<T> cell(java.util.function.Function<T, String> name) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : name.apply(item));
      }
    };
  }
}
