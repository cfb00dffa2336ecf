package io.cordon.bench.wall;

import io.cordon.video.vlc.VlcRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The video wall on the real path (issue 5 point 11): RTSP test cameras served by VLC, the media relay pulling
 * them with ffmpeg and handing them out on tickets, and a JavaFX {@code VideoWall} of vlcj tiles in a
 * 1920×1080 window on the X display. a) for each layout: pictures per second per tile from libVLC and shown,
 * CPU of this JVM and of the ffmpeg and vlc children, tile open to first picture; b) alarm pop-up on a live
 * 3×3 wall: {@code showAlarm} to each alarm tile's first picture, cold and warm.
 *
 * <p>Needs an X display (Xvfb is fine), libVLC, cvlc and ffmpeg. Arguments: see {@link WallBenchSettings}. Run:
 * {@code Xvfb :93 -screen 0 1920x1080x24 & DISPLAY=:93 ./mvnw -q -o -pl modules/bench exec:exec@wall
 * -Dbench.args="layouts=4,9,16 seconds=30 warmup=5"}.
 */
public final class WallBench {
  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;

  private WallBench() {
  }

  public static void main(String[] args) throws Exception {
    WallBenchSettings settings = WallBenchSettings.parse(args);
    String display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      fail("wall bench needs an X display and DISPLAY is not set: start one, e.g."
          + " `Xvfb :93 -screen 0 1920x1080x24 &` and run with DISPLAY=:93");
    }
    Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(display.indexOf(':') + 1).split("\\.")[0]);
    if (display.startsWith(":") && !Files.exists(socket)) {
      fail("wall bench: no X server listens on DISPLAY=" + display + " (no " + socket + "): start one, e.g. `Xvfb "
          + display + " -screen 0 1920x1080x24 &`");
    }
    VlcRuntime vlc = VlcRuntime.discover();
    if (!vlc.available()) {
      fail("wall bench needs libVLC (apt-get install vlc): " + vlc.unavailableDetail().orElse(""));
    }
    List<GridScenario.Result> grids = new ArrayList<>();
    List<AlarmScenario.Show> shows = new ArrayList<>();
    try (CameraFarm farm = CameraFarm.start(settings.cameraCount());
        FxStage stage = FxStage.open(WIDTH, HEIGHT, "Cordon wall bench")) {
      System.out.printf(Locale.ROOT, "wall bench: %d RTSP test cameras (cvlc, main 1280x720 + sub 640x360, 25 fps)"
              + " -> media relay (ffmpeg, tickets, %d s linger) -> VideoWall %dx%d on DISPLAY %s, prism.order=%s,"
              + " %d cores, load %s; warm-up %d s, measuring %d s per layout%n",
          farm.size(), farm.linger().toSeconds(), WIDTH, HEIGHT, display, System.getProperty("prism.order"),
          Runtime.getRuntime().availableProcessors(), loadAverage(), settings.warmupSeconds(), settings.seconds());
      System.out.println("CPU in % of all cores: JVM = the wall (JavaFX + libVLC decoding) and the relay, of which"
          + " FX = JavaFX application + render threads, relay = its pull and Netty threads (the rest is mostly libVLC);"
          + " ffmpeg = the relay's pulls; vlc = every test camera server; X = the X server of DISPLAY;"
          + " pulses/s = JavaFX pulses (no tile shows more);"
          + " reconnects = times a tile lost its stream after its first picture");
      if (!settings.layouts().isEmpty()) {
        GridScenario grid = new GridScenario(stage, farm, vlc, settings);
        WallReport.gridHeader();
        for (int tiles : settings.layouts()) {
          GridScenario.Result result = grid.run(tiles);
          grids.add(result);
          WallReport.grid(result);
        }
      }
      if (settings.rounds() > 0) {
        shows.addAll(new AlarmScenario(stage, farm, vlc).run(settings.rounds()));
        WallReport.alarm(shows);
      }
      WallReport.summary(grids, shows);
    } finally {
      vlc.close();
    }
    System.exit(0);
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }
}
