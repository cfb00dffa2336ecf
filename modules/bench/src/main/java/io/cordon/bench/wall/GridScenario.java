package io.cordon.bench.wall;

import io.cordon.video.VideoTexts;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.tile.VideoTile;
import io.cordon.video.vlc.VlcRuntime;
import io.cordon.video.wall.VideoWall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario a: a wall of N tiles, each on its own camera (while there are enough), opened at once with no
 * pull running; then, after a warm-up, pictures per second each tile got from libVLC and showed, and CPU.
 */
final class GridScenario {
  private static final Duration ALL_LIVE_WITHIN = Duration.ofSeconds(30);
  private static final Duration RELEASED_WITHIN = Duration.ofSeconds(20);

  /** What one layout measured; per-tile arrays are in cell order. */
  record Result(String layout, int tiles, List<String> profiles, double[] decodedPerSecond, double[] shownPerSecond,
      double pulsesPerSecond, CpuMeter.Use cpu, List<Double> firstPictureMillis, int interruptions) {
  }

  private final FxStage stage;
  private final CameraFarm farm;
  private final VlcRuntime vlc;
  private final WallBenchSettings settings;

  GridScenario(FxStage stage, CameraFarm farm, VlcRuntime vlc, WallBenchSettings settings) {
    this.stage = stage;
    this.farm = farm;
    this.vlc = vlc;
    this.settings = settings;
  }

  Result run(int tiles) throws Exception {
    // every tile opens cold: the pulls of the previous layout have lingered out
    Await.until(farm.linger().plusSeconds(10), () -> !farm.pullsAny());
    WallLayout layout = WallLayouts.smallestGridFor(tiles);
    long opened = System.nanoTime();
    List<TileWatch> watches = new ArrayList<>();
    VideoWall wall = FxStage.onFx(() -> {
      VideoWall w = new VideoWall(vlc, farm.urls(), VideoTexts.of(Locale.SIMPLIFIED_CHINESE));
      w.setWallLayout(layout);
      for (int i = 0; i < tiles; i++) {
        w.assign(i, farm.wallCamera(i));
      }
      stage.show(w);
      w.tiles().forEach(t -> watches.add(TileWatch.attach(t, opened)));
      return w;
    });
    try {
      Await.until(ALL_LIVE_WITHIN, () -> watches.stream().allMatch(TileWatch::live));
      Thread.sleep(TimeUnit.SECONDS.toMillis(settings.warmupSeconds()));
      PulseCounter pulses = new PulseCounter();
      Counters before = FxStage.onFx(() -> {
        pulses.start();
        return Counters.of(wall);
      });
      CpuMeter.Sample cpuBefore = CpuMeter.sample();
      Thread.sleep(TimeUnit.SECONDS.toMillis(settings.seconds()));
      Counters after = FxStage.onFx(() -> {
        pulses.stop();
        return Counters.of(wall);
      });
      CpuMeter.Use cpu = CpuMeter.between(cpuBefore, CpuMeter.sample());
      List<String> profiles = FxStage.onFx(() -> wall.tiles().stream()
          .map(t -> t.playingProfileProperty().get() == null ? "-" : t.playingProfileProperty().get().name()).toList());
      if (tiles == WallBenchSettings.ALARM_WALL_TILES && settings.screenshot().isPresent()) {
        Screenshot.ofDisplay(settings.screenshot().get());
      }
      double seconds = (after.nanos() - before.nanos()) / 1e9;
      return new Result(layout.name(), tiles, profiles, rates(before.decoded(), after.decoded(), seconds),
          rates(before.shown(), after.shown(), seconds), pulses.pulses() / seconds, cpu,
          watches.stream().map(TileWatch::firstPictureMillis).toList(),
          watches.stream().mapToInt(TileWatch::interruptions).sum());
    } finally {
      FxStage.onFx(() -> {
        wall.close();
        stage.clear();
        return null;
      });
      Await.until(RELEASED_WITHIN, () -> vlc.playersReleased() == vlc.playersCreated());
    }
  }

  /** Pictures handed over by libVLC and pictures shown, per tile, read on the FX thread at {@code nanos}. */
  private record Counters(long nanos, long[] decoded, long[] shown) {
    static Counters of(VideoWall wall) {
      List<VideoTile> tiles = wall.tiles();
      Counters c = new Counters(System.nanoTime(), new long[tiles.size()], new long[tiles.size()]);
      for (int i = 0; i < tiles.size(); i++) {
        c.decoded[i] = tiles.get(i).framesDecoded();
        c.shown[i] = tiles.get(i).framesShown();
      }
      return c;
    }
  }

  /** Per-second rates; a tile whose player was replaced in between (counter restarted) counts from zero. */
  private static double[] rates(long[] before, long[] after, double seconds) {
    double[] rates = new double[after.length];
    for (int i = 0; i < after.length; i++) {
      long delta = after[i] >= before[i] ? after[i] - before[i] : after[i];
      rates[i] = delta / seconds;
    }
    return rates;
  }
}
