package io.cordon.video.wall;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.fixture.VideoFixture;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.stream.StreamState;
import io.cordon.video.tile.VideoTile;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Throwaway measurement, not a test: frames shown per second per tile and process CPU for 4 and 9
 * and 16 sub-stream tiles, time to first frame. Run on a real display (Xvfb), e.g.
 * {@code DISPLAY=:97 ./mvnw -o test -pl modules/video -Dtest=WallMeasurement -Dsurefire.extraArgLine=-Dcordon.video.measure=true}.
 */
@EnabledIfSystemProperty(named = "cordon.video.measure", matches = "true")
class WallMeasurement {
  private static final int SECONDS = 10;

  @Test
  void measureFourAndNineSubStreamTiles() throws Exception {
    FxToolkit.registerPrimaryStage();
    try (VideoFixture video = VideoFixture.startOrSkip()) {
      run(video, WallLayouts.GRID_2X2, 1280, 720, null);
      run(video, WallLayouts.GRID_3X3, 1920, 1080, "/tmp/video-wall-3x3.png");
      run(video, WallLayouts.GRID_4X4, 1920, 1080, null);
      alarmPopUp(video);
    }
  }

  /** A 3×3 wall playing 9 cameras; an alarm brings 4 other cameras into its alarm area: time to their pictures. */
  private void alarmPopUp(VideoFixture video) throws Exception {
    Stage stage = FxToolkit.registerStage(Stage::new);
    VideoWall wall = onFx(() -> {
      VideoWall w = new VideoWall(video.vlc, video.urls(), VideoTexts.of(Locale.SIMPLIFIED_CHINESE));
      w.setWallLayout(WallLayouts.GRID_3X3);
      for (int i = 0; i < 9; i++) {
        w.assign(i, VideoFixture.camera("CAM-" + (i + 1), "画面 " + (i + 1), "一般区"));
      }
      stage.setScene(new Scene(w, 1920, 1080));
      stage.show();
      return w;
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> wall.tiles().stream()
        .allMatch(t -> t.stateProperty().get() instanceof StreamState.Live)));
    Thread.sleep(2000);
    ConcurrentHashMap<Integer, Long> pictureMs = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    onFx(() -> {
      wall.showAlarm(List.of(VideoFixture.camera("CAM-A1", "报警 1", "核心区"), VideoFixture.camera("CAM-A2", "报警 2", "核心区"),
          VideoFixture.camera("CAM-A3", "报警 3", "核心区"), VideoFixture.camera("CAM-A4", "报警 4", "核心区")));
      for (int i = 0; i < 4; i++) {
        int cell = i;
        VideoTile tile = wall.tileAt(i).orElseThrow();
        tile.stateProperty().addListener((obs, old, now) -> {
          if (now instanceof StreamState.Live) {
            pictureMs.putIfAbsent(cell, (System.nanoTime() - t0) / 1_000_000);
          }
        });
      }
      return null;
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pictureMs.size() == 4);
    System.out.printf(Locale.ROOT, "MEASURE alarm pop-up on a live 3x3 wall: the 4 alarm cameras' first pictures after %s ms%n",
        new java.util.TreeMap<>(pictureMs).values());
    onFx(() -> {
      wall.closeAlarm();
      wall.close();
      stage.close();
      return null;
    });
  }

  private void run(VideoFixture video, WallLayout layout, int width, int height, String screenshot) throws Exception {
    Stage stage = FxToolkit.registerStage(Stage::new);
    int n = layout.tileCount();
    String[] names = {"1号门 入口", "2号门 出口", "3号门 危化品专用", "罐区 东侧", "罐区 西侧", "装卸站 3", "污水处理站", "应急门", "周界 北段"};
    String[] zones = {"一般区", "一般区", "重点区", "核心区", "核心区", "重点区", "一般区", "一般区", "周界"};
    ConcurrentHashMap<Integer, Long> firstFrameMs = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    VideoWall wall = onFx(() -> {
      VideoWall w = new VideoWall(video.vlc, video.urls(), VideoTexts.of(Locale.SIMPLIFIED_CHINESE));
      w.setWallLayout(layout);
      for (int i = 0; i < n; i++) {
        WallCamera cam = VideoFixture.camera("CAM-" + (i + 1), names[i % names.length], zones[i % zones.length]);
        w.assign(i, cam);
      }
      stage.setScene(new Scene(w, width, height));
      stage.setX(0);
      stage.setY(0);
      stage.show();
      for (int i = 0; i < n; i++) {
        int cell = i;
        VideoTile tile = w.tileAt(i).orElseThrow();
        tile.stateProperty().addListener((obs, old, now) -> {
          if (now instanceof StreamState.Live) {
            firstFrameMs.putIfAbsent(cell, (System.nanoTime() - t0) / 1_000_000);
          } else {
            System.out.println("tile " + cell + " -> " + now);
          }
        });
      }
      return w;
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> firstFrameMs.size() == n);
    Thread.sleep(2000);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Long> framesBefore = onFx(() -> frames(wall));
    List<Long> decodedBefore = onFx(() -> decoded(wall));
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    Thread.sleep(SECONDS * 1000L);
    List<Long> framesAfter = onFx(() -> frames(wall));
    List<Long> decodedAfter = onFx(() -> decoded(wall));
    double decodedSum = 0;
    for (int i = 0; i < decodedAfter.size(); i++) {
      decodedSum += decodedAfter.get(i) - decodedBefore.get(i);
    }
    double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double elapsed = (System.nanoTime() - wallBefore) / 1e9;
    List<String> fps = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double f = (framesAfter.get(i) - framesBefore.get(i)) / elapsed;
      sum += f;
      fps.add(String.format(Locale.ROOT, "%.1f", f));
    }
    System.out.printf(Locale.ROOT, "MEASURE %d tiles: pictures from libVLC per tile %.1f/s (mean)%n", n,
        decodedSum / n / elapsed);
    System.out.printf(Locale.ROOT, "MEASURE %d tiles (%s, %dx%d): fps per tile %s (mean %.1f); process CPU %.0f%% of one core"
        + " = %.0f%% of %d cores; first frame after %s ms; load average %.2f; profiles %s%n",
        n, layout.name(), width, height, fps, sum / n, 100 * cpuSeconds / elapsed,
        100 * cpuSeconds / elapsed / os.getAvailableProcessors(), os.getAvailableProcessors(),
        new java.util.TreeMap<>(firstFrameMs).values(), os.getSystemLoadAverage(),
        onFx(() -> wall.tiles().stream().map(t -> t.playingProfileProperty().get().name()).toList()));
    if (screenshot != null) {
      Process p = new ProcessBuilder("import", "-window", "root", screenshot).inheritIO().start();
      p.waitFor(20, TimeUnit.SECONDS);
      System.out.println("MEASURE screenshot " + screenshot);
    }
    onFx(() -> {
      wall.close();
      stage.close();
      return null;
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> video.vlc.playersReleased() == video.vlc.playersCreated());
  }

  private static List<Long> decoded(VideoWall wall) {
    return wall.tiles().stream().map(VideoTile::framesDecoded).toList();
  }

  private static List<Long> frames(VideoWall wall) {
    return wall.tiles().stream().map(VideoTile::framesShown).toList();
  }

  private static <T> T onFx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
  }
}
