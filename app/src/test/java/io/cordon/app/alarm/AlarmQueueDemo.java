package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The alarm queue with fixture alarms in a window of its own, for screenshots under Xvfb (the
 * embedded server raises no alarms until the server side of issue 4 lands). Arguments: "storm" for
 * 10,000 alarms, "en" for English.
 */
public final class AlarmQueueDemo extends Application {
  private AlarmQueueHarness harness;

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    I18n i18n = new I18n(args.contains("en") ? Locale.ENGLISH : I18n.CHINESE);
    harness = new AlarmQueueHarness(i18n, Clock.systemUTC());
    Instant now = Instant.now();
    List<Alarm> alarms = new ArrayList<>(AlarmDemoData.park(now));
    alarms.set(0, AlarmDemoData.takenWithVideoChecked(now));
    alarms.add(AlarmDemoData.alarm("A-000103", io.cordon.api.v1.AlarmType.ALARM_TYPE_FORBIDDEN_ZONE,
        io.cordon.api.v1.AlarmSeverity.ALARM_SEVERITY_CRITICAL, io.cordon.api.v1.ZoneClass.ZONE_CLASS_CORE,
        "Z-CORE-1", now.minusSeconds(12)).setSourceKind("vehicle").setSourceId("苏E5H771挂").build());
    if (args.contains("storm")) {
      alarms.addAll(AlarmDemoData.storm(10_000, now));
    }
    BorderPane frame = new BorderPane((javafx.scene.Node) harness.view.root());
    Scene scene = new Scene(frame, 1920, 1080);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.setTitle("Cordon — " + i18n.get("view.alarms"));
    stage.show();
    harness.store.apply(AlarmDemoData.snapshot(alarms));
    // select the alarm in the middle of its procedure once the queue is sorted
    javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
    later.setOnFinished(e -> harness.queue.selectedAlarmIdProperty().set("A-000101"));
    later.play();
  }

  @Override
  public void stop() {
    harness.close();
    Platform.exit();
  }
}
