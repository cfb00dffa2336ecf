package io.cordon.app.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.track.ReplayEvent;
import io.cordon.map.MapAction;
import io.cordon.map.MapFeature;
import io.cordon.map.ParkMapView;
import io.cordon.map.interact.FeatureIndex;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The vehicle panel and the trajectory replay as an operator opens and uses them (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class VehicleTrackingTest {
  private final TrackDemoBackend backend = new TrackDemoBackend();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private ParkMapView map;
  private VehicleTracking tracking;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(TrackDemoBackend.PARK);
    tracking = new VehicleTracking(backend.client, new SimpleObjectProperty<>(TrackDemoBackend.PARK),
        new I18n(I18n.CHINESE), timer, Platform::runLater, Clock.systemUTC());
    tracking.install(map);
    Scene scene = new Scene(map, 900, 700);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    Platform.runLater(tracking::close);
    WaitForAsyncUtils.waitForFxEvents();
    timer.shutdownNow();
    backend.close();
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private MapFeature tanker() {
    return FeatureIndex.vehicle(TrackDemoBackend.PLATE, TrackDemoBackend.ROAD.line().getCoordinateN(0).x,
        TrackDemoBackend.ROAD.line().getCoordinateN(0).y);
  }

  private static List<String> texts(FxRobot robot, String query) {
    return robot.lookup(query).queryAll().stream().filter(n -> n instanceof Label)
        .map(n -> ((Label) n).getText()).toList();
  }

  @Test
  void clickingAVehicleOnTheMapOpensItsPanelWithGoodsPeopleAndViolations(FxRobot robot) throws TimeoutException {
    robot.interact(() -> map.state().selectionProperty().set(tanker()));

    waitFor("the panel", () -> tracking.panelViewModel() != null && tracking.panelViewModel().loadedProperty().get());
    assertThat(robot.lookup("#" + VehiclePanel.PLATE_ID).queryAs(Label.class).getText()).isEqualTo("苏E12345");
    assertThat(texts(robot, "#" + VehiclePanel.GOODS_ID + " .label")).containsExactly("UN1203 汽油 3类 28.5 t");
    assertThat(texts(robot, "#" + VehiclePanel.VIOLATIONS_ID + " .label")).contains("超速",
        String.format("车速 %.0f km/h，限速 %.0f km/h", TrackDemoBackend.LIMIT + 22, TrackDemoBackend.LIMIT));
    assertThat(texts(robot, "#" + VehiclePanel.ID + " .label")).contains("王建国 13800001111", "李明 13900002222",
        "默认专用道路", "危险物品运输车辆");
  }

  @Test
  void aVehiclesMenuOffersItsPanelAndItsReplay() {
    List<MapAction> actions = map.state().actionsProperty().get().apply(tanker());

    assertThat(actions).extracting(MapAction::text).startsWith("车辆信息", "轨迹回放");
  }

  @Test
  void theReplayShowsTheTrackOnTheMapAndTheEventsAlongIt(FxRobot robot) throws TimeoutException {
    robot.interact(() -> tracking.showReplay(TrackDemoBackend.PLATE));

    waitFor("the events", () -> robot.lookup("#" + ReplayView.EVENTS_ID).tryQuery().isPresent()
        && tracking.replayView().viewModel().events().size() == 3);
    ParkMapView replayMap = tracking.replayView().map();
    assertThat(replayMap.state().replay().pathProperty().get().fixes()).hasSize(40);
    assertThat(replayMap.state().replay().markers()).hasSize(3);
    assertThat(replayMap.state().replay().cursorProperty().get()).isNotNull();
    assertThat(backend.trajectoryRequests).singleElement()
        .satisfies(r -> assertThat(r.getTo().getSeconds() - r.getFrom().getSeconds()).isEqualTo(3600));
  }

  @Test
  void clickingAnEventPutsTheCursorThere(FxRobot robot) throws TimeoutException {
    robot.interact(() -> tracking.showReplay(TrackDemoBackend.PLATE));
    waitFor("the events", () -> tracking.replayView() != null && tracking.replayView().viewModel().events().size() == 3);
    ReplayEvent overspeed = tracking.replayView().viewModel().events().get(1);

    Node cell = robot.lookup("#" + ReplayView.EVENTS_ID + " .list-cell").queryAll().stream()
        .filter(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().contains("超速 ")).findFirst()
        .orElseThrow();
    robot.clickOn(cell);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(tracking.replayView().viewModel().cursorProperty().get()).isEqualTo(overspeed.time());
    assertThat(tracking.replayView().map().state().replay().currentMarkerProperty().get()).isEqualTo(1);
    assertThat(robot.lookup("#" + ReplayView.CURSOR_ID).queryAs(Label.class).getText()).contains("限速");
  }

  @Test
  void playPausesAndTheSpeedCanBeChosen(FxRobot robot) throws TimeoutException {
    robot.interact(() -> tracking.showReplay(TrackDemoBackend.PLATE));
    waitFor("the track", () -> tracking.replayView() != null
        && tracking.replayView().viewModel().trackProperty().get().size() == 40);
    Button play = robot.lookup("#" + ReplayView.PLAY_ID).queryButton();

    robot.interact(() -> robot.lookup("#" + ReplayView.SPEED_ID).queryAs(ComboBox.class).setValue(16));
    robot.clickOn(play);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tracking.replayView().viewModel().speedProperty().get()).isEqualTo(16);
    assertThat(tracking.replayView().viewModel().playingProperty().get()).isTrue();
    assertThat(play.getText()).isEqualTo("暂停");

    robot.clickOn(play);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tracking.replayView().viewModel().playingProperty().get()).isFalse();
    assertThat(play.getText()).isEqualTo("播放");
  }

  @Test
  void aRangeEndingBeforeItStartsCannotBeLoaded(FxRobot robot) throws TimeoutException {
    robot.interact(() -> tracking.showReplay(""));
    waitFor("the replay", () -> robot.lookup("#" + ReplayView.LOAD_ID).tryQuery().isPresent());

    robot.interact(() -> {
      tracking.replayView().viewModel().plateProperty().set(TrackDemoBackend.PLATE);
      tracking.replayView().viewModel().toProperty().set(
          tracking.replayView().viewModel().fromProperty().get().minusSeconds(60));
    });

    assertThat(robot.lookup("#" + ReplayView.LOAD_ID).queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("#" + ReplayView.MESSAGE_ID).queryAs(Label.class).getText())
        .isEqualTo("结束时间必须晚于开始时间");
  }
}
