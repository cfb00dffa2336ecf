package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * Shows the gates view, the presence panel and the emergency control with the sample park's
 * gates and realistic data, no server: {@code java … io.cordon.app.gate.GatesDemoMain [open]} —
 * "open" also starts an evacuation so the progress window shows.
 */
public final class GatesDemoMain {

  /** The JavaFX application; a main class that extends Application needs JavaFX on the module path. */
  public static final class App extends Application {

  @Override
  public void start(Stage stage) {
    I18n i18n = new I18n(I18n.CHINESE);
    GatesHarness harness = new GatesHarness(i18n);
    HBox bar = new HBox(harness.emergencyButton.root());
    bar.getStyleClass().add("emergency-bar");
    BorderPane root = new BorderPane(harness.view.root(), bar, null, null, null);
    Scene scene = new Scene(root, 1900, 1040);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.setTitle("卡口 — Cordon demo");
    stage.show();
    harness.connect();
    if (getParameters().getRaw().contains("open")) {
      harness.emergency.reasonProperty().set("3号罐区苯储罐泄漏，启动园区疏散");
      harness.emergency.scopeProperty().set(io.cordon.client.gate.emergency.EmergencyViewModel.Scope.EVACUATION);
      harness.emergency.openCommand().execute();
      javafx.application.Platform.runLater(() -> harness.emergencyButton.progressWindow().show());
    }
  }

  }

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }
}
