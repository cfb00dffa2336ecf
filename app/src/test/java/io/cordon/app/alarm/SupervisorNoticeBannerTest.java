package io.cordon.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SubjectRef;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.alarm.AlarmRow;
import io.cordon.client.alarm.SupervisorNotices;
import io.cordon.client.auth.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Escalations and skipped SOP steps reach a supervisor as a red notice with the louder tone, over
 * the real alarm queue (headless Monocle); an operator's workstation stays quiet.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorNoticeBannerTest {
  private final Instant now = Instant.now();
  private AlarmQueueHarness harness;
  private SupervisorNotices supervisorNotices;
  private SupervisorNotices operatorNotices;
  private SupervisorNoticeBanner supervisorBanner;
  private SupervisorNoticeBanner operatorBanner;

  @Start
  void start(Stage stage) {
    I18n i18n = new I18n(I18n.CHINESE);
    harness = new AlarmQueueHarness(i18n, Clock.systemUTC());
    supervisorNotices = new SupervisorNotices(
        new Session("supervisor", "值班长", List.of(Role.ROLE_SUPERVISOR)), Clock.systemUTC());
    operatorNotices = new SupervisorNotices(harness.session, Clock.systemUTC());
    supervisorBanner = new SupervisorNoticeBanner(supervisorNotices, i18n, harness.sound, harness.view::select);
    operatorBanner = new SupervisorNoticeBanner(operatorNotices, i18n, harness.sound, harness.view::select);
    operatorBanner.root().setId("operator-notice");
    VBox root = new VBox(supervisorBanner.root(), operatorBanner.root(), harness.view.root());
    Scene scene = new Scene(root, 1240, 760);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void showPark() throws TimeoutException {
    harness.store.apply(AlarmDemoData.snapshot(AlarmDemoData.park(now)));
    waitFor("the queue", () -> harness.view.table().getItems().size() == 10);
  }

  private Event event(String type, String alarmId, String by, String note) {
    Event.Builder event = Event.newBuilder()
        .setSeq(500)
        .setType(type)
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
        .addSubjects(SubjectRef.newBuilder().setKind("alarm").setId(alarmId))
        .putAttributes("alarm_id", alarmId)
        .putAttributes("type", "TAILGATING")
        .putAttributes("severity", "MAJOR")
        .putAttributes("by", by)
        .setSummary("server words");
    if (!note.isEmpty()) {
      event.putAttributes("note", note);
    }
    return event.build();
  }

  /** What the feed does: hands every listener the same batch on the FX thread. */
  private void arrive(FxRobot robot, Event event) {
    robot.interact(() -> {
      supervisorNotices.onEvents(List.of(event));
      operatorNotices.onEvents(List.of(event));
    });
  }

  private Button banner(FxRobot robot) {
    return robot.lookup("#" + SupervisorNoticeBanner.ID).queryAs(Button.class);
  }

  @Test
  void anEscalationShowsARedNoticeWithTheAlarmAndSoundsTheToneOnce(FxRobot robot) throws TimeoutException {
    showPark();
    int tones = harness.sound.requests();

    arrive(robot, event("alarm.escalate", "A-000094", "system", ""));

    waitFor("the notice", () -> banner(robot).isVisible());
    assertThat(banner(robot).getText()).contains("A-000094").contains("尾随").contains("升级至值班长");
    assertThat(banner(robot).getStyleClass()).contains(SupervisorNoticeBanner.STYLE);
    assertThat(harness.sound.requests()).isEqualTo(tones + 1);
  }

  @Test
  void aSkippedStepShowsWhoSkippedItAndWhy(FxRobot robot) throws TimeoutException {
    arrive(robot, event("alarm.sop_skip", "A-000094", "operator", "现场已有消防人员"));

    waitFor("the notice", () -> banner(robot).isVisible());
    assertThat(banner(robot).getText()).contains("A-000094 尾随 跳过处置步骤（operator）：现场已有消防人员");
  }

  @Test
  void clickingTheNoticeSelectsItsAlarmInTheQueueAndClearsIt(FxRobot robot) throws TimeoutException {
    showPark();
    arrive(robot, event("alarm.escalate", "A-000094", "system", ""));
    waitFor("the notice", () -> banner(robot).isVisible());

    robot.clickOn("#" + SupervisorNoticeBanner.ID);

    waitFor("the alarm selected", () -> harness.detail.alarmProperty().get() != null
        && harness.detail.alarmProperty().get().getAlarmId().equals("A-000094"));
    AlarmRow selected = harness.view.table().getSelectionModel().getSelectedItem();
    assertThat(selected).isNotNull();
    assertThat(selected.id()).isEqualTo("A-000094");
    assertThat(banner(robot).isVisible()).isFalse();
  }

  @Test
  void laterNoticesAreCountedOnTheBanner(FxRobot robot) throws TimeoutException {
    arrive(robot, event("alarm.escalate", "A-000094", "system", ""));
    arrive(robot, event("alarm.escalate", "A-000097", "system", ""));

    waitFor("the second notice", () -> banner(robot).getText().contains("A-000097"));
    assertThat(banner(robot).getText()).contains("另有 1 条");
  }

  @Test
  void anOperatorGetsNoNoticeAndNoTone(FxRobot robot) {
    int tones = harness.sound.requests();

    robot.interact(() -> operatorNotices.onEvents(List.of(event("alarm.escalate", "A-000094", "system", ""),
        event("alarm.sop_skip", "A-000094", "operator", "reason"))));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#operator-notice").queryAs(Button.class).isVisible()).isFalse();
    assertThat(harness.sound.requests()).isEqualTo(tones);
  }
}
