package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.Severity;
import io.cordon.map.LayerKind;
import io.cordon.map.ParkMapView;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AlarmLayerTest {
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(LivePark.park());
    map.state().alarms().setAll(
        new AlarmMarker("A1", Severity.CRITICAL, 118.82, 32.115, "周界入侵", 0),
        new AlarmMarker("A2", Severity.INFO, 118.81, 32.12, "设备上线", 0));
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private static AlarmLayer layer(FxRobot robot) {
    return (AlarmLayer) robot.lookup(".alarm-layer").query().getUserData();
  }

  private static void letPulsesRun() {
    WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void marksEveryActiveAlarm(FxRobot robot) {
    letPulsesRun();

    assertThat(layer(robot).drawnMarkerCount()).isEqualTo(2);
  }

  @Test
  void theAlarmsSwitchHidesTheMarkers(FxRobot robot) {
    letPulsesRun();

    robot.interact(() -> map.state().visibleProperty(LayerKind.ALARMS).set(false));
    letPulsesRun();

    assertThat(layer(robot).drawnMarkerCount()).isZero();
  }

  @Test
  void aHiddenLayerStopsRedrawing(FxRobot robot) {
    robot.interact(() -> map.state().visibleProperty(LayerKind.ALARMS).set(false));
    letPulsesRun();
    int before = layer(robot).redrawCount();

    letPulsesRun();

    assertThat(layer(robot).redrawCount()).isEqualTo(before);
  }

  @Test
  void severitiesTakeTheThemeColours(FxRobot robot) {
    letPulsesRun();

    assertThat(layer(robot).colourOf(Severity.CRITICAL)).isEqualTo(Color.web("#ff1744"));
    assertThat(layer(robot).colourOf(Severity.MAJOR)).isEqualTo(Color.web("#ff9100"));
    assertThat(layer(robot).colourOf(Severity.MINOR)).isEqualTo(Color.web("#ffea00"));
    assertThat(layer(robot).colourOf(Severity.INFO)).isEqualTo(Color.web("#448aff"));
  }

  @Test
  void aThemeOverridingTheLookedUpColourRecoloursTheMarkers(FxRobot robot) {
    robot.interact(() -> map.setStyle("-cordon-alarm-critical: #00ff00;"));
    letPulsesRun();

    assertThat(layer(robot).colourOf(Severity.CRITICAL)).isEqualTo(Color.web("#00ff00"));
  }

  @Test
  void criticalAlarmsPulseLargerAndFasterThanMinorOnesAndInfoIsSteady() {
    double criticalReach = 0;
    double minorReach = 0;
    for (long ms = 0; ms < 2000; ms += 10) {
      criticalReach = Math.max(criticalReach, AlarmLayer.Pulse.of(Severity.CRITICAL, ms * 1_000_000).ringRadius());
      minorReach = Math.max(minorReach, AlarmLayer.Pulse.of(Severity.MINOR, ms * 1_000_000).ringRadius());
      assertThat(AlarmLayer.Pulse.of(Severity.INFO, ms * 1_000_000).ringAlpha()).isZero();
    }
    assertThat(criticalReach).isGreaterThan(minorReach);
    assertThat(AlarmLayer.Pulse.of(Severity.CRITICAL, 0).dotRadius())
        .isGreaterThan(AlarmLayer.Pulse.of(Severity.MINOR, 0).dotRadius());
  }
}
