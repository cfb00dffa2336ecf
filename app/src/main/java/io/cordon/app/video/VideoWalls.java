package io.cordon.app.video;

import io.cordon.app.alarm.AlarmVideoWall;
import io.cordon.app.i18n.I18n;
import io.cordon.client.layout.WindowBounds;
import io.cordon.client.layout.WorkstationLayout;
import io.cordon.client.video.VideoClient;
import io.cordon.domain.park.Park;
import io.cordon.video.vlc.VlcRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's video walls: the main one, docked in the main window (and detachable like any
 * view), and any number of walls in windows of their own — one per monitor of a video-wall screen,
 * each with its own layout, cameras, tour and alarm linkage. All of it is saved with the
 * workstation ({@link #settings()}) and the windows come back where they were.
 * An alarm goes to every wall whose alarm linkage is on.
 */
public final class VideoWalls implements AlarmVideoWall, AutoCloseable {
  /** How many walls have windows of their own. */
  public static final String COUNT = "video.walls";
  private static final Logger log = LoggerFactory.getLogger(VideoWalls.class);

  private final VlcRuntime vlc;
  private final VideoClient client;
  private final I18n i18n;
  private final Runnable onChange;
  private final CameraGroups groups;
  private final CustomLayouts layouts;
  private final VideoWallPanel main;
  private final List<WallWindow> windows = new ArrayList<>();
  private final WorkstationLayout saved;
  private Park park;
  private int lastNumber = 1;
  private java.util.function.Consumer<VideoWallPanel> playbackSetup = panel -> { };

  public VideoWalls(VlcRuntime vlc, VideoClient client, I18n i18n, WorkstationLayout saved, Runnable onChange) {
    this.vlc = vlc;
    this.client = client;
    this.i18n = i18n;
    this.onChange = onChange;
    this.saved = saved;
    this.groups = new CameraGroups(saved.setting(CameraGroups.SETTING));
    this.layouts = new CustomLayouts(saved.setting(CustomLayouts.SETTING));
    groups.list().addListener((javafx.collections.ListChangeListener<Object>) c -> onChange.run());
    layouts.list().addListener((javafx.collections.ListChangeListener<Object>) c -> onChange.run());
    this.main = new VideoWallPanel(vlc, client, i18n, groups, layouts, key -> saved.setting(prefix(1) + key),
        onChange);
  }

  /** Settings of wall {@code number} (1 = the main wall) start with this. */
  static String prefix(int number) {
    return number == 1 ? "video.wall." : "video.wall" + number + ".";
  }

  public VideoWallPanel main() {
    return main;
  }

  /** Every wall, the main one first. */
  public List<VideoWallPanel> all() {
    List<VideoWallPanel> all = new ArrayList<>();
    all.add(main);
    windows.forEach(w -> all.add(w.panel()));
    return all;
  }

  public CameraGroups groups() {
    return groups;
  }

  public CustomLayouts layouts() {
    return layouts;
  }

  /** Opens the walls that had windows when the workstation was last saved, where they were. */
  public void restoreWindows(Window owner) {
    int count = saved.setting(COUNT).map(VideoWalls::count).orElse(0);
    for (int n = 2; n <= count + 1; n++) {
      String prefix = prefix(n);
      WallWindow window = open(key -> saved.setting(prefix + key), owner);
      Optional<WindowBounds> bounds = saved.setting(prefix + "window").flatMap(VideoWalls::bounds)
          .map(b -> b.clampedTo(WallWindow.screenBounds()));
      boolean fullScreen = saved.setting(prefix + "fullscreen").map(Boolean::parseBoolean).orElse(false);
      if (bounds.isPresent()) {
        window.showAt(bounds.get(), fullScreen);
      } else {
        window.showOn(ScreenChoice.forNewWall(WallWindow.screenBounds(), bounds(owner), windowBounds()), fullScreen);
      }
    }
  }

  /** A new wall on the next monitor without one, full screen there. */
  public VideoWallPanel newWall(Window owner) {
    int screen = ScreenChoice.forNewWall(WallWindow.screenBounds(), bounds(owner), windowBounds());
    WallWindow window = open(key -> Optional.empty(), owner);
    // on the main window's own screen (a single monitor) a full-screen wall would hide the main window
    boolean ownScreen = ScreenChoice.screenOf(WallWindow.screenBounds(), bounds(owner)) != screen;
    window.showOn(screen, ownScreen);
    log.info("Video wall {} opened on screen {}", lastNumber, screen + 1);
    onChange.run();
    return window.panel();
  }

  private WallWindow open(java.util.function.Function<String, Optional<String>> settings, Window owner) {
    VideoWallPanel panel = new VideoWallPanel(vlc, client, i18n, groups, layouts, settings, onChange);
    WallWindow window = new WallWindow(++lastNumber, panel, i18n, owner);
    windows.add(window);
    window.stage().setOnCloseRequest(e -> {
      // the operator closed it: the wall goes (the app's exit hides windows without asking, and keeps them)
      if (windows.remove(window)) {
        panel.close();
        onChange.run();
      }
    });
    window.stage().xProperty().addListener(o -> onChange.run());
    window.stage().yProperty().addListener(o -> onChange.run());
    window.stage().fullScreenProperty().addListener(o -> onChange.run());
    if (park != null) {
      panel.setPark(park);
    }
    playbackSetup.accept(panel);
    return window;
  }

  /**
   * Recordings for every wall's alarm pre-alarm slot, and how tiles open the playback window (cameras, from
   * when) or an alarm's evidence; walls opened later get the same.
   */
  public void setPlayback(io.cordon.client.video.RecordingClient recordings,
      java.util.function.BiConsumer<List<String>, java.time.Instant> openPlayback,
      java.util.function.Consumer<String> openAlarmPlayback) {
    playbackSetup = panel -> panel.setPlayback(recordings, openPlayback, openAlarmPlayback);
    all().forEach(playbackSetup);
  }

  /** Every wall asks the server which cameras have streams now. */
  public void refreshStreams() {
    all().forEach(VideoWallPanel::refresh);
  }

  public void setPark(Park plan) {
    this.park = plan;
    all().forEach(panel -> panel.setPark(plan));
  }

  /** Everything to save with the workstation, by setting key. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(CameraGroups.SETTING, groups.setting());
    settings.put(CustomLayouts.SETTING, layouts.setting());
    main.settings().forEach((key, value) -> settings.put(prefix(1) + key, value));
    settings.put(COUNT, Integer.toString(windows.size()));
    for (int i = 0; i < windows.size(); i++) {
      WallWindow window = windows.get(i);
      String prefix = prefix(i + 2);
      window.panel().settings().forEach((key, value) -> settings.put(prefix + key, value));
      WindowBounds b = window.bounds();
      settings.put(prefix + "window", b.x() + "," + b.y() + "," + b.width() + "," + b.height());
      settings.put(prefix + "fullscreen", Boolean.toString(window.isFullScreen()));
    }
    return settings;
  }

  @Override
  public void showCameras(String alarmId, List<String> cameraIds) {
    all().forEach(panel -> panel.showCameras(alarmId, cameraIds));
  }

  /** At exit: closes every wall window (its layout was saved before) and releases every player. */
  @Override
  public void close() {
    List<WallWindow> open = new ArrayList<>(windows);
    windows.clear();
    open.forEach(WallWindow::close);
    main.close();
  }

  private List<WindowBounds> windowBounds() {
    return windows.stream().filter(w -> w.stage().isShowing()).map(WallWindow::bounds).toList();
  }

  private static WindowBounds bounds(Window window) {
    return window == null ? new WindowBounds(0, 0, 1, 1)
        : new WindowBounds(window.getX(), window.getY(), Math.max(1, window.getWidth()), Math.max(1, window.getHeight()));
  }

  private static int count(String text) {
    try {
      return Math.max(0, Math.min(16, Integer.parseInt(text.strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<WindowBounds> bounds(String text) {
    String[] n = text.split(",");
    try {
      return n.length == 4 ? Optional.of(new WindowBounds(Double.parseDouble(n[0]), Double.parseDouble(n[1]),
          Double.parseDouble(n[2]), Double.parseDouble(n[3]))) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
