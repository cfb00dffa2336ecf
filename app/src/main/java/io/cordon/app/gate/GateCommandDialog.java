package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.GateCommandViewModel.Action;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Asks for the reason before a gate is opened or closed and shows what will be sent (the same
 * words the server audits). Dangerous actions never run on one careless click: the confirm
 * button stays disabled until a reason is given. Closes itself once the server accepted.
 */
public final class GateCommandDialog {
  public static final String REASON_ID = "gate-command-reason";
  public static final String CONFIRM_ID = "gate-command-confirm";

  private final Stage stage = new Stage();
  private final GateCommandViewModel vm;

  public GateCommandDialog(Window owner, GateCommandViewModel vm, Gate gate, Action action, I18n i18n) {
    this(owner, vm, gate, null, action, i18n);
  }

  /** @param lane one lane of the gate (e.g. "L1"); null commands every lane */
  public GateCommandDialog(Window owner, GateCommandViewModel vm, Gate gate, String lane, Action action, I18n i18n) {
    this.vm = vm;
    vm.gateProperty().set(gate);
    vm.laneProperty().set(lane);
    vm.actionProperty().set(action);

    Label title = new Label(lane == null
        ? i18n.format(action == Action.OPEN ? "gate.dialog.open.title" : "gate.dialog.close.title", gate.name())
        : i18n.format(action == Action.OPEN ? "gate.dialog.open.lane.title" : "gate.dialog.close.lane.title",
            gate.name(), lane));
    title.getStyleClass().add(Styles.DIALOG_TITLE);
    Label warning = new Label(i18n.get("gate.dialog.emergency.warning"));
    warning.getStyleClass().add(Styles.DIALOG_WARNING);
    warning.setWrapText(true);
    warning.setVisible(gate.type() == GateType.EMERGENCY && action == Action.OPEN);
    warning.managedProperty().bind(warning.visibleProperty());

    TextArea reason = new TextArea();
    reason.setId(REASON_ID);
    reason.setPromptText(i18n.get("gate.dialog.reason.prompt"));
    reason.setPrefRowCount(3);
    reason.setWrapText(true);
    // One line of text: Enter or Tab become spaces rather than control characters the server refuses.
    reason.setTextFormatter(new TextFormatter<String>(change -> {
      change.setText(change.getText().replaceAll("\\p{Cntrl}", " "));
      return change;
    }));
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    reason.disableProperty().bind(vm.busyProperty());

    Label audit = new Label();
    audit.setWrapText(true);
    audit.getStyleClass().add(Styles.DIALOG_NOTE);
    audit.textProperty().bind(i18n.binding(
        () -> i18n.format(vm.descriptionKey(), gate.id().value(), gate.name(), vm.reasonProperty().get().strip(),
            lane == null ? "" : lane),
        vm.reasonProperty(), vm.actionProperty(), vm.laneProperty()));

    Label error = new Label();
    error.getStyleClass().add(Styles.DIALOG_ERROR);
    error.textProperty().bind(i18n.binding(
        () -> vm.errorKeyProperty().get().isEmpty() ? "" : i18n.get(vm.errorKeyProperty().get()),
        vm.errorKeyProperty()));

    Button confirm = new Button(i18n.get(action == Action.OPEN ? "gate.dialog.confirm.open" : "gate.dialog.confirm.close"));
    confirm.setId(CONFIRM_ID);
    confirm.setDefaultButton(true);
    confirm.disableProperty().bind(vm.sendCommand().executableProperty().not());
    confirm.setOnAction(e -> vm.sendCommand().execute());
    if (gate.type() == GateType.EMERGENCY && action == Action.OPEN) {
      confirm.getStyleClass().add(Styles.DANGER_BUTTON);
    }
    Button cancel = new Button(i18n.get("gate.dialog.cancel"));
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    // While the command is on its way the operator waits for the answer: it says whether the gate got it.
    cancel.disableProperty().bind(vm.busyProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, error, gap, cancel, confirm);

    VBox root = new VBox(10, title, warning, new Label(i18n.get("gate.dialog.reason")), reason, audit, buttons);
    root.getStyleClass().add(Styles.DIALOG);
    root.setPrefWidth(460);
    Scene scene = new Scene(root);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(title.getText());
    stage.setOnCloseRequest(e -> {
      if (vm.busyProperty().get()) {
        e.consume();
      }
    });
    vm.lastCommandSeqProperty().addListener((o, was, now) -> {
      if (!vm.lastQueuedProperty().get()) {
        stage.close();
        return;
      }
      // Accepted but the gate is not connected: say so, so nobody believes the barrier moved.
      error.textProperty().unbind();
      error.setText(i18n.format("gate.dialog.queued", gate.name()));
      confirm.setVisible(false);
      cancel.setText(i18n.get("gate.dialog.close"));
    });
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }

  public GateCommandViewModel viewModel() {
    return vm;
  }
}
