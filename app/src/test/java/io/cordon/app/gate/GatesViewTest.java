package io.cordon.app.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.gate.emergency.EmergencyGateRow;
import io.cordon.client.gate.emergency.GateProgress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gates view and the emergency control as an operator sees and uses them (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class GatesViewTest {
  private GatesHarness harness;

  @Start
  void start(Stage stage) {
    harness = new GatesHarness(new I18n(I18n.CHINESE));
    BorderPane root = new BorderPane(harness.view.root(), harness.emergencyButton.root(), null, null, null);
    Scene scene = new Scene(root, 1240, 760);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
    harness.connect();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theGatesViewShowsEveryGatesLanesAndTheLatestPassages(FxRobot robot) throws TimeoutException {
    waitFor("the passages", () -> harness.view.table().getItems().size() == 36);
    waitFor("the lanes' barriers", () -> robot.lookup("#lane-G1-P1").queryAs(Label.class).getStyleClass()
        .contains("lane-open"));

    assertThat(robot.lookup(".gate-card").queryAll()).hasSize(GateDemoBackend.PARK.gates().size());
    assertThat(robot.lookup("#lane-G1-P1").queryAs(Label.class).getText()).isEqualTo("P1 人行 双向");
    assertThat(harness.view.table().getItems().get(0).holder()).isEqualTo("苏E12345");
  }

  @Test
  void laneChipsDrawnAtEveryPassageCarryNoPopupsOfTheirOwnSoOldCardsCanBeCollected(FxRobot robot)
      throws TimeoutException {
    waitFor("the lanes' barriers", () -> robot.lookup("#lane-G1-P1").queryAs(Label.class).getStyleClass()
        .contains("lane-open"));

    Label chip = robot.lookup("#lane-G1-P1").queryAs(Label.class);
    assertThat(chip.getTooltip()).isNull();
    assertThat(chip.getContextMenu()).isNull();
    assertThat(chip.getAccessibleText()).startsWith("车道 P1").endsWith("道闸开启");
  }

  @Test
  void clickingAGateCardShowsOnlyItsPassages(FxRobot robot) throws TimeoutException {
    waitFor("the passages", () -> harness.view.table().getItems().size() == 36);

    robot.clickOn("#gate-card-G3 .gate-card-title");

    waitFor("the filter", () -> WaitForAsyncUtils.asyncFx(() -> harness.view.table().getItems().stream()
        .allMatch(r -> r.gateId().equals("G3"))).get());
    assertThat(harness.gates.gateFilterProperty().get()).isEqualTo("G3");
  }

  @Test
  void theEmergencyControlIsVisibleAndAsksForAReasonBeforeAnythingIsSent(FxRobot robot) throws TimeoutException {
    Button control = robot.lookup("#" + EmergencyButton.ID).queryButton();
    assertThat(control.isVisible()).isTrue();
    assertThat(control.getText()).isEqualTo("一键开启应急卡口");

    robot.clickOn(control);
    waitFor("the confirmation", () -> robot.lookup("#" + EmergencyDialog.CONFIRM_ID).tryQuery().isPresent());
    Button confirm = robot.lookup("#" + EmergencyDialog.CONFIRM_ID).queryButton();
    assertThat(confirm.isDisabled()).isTrue();
    robot.clickOn(confirm);
    assertThat(harness.backend.opened).isEmpty();

    TextArea reason = robot.lookup("#" + EmergencyDialog.REASON_ID).queryAs(TextArea.class);
    robot.interact(() -> reason.setText("3号罐区泄漏，启动疏散"));
    assertThat(confirm.isDisabled()).isFalse();
    robot.clickOn(confirm);

    waitFor("the opening", () -> harness.backend.opened.size() == 1);
    assertThat(harness.backend.opened.get(0).getReason()).isEqualTo("3号罐区泄漏，启动疏散");
  }

  @Test
  void theProgressWindowShowsEachGateAndRetriesAFailedOne(FxRobot robot) throws TimeoutException {
    robot.interact(() -> {
      harness.emergency.reasonProperty().set("演练：应急卡口开启");
      harness.emergencyButton.button().fire();
    });
    waitFor("the dialog", () -> robot.lookup("#" + EmergencyDialog.CONFIRM_ID).tryQuery().isPresent());
    robot.interact(() -> robot.lookup("#" + EmergencyDialog.REASON_ID).queryAs(TextArea.class).setText("演练：应急卡口开启"));
    robot.clickOn("#" + EmergencyDialog.CONFIRM_ID);

    waitFor("the progress window", () -> robot.lookup("#" + EmergencyProgressWindow.TABLE_ID).tryQuery().isPresent());
    waitFor("every gate's answer", () -> harness.emergency.gates().size() == 2
        && harness.emergency.gates().stream().noneMatch(g -> g.progress() == GateProgress.COMMANDED));
    EmergencyGateRow failed = harness.emergency.gates().get(1);
    assertThat(failed.progress()).isEqualTo(GateProgress.FAILED);
    assertThat(harness.emergency.gates().get(0).progress()).isEqualTo(GateProgress.CONFIRMED);
    waitFor("the retry button", () -> robot.lookup("#emergency-retry-" + failed.gateId()).tryQuery()
        .map(n -> n.isVisible()).orElse(false));
    assertThat(robot.lookup("#emergency-counts").queryAs(Label.class).getText()).startsWith("已确认 1 / 2  失败 1");
    assertThat(harness.emergencyButton.button().getText()).startsWith("应急进行中");

    Button retry = robot.lookup("#emergency-retry-" + failed.gateId()).queryButton();
    assertThat(retry.isDisabled()).isFalse();
    robot.interact(retry::fire);

    waitFor("the retry", () -> harness.backend.retries.size() == 1);
    waitFor("the confirmation", () -> failed.progress() == GateProgress.CONFIRMED);
    assertThat(harness.backend.retries.get(0).getGateId()).isEqualTo(failed.gateId());
  }
}
