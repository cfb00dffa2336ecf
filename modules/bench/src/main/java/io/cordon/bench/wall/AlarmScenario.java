package io.cordon.bench.wall;

import io.cordon.video.VideoTexts;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.vlc.VlcRuntime;
import io.cordon.video.wall.VideoWall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario b, alarm linkage: on a live 3×3 wall, {@code showAlarm} with 4 cameras that are not on it, and the
 * time from that call to each alarm tile's first picture. Each round shows 4 cameras the relay does not pull
 * (cold: ffmpeg must connect first), then, with a background viewer keeping the relay pulling them, the same
 * 4 again (warm: in the relay's standby set, it hands over its cached GOP at once). The alarm is closed between shows and the
 * wall is live again before the next one.
 */
final class AlarmScenario {
  private static final Duration LIVE_WITHIN = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofSeconds(2);

  /** One alarm shown: which cameras, cold or warm, and each alarm tile's time to its first picture. */
  record Show(int round, boolean warm, List<String> cameras, List<Double> firstPictureMillis) {
  }

  private final FxStage stage;
  private final CameraFarm farm;
  private final VlcRuntime vlc;
  private int nextSpare;

  AlarmScenario(FxStage stage, CameraFarm farm, VlcRuntime vlc) {
    this.stage = stage;
    this.farm = farm;
    this.vlc = vlc;
  }

  List<Show> run(int rounds) throws Exception {
    VideoWall wall = FxStage.onFx(() -> {
      VideoWall w = new VideoWall(vlc, farm.urls(), VideoTexts.of(Locale.SIMPLIFIED_CHINESE));
      w.setWallLayout(WallLayouts.GRID_3X3);
      for (int i = 0; i < WallBenchSettings.ALARM_WALL_TILES; i++) {
        w.assign(i, farm.wallCamera(i));
      }
      stage.show(w);
      return w;
    });
    List<Show> shows = new ArrayList<>();
    try {
      awaitLiveWall(wall);
      for (int round = 1; round <= rounds; round++) {
        List<Integer> cold = unpulledCameras();
        shows.add(show(wall, round, false, cold));
        keepWarm(cold);
        try {
          closeAlarm(wall);
          shows.add(show(wall, round, true, cold));
          closeAlarm(wall);
        } finally {
          farm.standby(List.of());
        }
      }
      return shows;
    } finally {
      FxStage.onFx(() -> {
        wall.close();
        stage.clear();
        return null;
      });
    }
  }

  private Show show(VideoWall wall, int round, boolean warm, List<Integer> cameras) throws Exception {
    List<WallCamera> alarmCameras = cameras.stream().map(farm::wallCamera).toList();
    List<TileWatch> watches = FxStage.onFx(() -> {
      long called = System.nanoTime();
      wall.showAlarm(alarmCameras);
      List<TileWatch> w = new ArrayList<>();
      for (int cell = 0; cell < alarmCameras.size(); cell++) {
        w.add(TileWatch.attach(wall.tileAt(cell).orElseThrow(), called));
      }
      return w;
    });
    Await.until(LIVE_WITHIN, () -> watches.stream().allMatch(TileWatch::live));
    return new Show(round, warm, alarmCameras.stream().map(c -> c.id().value()).toList(),
        watches.stream().map(TileWatch::firstPictureMillis).toList());
  }

  /** Closes the pop-up and waits until the restored 3×3 wall shows pictures on every tile again. */
  private void closeAlarm(VideoWall wall) throws Exception {
    FxStage.onFx(() -> {
      wall.closeAlarm();
      return null;
    });
    awaitLiveWall(wall);
  }

  private void awaitLiveWall(VideoWall wall) throws Exception {
    List<TileWatch> watches = FxStage.onFx(() -> wall.tiles().stream().map(t -> TileWatch.attach(t, 0)).toList());
    Await.until(LIVE_WITHIN, () -> watches.stream().allMatch(TileWatch::live));
    Thread.sleep(SETTLE.toMillis());
  }

  /**
   * 4 cameras not on the wall that the relay does not pull, taken in turn after the last ones used (so rounds
   * vary), waiting for earlier ones to linger out when there are not enough spare cameras.
   */
  private List<Integer> unpulledCameras() throws Exception {
    int spare = farm.size() - WallBenchSettings.ALARM_WALL_TILES;
    List<Integer> found = new ArrayList<>();
    Await.until(farm.linger().plusSeconds(15), () -> {
      found.clear();
      for (int k = 0; k < spare && found.size() < WallBenchSettings.ALARM_CAMERAS; k++) {
        int camera = WallBenchSettings.ALARM_WALL_TILES + (nextSpare + k) % spare;
        if (!farm.pulled(camera)) {
          found.add(camera);
        }
      }
      return found.size() == WallBenchSettings.ALARM_CAMERAS;
    });
    if (found.size() < WallBenchSettings.ALARM_CAMERAS) {
      throw new IllegalStateException("the relay still pulls the spare cameras after its linger");
    }
    nextSpare = (found.get(found.size() - 1) - WallBenchSettings.ALARM_WALL_TILES + 1) % spare;
    return List.copyOf(found);
  }

  /** Puts the cameras in the relay's standby set and waits until their pulls have data. */
  private void keepWarm(List<Integer> cameras) throws Exception {
    farm.standby(cameras);
    Await.until(Duration.ofSeconds(10), () -> cameras.stream().allMatch(farm::subStreamLive));
  }
}
