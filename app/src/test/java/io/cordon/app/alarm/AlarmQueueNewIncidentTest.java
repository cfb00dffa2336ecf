package io.cordon.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "新建事件…" on the alarm queue's rows (issue 9): the selected alarm goes to the incidents. */
@ExtendWith(ApplicationExtension.class)
class AlarmQueueNewIncidentTest {
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private AlarmQueueHarness harness;
  private MenuItem item;

  @Start
  void start(Stage stage) {
    harness = new AlarmQueueHarness(new I18n(I18n.CHINESE), Clock.systemUTC());
    harness.view.addRowMenuItem("incident.action.newFromAlarm", "alarm-new-incident", asked::add);
    item = harness.view.table().getContextMenu().getItems().get(0);
    Scene scene = new Scene((javafx.scene.Parent) harness.view.root(), 1240, 760);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void theItemWaitsForAnAlarmAndHandsOverTheSelectedOne(FxRobot robot) throws Exception {
    assertThat(item.getText()).isEqualTo("新建事件…");
    assertThat(item.isDisable()).isTrue();
    harness.store.apply(AlarmDemoData.snapshot(AlarmDemoData.park(Instant.now())));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !harness.view.table().getItems().isEmpty());
    String first = harness.view.table().getItems().get(0).id();

    robot.interact(() -> harness.view.select(first));
    robot.interact(item::fire);

    assertThat(item.isDisable()).isFalse();
    assertThat(asked).containsExactly(first);
  }
}
