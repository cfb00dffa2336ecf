package io.cordon.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.alarm.AlarmRow;
import io.cordon.domain.alarm.Severity;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The alarm queue as an operator sees and uses it, over real view models (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class AlarmQueueViewTest {
  private final Instant now = Instant.now();
  private final List<Alarm> focused = new CopyOnWriteArrayList<>();
  private AlarmQueueHarness harness;
  private TableView<AlarmRow> table;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    harness = new AlarmQueueHarness(new I18n(I18n.CHINESE), Clock.systemUTC());
    harness.view.setOnFocus(focused::add);
    table = harness.view.table();
    Scene scene = new Scene((javafx.scene.Parent) harness.view.root(), 1240, 760);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void showPark() throws TimeoutException {
    harness.store.apply(AlarmDemoData.snapshot(AlarmDemoData.park(now)));
    waitFor("the queue", () -> table.getItems().size() == 10);
  }

  private List<String> shownIds() {
    return table.getItems().stream().map(AlarmRow::id).toList();
  }

  private void select(FxRobot robot, String alarmId) throws TimeoutException {
    waitFor("row " + alarmId, () -> robot.lookup("#alarm-row-" + alarmId).tryQuery().isPresent());
    robot.clickOn("#alarm-row-" + alarmId);
    waitFor("the detail of " + alarmId, () -> harness.detail.alarmProperty().get() != null
        && harness.detail.alarmProperty().get().getAlarmId().equals(alarmId));
  }

  @Test
  void theQueueShowsCriticalAlarmsFirstAndTheCoreAreaBeforeTheOthers() throws TimeoutException {
    showPark();

    // critical: core intrusion (incident of two), key-area fire, general-area forced passage; then major…
    assertThat(shownIds()).startsWith("A-000101", "A-000097", "A-000090", "A-000096", "A-000095", "A-000094");
    assertThat(shownIds()).doesNotContain("A-000088", "A-000102");
    assertThat(table.getItems().get(0).incidentSize()).isEqualTo(2);
  }

  @Test
  void theDetailPaneTakesItsPlaceOnlyOnceAnAlarmIsChosen(FxRobot robot) throws TimeoutException {
    showPark();
    assertThat(robot.lookup("#" + AlarmDetailPane.ROOT_ID).tryQuery()).isEmpty();
    double wide = table.getWidth();

    select(robot, "A-000096");

    assertThat(robot.lookup("#" + AlarmDetailPane.ROOT_ID).tryQuery()).isPresent();
    assertThat(table.getWidth()).isLessThan(wide);
  }

  @Test
  void enterAcknowledgesTheSelectedAlarmAtTheVersionShown(FxRobot robot) throws TimeoutException {
    showPark();
    select(robot, "A-000096");

    robot.type(KeyCode.ENTER);

    waitFor("the acknowledgement", () -> !harness.acts.isEmpty());
    AlarmActionRequest sent = harness.acts.get(0);
    assertThat(sent.getAlarmId()).isEqualTo("A-000096");
    assertThat(sent.hasAcknowledge()).isTrue();
    assertThat(sent.getExpectedVersion()).isEqualTo(1);
  }

  @Test
  void theAKeyAcknowledgesToo(FxRobot robot) throws TimeoutException {
    showPark();
    select(robot, "A-000094");

    robot.type(KeyCode.A);

    waitFor("the acknowledgement", () -> !harness.acts.isEmpty());
    assertThat(harness.acts.get(0).getAlarmId()).isEqualTo("A-000094");
  }

  @Test
  void theArrowsMoveAndEnterTakesTheAlarmMovedTo(FxRobot robot) throws TimeoutException {
    showPark();
    select(robot, "A-000101");

    robot.type(KeyCode.DOWN);
    robot.type(KeyCode.ENTER);

    waitFor("the acknowledgement", () -> !harness.acts.isEmpty());
    assertThat(harness.acts.get(0).getAlarmId()).isEqualTo("A-000097");
  }

  @Test
  void theOneClickButtonOfARowAcknowledgesThatRow(FxRobot robot) throws TimeoutException {
    showPark();

    robot.clickOn("#alarm-ack-A-000097");

    waitFor("the acknowledgement", () -> !harness.acts.isEmpty());
    assertThat(harness.acts.get(0).getAlarmId()).isEqualTo("A-000097");
    assertThat(robot.lookup("#alarm-ack-A-000090").tryQuery()).as("a dispatched alarm has no take button").isEmpty();
  }

  @Test
  void theSeverityFilterLeavesOnlyThatSeverity(FxRobot robot) throws TimeoutException {
    showPark();
    ComboBox<Severity> severity = robot.lookup("#" + AlarmQueueView.SEVERITY_FILTER_ID).query();

    robot.interact(() -> severity.getSelectionModel().select(Severity.MINOR));

    waitFor("the filtered queue", () -> table.getItems().size() == 3);
    // the key-area one first, then the general-area one still waiting, then the one on site
    assertThat(shownIds()).containsExactly("A-000089", "A-000091", "A-000092");
    assertThat(((Label) robot.lookup("#alarm-count-critical").query()).getText()).isEqualTo("3");
  }

  @Test
  void theDetailShowsTheProcedureWithTheAnswersOfTheNextStep(FxRobot robot) throws TimeoutException {
    showPark();

    select(robot, "A-000101");

    Label step = robot.lookup("#alarm-sop-step-check").query();
    assertThat(step.getText()).contains("调取联动视频").endsWith("*");
    assertThat(robot.lookup("#alarm-sop-answer-check-real").tryQuery()).isPresent();
    assertThat(robot.lookup("#alarm-sop-step-patrol").tryQuery()).isPresent();
  }

  @Test
  void answeringTheNextStepSendsTheAnswer(FxRobot robot) throws TimeoutException {
    harness.store.apply(AlarmDemoData.snapshot(List.of(AlarmDemoData.takenWithVideoChecked(now))));
    waitFor("the queue", () -> table.getItems().size() == 1);
    select(robot, "A-000101");

    robot.clickOn("#alarm-sop-done-patrol");

    waitFor("the answer", () -> !harness.acts.isEmpty());
    assertThat(harness.acts.get(0).getAnswerStep().getStepId()).isEqualTo("patrol");
    assertThat(harness.acts.get(0).getAnswerStep().getAnswerId()).isEqualTo("done");
  }

  @Test
  void theDetailsShowEveryChipAndLabelWholeInTheQueuesDockOfA1920Window(FxRobot robot) throws TimeoutException {
    // the default layout gives the queue the top row's right 38 % and 64 % of the height
    assertThat(textsCutInTheDetails(robot, 730, 660)).isEmpty();
  }

  @Test
  void theDetailsShowEveryChipAndLabelWholeInTheQueuesDockOfA1366Window(FxRobot robot) throws TimeoutException {
    assertThat(textsCutInTheDetails(robot, 520, 470)).isEmpty();
  }

  /** Chooses an alarm with a procedure in a window of that size (before: the divider is placed then). */
  private List<String> textsCutInTheDetails(FxRobot robot, double width, double height) throws TimeoutException {
    robot.interact(() -> {
      stage.setWidth(width);
      stage.setHeight(height);
    });
    try {
      harness.store.apply(AlarmDemoData.snapshot(List.of(AlarmDemoData.takenWithVideoChecked(now))));
      waitFor("the queue", () -> table.getItems().size() == 1);
      select(robot, "A-000101");
      List<String> cut = new ArrayList<>(cutTexts(robot, "#" + AlarmDetailPane.ROOT_ID + " .label"));
      cut.addAll(cutTexts(robot, "#" + AlarmDetailPane.ROOT_ID + " .button"));
      return cut;
    } finally { // the tests share the stage
      robot.interact(() -> {
        stage.setWidth(1240);
        stage.setHeight(760);
      });
    }
  }

  /** The texts shown shortened with "…": a labeled's text node then holds less than its text. */
  private static List<String> cutTexts(FxRobot robot, String query) {
    return robot.lookup(query).queryAllAs(Labeled.class).stream()
        .filter(Node::isVisible)
        .filter(l -> l.getText() != null && !l.getText().isEmpty())
        .filter(l -> l.lookup(".text") instanceof Text shown && !shown.getText().equals(l.getText()))
        .map(l -> l.getText() + " → " + ((Text) l.lookup(".text")).getText())
        .toList();
  }

  @Test
  void resolveIsDisabledAndSaysWhyWhileMandatoryStepsAreOpen(FxRobot robot) throws TimeoutException {
    harness.store.apply(AlarmDemoData.snapshot(List.of(AlarmDemoData.takenWithVideoChecked(now))));
    waitFor("the queue", () -> table.getItems().size() == 1);

    select(robot, "A-000101");

    assertThat(((Button) robot.lookup("#alarm-action-resolve").query()).isDisabled()).isTrue();
    assertThat(((Label) robot.lookup("#alarm-resolve-blocked").query()).getText()).contains("必做的处置步骤");
  }

  @Test
  void aStaleVersionSaysSomeoneElseChangedTheAlarm(FxRobot robot) throws TimeoutException {
    showPark();
    harness.failure = Status.FAILED_PRECONDITION.withDescription("A-000096 is ACKNOWLEDGED at version 2");
    select(robot, "A-000096");

    robot.type(KeyCode.A);

    waitFor("the refusal", () -> !((Label) robot.lookup("#" + AlarmDetailPane.ERROR_ID).query()).getText().isEmpty());
    assertThat(((Label) robot.lookup("#" + AlarmDetailPane.ERROR_ID).query()).getText()).contains("其他人已更改此报警");
  }

  @Test
  void selectingAnAlarmFocusesTheMapOnIt(FxRobot robot) throws TimeoutException {
    showPark();
    focused.clear();

    select(robot, "A-000094");

    waitFor("the focus", () -> !focused.isEmpty());
    assertThat(focused.get(focused.size() - 1).getAlarmId()).isEqualTo("A-000094");
  }

  @Test
  void aNewCriticalAlarmFlashesItsRowAsksForTheToneAndFocusesTheMapEvenWithoutASoundDevice()
      throws TimeoutException {
    showPark();
    int tones = harness.sound.requests();

    harness.store.apply(io.cordon.api.v1.AlarmBatch.newBuilder().setSeq(101).addAlarms(
        AlarmDemoData.alarm("A-000110", io.cordon.api.v1.AlarmType.ALARM_TYPE_FORBIDDEN_ZONE,
            io.cordon.api.v1.AlarmSeverity.ALARM_SEVERITY_CRITICAL, io.cordon.api.v1.ZoneClass.ZONE_CLASS_CORE,
            "Z-CORE-1", now).build()).build());

    waitFor("the new alarm", () -> shownIds().contains("A-000110"));
    assertThat(harness.view.flashing()).contains("A-000110");
    assertThat(harness.sound.requests()).isEqualTo(tones + 1);
    assertThat(harness.view.focusedProperty().get().getAlarmId()).isEqualTo("A-000110");
  }

  @Test
  void aStormOfTenThousandAlarmsRendersFewRowNodesAndStaysUsable(FxRobot robot) throws TimeoutException {
    List<Alarm> storm = AlarmDemoData.storm(10_000, now);
    for (int i = 0; i < storm.size(); i += 100) { // as the watch stream delivers it: many small batches
      harness.store.apply(io.cordon.api.v1.AlarmBatch.newBuilder().setSeq(i + 1)
          .addAllAlarms(storm.subList(i, i + 100)).build());
    }

    waitFor("the storm in the queue", () -> table.getItems().size() == 10_000);
    assertThat(table.getItems().get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(table.getItems().get(0).zoneClass()).isEqualTo(io.cordon.domain.park.ZoneClass.CORE);
    assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class)).hasSizeLessThan(100);

    String first = table.getItems().get(0).id();
    select(robot, first);
    robot.type(KeyCode.DOWN, 3);
    waitFor("the selection to move", () -> table.getSelectionModel().getSelectedIndex() == 3);
    assertThat(((Label) robot.lookup("#alarm-count-critical").query()).getText()).isEqualTo("2502");
  }
}
