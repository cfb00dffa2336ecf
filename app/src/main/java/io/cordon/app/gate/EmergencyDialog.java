package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.gate.emergency.EmergencyViewModel;
import io.cordon.client.gate.emergency.EmergencyViewModel.Scope;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The confirmation before the emergency gates open: a warning, the reason (required), the scope,
 * optionally a second person with their password, and what will be audited. Nothing is sent
 * before "确认开启", which stays disabled until the request is complete.
 */
public final class EmergencyDialog {
  public static final String REASON_ID = "emergency-reason";
  public static final String CONFIRM_ID = "emergency-confirm";
  public static final String EVACUATION_ID = "emergency-scope-evacuation";

  private final Stage stage = new Stage();

  public EmergencyDialog(Window owner, EmergencyViewModel vm, String userName, I18n i18n) {
    vm.clearRequest();
    Label title = new Label(i18n.get("emergency.dialog.title"));
    title.getStyleClass().add(Styles.DIALOG_TITLE);
    Label warning = new Label(i18n.get("emergency.dialog.warning"));
    warning.getStyleClass().add(Styles.DIALOG_WARNING);
    warning.setWrapText(true);

    TextArea reason = new TextArea();
    reason.setId(REASON_ID);
    reason.setPromptText(i18n.get("emergency.dialog.reason.prompt"));
    reason.setPrefRowCount(2);
    reason.setWrapText(true);
    reason.setTextFormatter(new TextFormatter<String>(change -> {
      change.setText(change.getText().replaceAll("\\p{Cntrl}", " "));
      return change;
    }));
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    reason.disableProperty().bind(vm.busyProperty());

    ToggleGroup scopes = new ToggleGroup();
    RadioButton gatesOnly = new RadioButton(i18n.get("emergency.scope.EMERGENCY_GATES"));
    gatesOnly.setId("emergency-scope-gates");
    RadioButton evacuation = new RadioButton(i18n.get("emergency.scope.EVACUATION"));
    evacuation.setId(EVACUATION_ID);
    evacuation.setWrapText(true);
    gatesOnly.setToggleGroup(scopes);
    evacuation.setToggleGroup(scopes);
    gatesOnly.setSelected(vm.scopeProperty().get() != Scope.EVACUATION);
    evacuation.setSelected(vm.scopeProperty().get() == Scope.EVACUATION);
    scopes.selectedToggleProperty().addListener((o, was, now) ->
        vm.scopeProperty().set(now == evacuation ? Scope.EVACUATION : Scope.EMERGENCY_GATES));

    CheckBox second = new CheckBox(i18n.get("emergency.dialog.second"));
    second.setId("emergency-second");
    TextField secondUser = new TextField();
    secondUser.setId("emergency-second-user");
    secondUser.setPromptText(i18n.get("emergency.dialog.second.user"));
    secondUser.textProperty().bindBidirectional(vm.secondPersonProperty());
    PasswordField secondPassword = new PasswordField();
    secondPassword.setId("emergency-second-password");
    secondPassword.setPromptText(i18n.get("emergency.dialog.second.password"));
    secondPassword.textProperty().bindBidirectional(vm.secondPasswordProperty());
    GridPane secondFields = new GridPane();
    secondFields.setHgap(8);
    secondFields.addRow(0, secondUser, secondPassword);
    secondFields.visibleProperty().bind(second.selectedProperty());
    secondFields.managedProperty().bind(second.selectedProperty());
    second.selectedProperty().addListener((o, was, now) -> {
      if (!now) {
        vm.secondPersonProperty().set("");
        vm.secondPasswordProperty().set("");
      }
    });

    Label audit = new Label();
    audit.setWrapText(true);
    audit.getStyleClass().add(Styles.DIALOG_NOTE);
    audit.textProperty().bind(i18n.binding(() -> i18n.format("emergency.dialog.audit",
        i18n.get("emergency.scope." + vm.scopeProperty().get().name()), userName, vm.reasonProperty().get().strip()),
        vm.scopeProperty(), vm.reasonProperty()));

    Label error = new Label();
    error.getStyleClass().add(Styles.DIALOG_ERROR);
    error.setWrapText(true);
    error.textProperty().bind(i18n.text(vm.errorKeyProperty()));

    Button confirm = new Button(i18n.get("emergency.dialog.confirm"));
    confirm.setId(CONFIRM_ID);
    confirm.getStyleClass().add(Styles.DANGER_BUTTON);
    confirm.disableProperty().bind(vm.openCommand().executableProperty().not());
    confirm.setOnAction(e -> vm.openCommand().execute());
    Button cancel = new Button(i18n.get("emergency.dialog.cancel"));
    cancel.setId("emergency-cancel");
    cancel.setCancelButton(true);
    cancel.disableProperty().bind(vm.busyProperty());
    cancel.setOnAction(e -> stage.close());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, gap, cancel, confirm);

    VBox root = new VBox(10, title, warning, new Label(i18n.get("emergency.dialog.reason")), reason,
        new Label(i18n.get("emergency.dialog.scope")), gatesOnly, evacuation, second, secondFields, audit, error,
        buttons);
    root.getStyleClass().addAll(Styles.DIALOG, "emergency-dialog");
    root.setPrefWidth(560);
    Scene scene = new Scene(root);
    Styles.apply(scene);
    stage.setScene(scene);
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setTitle(title.getText());
    stage.setOnCloseRequest(e -> {
      if (vm.busyProperty().get()) {
        e.consume();
      }
    });
    // Opened: the progress window takes over.
    javafx.beans.value.ChangeListener<Boolean> opened = (o, was, now) -> {
      if (now) {
        stage.close();
      }
    };
    vm.activeProperty().addListener(opened);
    stage.setOnHidden(e -> vm.activeProperty().removeListener(opened));
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }
}
