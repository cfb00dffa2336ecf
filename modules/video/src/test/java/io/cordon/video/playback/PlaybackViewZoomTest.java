package io.cordon.video.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.fixture.MissingVlc;
import io.cordon.video.vlc.VlcRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playback view's day bar: the wheel zooms around the pointer, a drag on the recorded strip pans. */
@ExtendWith(ApplicationExtension.class)
class PlaybackViewZoomTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private VlcRuntime vlc;
  private PlaybackView view;

  @Start
  void start(Stage stage) {
    vlc = MissingVlc.runtime();
    view = new PlaybackView(vlc, (camera, from) -> new CompletableFuture<>(),
        (camera, profile) -> new CompletableFuture<>(),
        (camera, from, to) -> CompletableFuture.completedFuture(List.<RecordedRange>of()),
        VideoTexts.of(Locale.SIMPLIFIED_CHINESE), SHANGHAI);
    stage.setScene(new Scene(view, 1000, 400));
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    PlaybackPlayerTest.onFx(() -> {
      view.close();
      return null;
    });
    vlc.close();
  }

  /**
   * Wheel notches over the bar at scene point ({@code x}, {@code y}); positive turns it away from the operator. Fired
   * as events: the headless robot's wheel direction differs between platforms.
   */
  private void wheel(Node target, int notches, double x, double y) throws Exception {
    PlaybackPlayerTest.onFx(() -> {
      for (int i = 0; i < Math.abs(notches); i++) {
        Point2D screen = target.getScene().getRoot().localToScreen(x, y);
        double dy = Math.signum(notches) * 40;
        Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, false,
            false, false, false, false, 0, dy, 0, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
            ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
      }
      return null;
    });
  }

  private TimeWindow shown() throws Exception {
    return PlaybackPlayerTest.onFx(view::shownWindow);
  }

  @Test
  void theWheelZoomsAroundThePointerAndADragOnTheRecordedStripPans(FxRobot robot) throws Exception {
    TimeWindow day = TimeWindow.day(LocalDate.now(SHANGHAI), SHANGHAI);
    Node bar = robot.lookup("#playback-time-bar").query();
    Node strip = robot.lookup("#playback-recorded").query();
    Bounds b = bar.localToScreen(bar.getBoundsInLocal());
    Bounds inScene = bar.localToScene(bar.getBoundsInLocal());
    double x = b.getMinX() + 8 + (b.getWidth() - 16) * 0.25; // a quarter into the day: 06:00
    double sceneX = inScene.getMinX() + 8 + (inScene.getWidth() - 16) * 0.25;
    double sceneY = inScene.getMinY() + 5;
    Instant underPointer = day.at(0.25);
    assertThat(shown()).isEqualTo(day);

    wheel(strip, 3, sceneX, sceneY);

    TimeWindow zoomed = shown();
    assertThat(zoomed.length()).as("three notches in").isLessThan(day.length().dividedBy(3));
    assertThat(Duration.between(underPointer, zoomed.at(0.25)).abs())
        .as("06:00 stays under the pointer").isLessThanOrEqualTo(Duration.ofMinutes(1));

    robot.drag(x, b.getMinY() + 5, MouseButton.PRIMARY).dropBy(-(b.getWidth() - 16) / 4, 0);
    WaitForAsyncUtils.waitForFxEvents();

    TimeWindow panned = shown();
    assertThat(panned.length()).isEqualTo(zoomed.length());
    assertThat(Duration.between(zoomed.start(), panned.start()))
        .as("dragged left by a quarter of the bar: a quarter of the window later")
        .isBetween(zoomed.length().dividedBy(4).minusMinutes(5), zoomed.length().dividedBy(4).plusMinutes(5));

    wheel(strip, -20, sceneX, sceneY);
    assertThat(shown()).as("zoomed out no further than the day").isEqualTo(day);

    wheel(strip, 3, sceneX, sceneY);
    assertThat(shown()).isNotEqualTo(day);
    robot.doubleClickOn(strip);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).as("a double click shows the whole day").isEqualTo(day);
    assertThat(PlaybackPlayerTest.onFx(() -> ((Tooltip) bar.getProperties().get("javafx.scene.control.Tooltip"))
        .getText())).isEqualTo("滚轮缩放时间条，拖动绿色录像条平移，双击恢复全天");
  }
}
