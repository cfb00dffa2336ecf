package io.cordon.video.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.RecordedRelay;
import io.cordon.video.fixture.VideoFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One camera's recording played through the real relay with real libVLC. */
@ExtendWith(ApplicationExtension.class)
class PlaybackPlayerTest {
  private static final WallCamera CAMERA = VideoFixture.camera(RecordedRelay.CAM_1, "1号门 入口", "一般区");
  @TempDir
  Path data;
  private VideoFixture video;
  private RecordedRelay recorded;
  private PlaybackPlayer player;

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 320, 180));
    stage.show();
  }

  @BeforeEach
  void startPlayer() throws Exception {
    video = VideoFixture.startOrSkip();
    recorded = RecordedRelay.startOrSkip(data);
    player = onFx(() -> new PlaybackPlayer(video.vlc, CAMERA, recorded.urls(), video.urls(), 640, 360));
  }

  @AfterEach
  void stop() throws Exception {
    if (player != null) {
      onFx(() -> {
        player.close();
        return null;
      });
    }
    if (recorded != null) {
      recorded.close();
    }
    if (video != null) {
      video.close();
    }
  }

  static <T> T onFx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
  }

  static void await(Duration timeout, BooleanSupplier onFx) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(onFx::getAsBoolean));
  }

  private Instant seekAndShow(Instant at) throws Exception {
    onFx(() -> {
      player.seek(at);
      return null;
    });
    await(Duration.ofSeconds(15), () -> player.position().isPresent());
    return onFx(() -> player.position().orElseThrow());
  }

  @Test
  void aSeekLandsWithinOneGopOfTheAskedInstant() throws Exception {
    Instant asked = recorded.start.plusMillis(12_400);

    Instant shown = seekAndShow(asked);

    Instant start = onFx(() -> player.recordingStart().orElseThrow());
    assertThat(start).as("the relay starts at the key frame at or before the instant")
        .isBetween(asked.minus(RecordedRelay.GOP), asked);
    assertThat(shown).as("the player's wall clock right after the first picture")
        .isBetween(asked.minus(RecordedRelay.GOP).minusMillis(100), asked.plusMillis(600));
  }

  @Test
  void theClockRunsOnWithThePictureInTrueWallTime() throws Exception {
    Instant asked = recorded.start.plusSeconds(3);
    Instant first = seekAndShow(asked);
    long before = System.nanoTime();
    Thread.sleep(2000);

    Instant later = onFx(() -> player.position().orElseThrow());

    Duration played = Duration.between(first, later);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - before);
    assertThat(played).isBetween(elapsed.minusMillis(800), elapsed.plusMillis(500));
  }

  @Test
  void atFourTimesTheSpeedTheRecordingAdvancesFasterThanRealTime() throws Exception {
    seekAndShow(recorded.start.plusSeconds(2));
    onFx(() -> {
      player.setRate(4);
      return null;
    });
    Thread.sleep(500);
    Instant from = onFx(() -> player.position().orElseThrow());
    long before = System.nanoTime();
    Thread.sleep(2000);

    Instant to = onFx(() -> player.position().orElseThrow());

    Duration elapsed = Duration.ofNanos(System.nanoTime() - before);
    assertThat(Duration.between(from, to)).isGreaterThan(elapsed.multipliedBy(2));
  }

  @Test
  void aFrameStepWhilePausedShowsTheNextPicture() throws Exception {
    seekAndShow(recorded.start.plusSeconds(5));
    onFx(() -> {
      player.setPaused(true);
      return null;
    });
    Thread.sleep(800);
    // by its pixels: the frame count also grows when libVLC hands its last picture over again while paused
    int[] pictureBefore = onFx(() -> player.surface().copyPicture().argb());
    Instant before = onFx(() -> player.position().orElseThrow());

    for (int i = 0; i < 5; i++) {
      onFx(() -> {
        player.stepFrame();
        return null;
      });
      Thread.sleep(150);
    }

    await(Duration.ofSeconds(15), () -> !Arrays.equals(player.surface().copyPicture().argb(), pictureBefore));
    assertThat(onFx(() -> player.mode())).isEqualTo(PlaybackMode.PAUSED);
    assertThat(onFx(() -> player.position().orElseThrow())).as("a stepped frame moves the position on")
        .isAfter(before);
  }

  @Test
  void backToLiveSwitchesToTheLiveStream() throws Exception {
    seekAndShow(recorded.start.plusSeconds(5));
    URI playing = onFx(() -> player.playingUrlProperty().get());
    long framesBefore = onFx(() -> player.surface().framesDecoded());

    onFx(() -> {
      player.goLive();
      return null;
    });

    await(Duration.ofSeconds(10), () -> player.mode() == PlaybackMode.LIVE);
    assertThat(playing.getPath()).startsWith("/playback/");
    assertThat(onFx(() -> player.playingUrlProperty().get())).isEqualTo(video.server.url("sub"));
    await(Duration.ofSeconds(10), () -> player.surface().framesDecoded() > framesBefore + 25);
    assertThat(onFx(() -> player.position().orElseThrow())).isCloseTo(Instant.now(), within());
  }

  private static org.assertj.core.data.TemporalUnitOffset within() {
    return new org.assertj.core.data.TemporalUnitWithinOffset(2, java.time.temporal.ChronoUnit.SECONDS);
  }

  @Test
  void seekingWhereNothingIsRecordedSaysSo() throws Exception {
    onFx(() -> {
      player.seek(recorded.start.plus(RecordedRelay.LENGTH).plusSeconds(3600));
      return null;
    });

    await(Duration.ofSeconds(10), () -> player.mode() == PlaybackMode.FAILED);
    assertThat(onFx(() -> player.problemProperty().get())).contains("404");
  }
}
