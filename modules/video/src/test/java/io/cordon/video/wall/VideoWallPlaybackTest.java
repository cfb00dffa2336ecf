package io.cordon.video.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.TileSnapshot;
import io.cordon.video.tile.VideoTile;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
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

/** The wall with real libVLC playing a real local HTTP MPEG-TS source. */
@ExtendWith(ApplicationExtension.class)
class VideoWallPlaybackTest {
  private static final List<WallCamera> CAMERAS = List.of(
      VideoFixture.camera("CAM-1", "1号门 入口", "一般区"), VideoFixture.camera("CAM-2", "2号门 出口", "一般区"),
      VideoFixture.camera("CAM-3", "罐区 东侧", "重点区"), VideoFixture.camera("CAM-4", "装卸站 3", "核心区"));
  private StackPane root;
  private VideoFixture video;
  private VideoWall wall;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    // 2×2 tiles of ~480×270 play the sub-stream; maximised (960×540) needs the main stream.
    stage.setScene(new Scene(root, 960, 540));
    stage.show();
  }

  @BeforeEach
  void startVideo() throws Exception {
    video = VideoFixture.startOrSkip();
    onFx(() -> {
      wall = new VideoWall(video.vlc, video.urls(), VideoTexts.of(Locale.ENGLISH));
      root.getChildren().setAll(wall);
      return null;
    });
  }

  @AfterEach
  void stopVideo() throws Exception {
    if (wall != null) {
      onFx(() -> {
        wall.close();
        return null;
      });
    }
    if (video != null) {
      video.close();
    }
  }

  private static <T> T onFx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
  }

  private static void await(Duration timeout, BooleanSupplier onFx) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(onFx::getAsBoolean));
  }

  private boolean live(int cell) {
    return wall.tileAt(cell).map(t -> t.stateProperty().get() instanceof StreamState.Live).orElse(false);
  }

  @Test
  void maximisingSwitchesToTheMainStreamAndBackWithoutTheImageGoingBlack() throws Exception {
    onFx(() -> {
      wall.assign(0, CAMERAS.get(0));
      return null;
    });
    await(Duration.ofSeconds(10), () -> live(0));
    VideoTile tile = onFx(() -> wall.tileAt(0).orElseThrow());
    assertThat(onFx(() -> tile.playingProfileProperty().get())).isEqualTo(VideoFixture.SUB);
    List<Double> brightness = new CopyOnWriteArrayList<>();
    Timeline sampler = onFx(() -> {
      Timeline t = new Timeline(new KeyFrame(javafx.util.Duration.millis(40),
          e -> brightness.add(meanBrightness(tile.pictureView().getImage()))));
      t.setCycleCount(Timeline.INDEFINITE);
      t.play();
      return t;
    });

    onFx(() -> {
      wall.toggleMaximised(0);
      return null;
    });
    await(Duration.ofSeconds(10), () -> VideoFixture.MAIN.equals(tile.playingProfileProperty().get()));
    Thread.sleep(500);
    onFx(() -> {
      wall.toggleMaximised(0);
      return null;
    });
    await(Duration.ofSeconds(10), () -> VideoFixture.SUB.equals(tile.playingProfileProperty().get()));
    Thread.sleep(500);
    onFx(() -> {
      sampler.stop();
      return null;
    });

    assertThat(brightness).hasSizeGreaterThan(20);
    // testsrc2 is bright and colourful; a black or missing picture has mean brightness ~0.
    assertThat(brightness).allSatisfy(b -> assertThat(b).isGreaterThan(0.15));
    await(Duration.ofSeconds(5), () -> video.vlc.playersReleased() == video.vlc.playersCreated() - 1);
  }

  /** Mean of r+g+b over a sparse grid of pixels, 0 (black or no image) to 1. */
  private static double meanBrightness(Image image) {
    if (image == null) {
      return 0;
    }
    PixelReader reader = image.getPixelReader();
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    double sum = 0;
    int n = 0;
    for (int y = h / 10; y < h; y += h / 10) {
      for (int x = w / 10; x < w; x += w / 10) {
        int argb = reader.getArgb(x, y);
        sum += (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / (3 * 255.0);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  @Test
  void twoHundredLayoutSwitchesReleaseEveryPlayerAndLeaveTheThreadCountFlat() throws Exception {
    for (int i = 0; i < CAMERAS.size(); i++) {
      int cell = i;
      onFx(() -> {
        wall.assign(cell, CAMERAS.get(cell));
        return null;
      });
    }
    await(Duration.ofSeconds(15), () -> live(0) && live(1) && live(2) && live(3));
    onFx(() -> {
      wall.setWallLayout(WallLayouts.SINGLE);
      return null;
    });
    await(Duration.ofSeconds(10), () -> video.vlc.playersReleased() == video.vlc.playersCreated() - 1);
    Thread.sleep(1000);
    int javaThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long nativeThreadsBefore = nativeThreads();

    for (int i = 0; i < 200; i++) {
      boolean single = i % 2 == 1;
      onFx(() -> {
        wall.setWallLayout(single ? WallLayouts.SINGLE : WallLayouts.GRID_2X2);
        return null;
      });
      Thread.sleep(25);
    }
    onFx(() -> {
      wall.setWallLayout(WallLayouts.SINGLE);
      return null;
    });
    await(Duration.ofSeconds(60), () -> video.vlc.playersReleased() == video.vlc.playersCreated() - 1);
    await(Duration.ofSeconds(10), () -> live(0));
    Thread.sleep(1000);

    int started = video.vlc.playersCreated();
    assertThat(started).as("players started during the switches").isGreaterThan(100);
    assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(javaThreadsBefore + 5);
    assertThat(nativeThreads()).isLessThanOrEqualTo(nativeThreadsBefore + 10);
    onFx(() -> {
      wall.close();
      return null;
    });
    await(Duration.ofSeconds(10), () -> video.vlc.playersReleased() == video.vlc.playersCreated());
  }

  /** All threads of this process, native ones included (Linux). */
  private static long nativeThreads() throws Exception {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.count();
    }
  }

  @Test
  void aSnapshotIsAPngWithCameraAndCaptureTimeInItsText(@TempDir Path dir) throws Exception {
    onFx(() -> {
      wall.assign(0, CAMERAS.get(2));
      return null;
    });
    await(Duration.ofSeconds(10), () -> live(0));
    Instant before = Instant.now().minusSeconds(1);
    Path png = onFx(() -> wall.snapshot(0, dir).orElseThrow());

    Map<String, String> text;
    try (InputStream in = Files.newInputStream(png)) {
      text = TileSnapshot.readText(in);
    }
    assertThat(text).containsEntry(TileSnapshot.KEY_CAMERA_ID, "CAM-3")
        .containsEntry(TileSnapshot.KEY_CAMERA_NAME, "罐区 东侧")
        .containsEntry(TileSnapshot.KEY_ZONE, "重点区");
    assertThat(Instant.parse(text.get(TileSnapshot.KEY_CAPTURED_AT))).isBetween(before, Instant.now());
    assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
  }
}
