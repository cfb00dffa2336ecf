package io.cordon.app.login;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.auth.LoginViewModel;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in screen; all behaviour is in {@link LoginViewModel}. */
public final class LoginView {
  public static final String USERNAME_ID = "login-username";
  public static final String PASSWORD_ID = "login-password";
  public static final String SUBMIT_ID = "login-submit";

  private final StackPane root;

  public LoginView(LoginViewModel vm, I18n i18n) {
    Label heading = new Label();
    heading.textProperty().bind(i18n.text("login.heading"));
    heading.getStyleClass().add(Styles.LOGIN_HEADING);
    Label subtitle = new Label();
    subtitle.textProperty().bind(i18n.text("app.subtitle"));
    subtitle.getStyleClass().add(Styles.LOGIN_SUBTITLE);

    Label server = new Label();
    server.getStyleClass().add(Styles.LOGIN_SERVER);
    server.textProperty().bind(
        i18n.binding(
            () -> vm.serverReadyProperty().get() ? vm.serverLabelProperty().get() : i18n.get("login.server.starting"),
            vm.serverReadyProperty(),
            vm.serverLabelProperty()));
    ProgressIndicator starting = new ProgressIndicator();
    starting.setPrefSize(18, 18);
    starting.visibleProperty().bind(vm.serverReadyProperty().not().or(vm.busyProperty()));
    starting.managedProperty().bind(starting.visibleProperty());
    HBox serverLine = new HBox(8, starting, server);
    serverLine.setAlignment(Pos.CENTER_LEFT);

    Label userLabel = new Label();
    userLabel.textProperty().bind(i18n.text("login.username"));
    TextField username = new TextField();
    username.setId(USERNAME_ID);
    username.textProperty().bindBidirectional(vm.usernameProperty());

    Label passwordLabel = new Label();
    passwordLabel.textProperty().bind(i18n.text("login.password"));
    PasswordField password = new PasswordField();
    password.setId(PASSWORD_ID);
    password.textProperty().bindBidirectional(vm.passwordProperty());

    Label error = new Label();
    error.getStyleClass().add(Styles.LOGIN_ERROR);
    error.textProperty().bind(i18n.text(vm.errorKeyProperty()));
    error.visibleProperty().bind(vm.errorKeyProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    Button submit = new Button();
    submit.setId(SUBMIT_ID);
    submit.getStyleClass().add(Styles.PRIMARY);
    submit.textProperty().bind(
        i18n.binding(() -> i18n.get(vm.busyProperty().get() ? "login.busy" : "login.submit"), vm.busyProperty()));
    submit.disableProperty().bind(vm.loginCommand().executableProperty().not());
    submit.setDefaultButton(true);
    submit.setMaxWidth(Double.MAX_VALUE);
    submit.setOnAction(e -> vm.loginCommand().execute());

    VBox card = new VBox(heading, subtitle, serverLine, userLabel, username, passwordLabel, password, error, submit);
    card.getStyleClass().add(Styles.LOGIN_CARD);
    card.setMaxSize(420, Region.USE_PREF_SIZE);
    card.setPrefWidth(420);
    VBox.setVgrow(submit, Priority.NEVER);

    root = new StackPane(card);
    root.getStyleClass().add(Styles.LOGIN_SCREEN);
    root.setAlignment(Pos.CENTER);
    // Focus can only move once the form is shown: the password when the name is prefilled.
    Control first = vm.usernameProperty().get().isEmpty() ? username : password;
    root.sceneProperty().addListener((obs, before, scene) -> {
      if (scene != null) {
        Platform.runLater(first::requestFocus);
      }
    });
  }

  public Parent root() {
    return root;
  }
}
