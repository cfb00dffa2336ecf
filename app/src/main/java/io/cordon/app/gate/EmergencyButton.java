package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.client.gate.emergency.EmergencyViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * 一键开启应急卡口: the red control that is always visible in the main window. Enabled while
 * connected for operators and supervisors. A click asks for confirmation and a reason ({@link
 * EmergencyDialog}); once the emergency is open the control shows the time since and opens the
 * progress window ({@link EmergencyProgressWindow}).
 */
public final class EmergencyButton {
  public static final String ID = "emergency-button";

  private final EmergencyViewModel vm;
  private final String userName;
  private final I18n i18n;
  private final Button button = new Button();
  private EmergencyProgressWindow progress;
  private EmergencyDialog dialog;
  private boolean requested;

  public EmergencyButton(EmergencyViewModel vm, String userName, I18n i18n) {
    this.vm = vm;
    this.userName = userName;
    this.i18n = i18n;
    button.setId(ID);
    button.getStyleClass().add(GateStyles.EMERGENCY_BUTTON);
    button.setFocusTraversable(false);
    button.textProperty().bind(i18n.binding(() -> vm.activeProperty().get()
            ? i18n.format("emergency.button.active", GateTexts.elapsed(vm.elapsedProperty().get()).replaceAll("\\.\\d$", ""))
            : i18n.get("emergency.button"),
        vm.activeProperty(), vm.elapsedProperty()));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(i18n.text("emergency.button.tooltip"));
    button.setTooltip(tip);
    // An active emergency can always be watched; a new one needs a connected, authorised user.
    button.disableProperty().bind(vm.availableProperty().not().and(vm.activeProperty().not()));
    vm.activeProperty().addListener((o, was, now) -> {
      button.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("active"), now);
      if (now) {
        button.getStyleClass().add(GateStyles.EMERGENCY_ACTIVE);
      } else {
        button.getStyleClass().remove(GateStyles.EMERGENCY_ACTIVE);
      }
      if (now && requested) {
        requested = false;
        progressWindow().show();
      }
    });
    Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
      if (vm.activeProperty().get()) {
        vm.tick();
      }
    }));
    ticker.setCycleCount(Animation.INDEFINITE);
    ticker.play();
    button.setOnAction(e -> click());
  }

  public Node root() {
    return button;
  }

  public Button button() {
    return button;
  }

  private void click() {
    if (vm.activeProperty().get()) {
      progressWindow().show();
      return;
    }
    if (dialog != null && dialog.stage().isShowing()) {
      dialog.stage().toFront();
      return;
    }
    requested = true;
    dialog = new EmergencyDialog(button.getScene() == null ? null : button.getScene().getWindow(), vm, userName, i18n);
    dialog.show();
  }

  /** The progress window (created on first use). */
  public EmergencyProgressWindow progressWindow() {
    if (progress == null) {
      progress = new EmergencyProgressWindow(button.getScene() == null ? null : button.getScene().getWindow(), vm, i18n);
    }
    return progress;
  }

  /** The confirmation dialog last opened, if any. */
  public EmergencyDialog dialog() {
    return dialog;
  }
}
