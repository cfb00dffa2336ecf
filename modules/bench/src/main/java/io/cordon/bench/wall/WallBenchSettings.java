package io.cordon.bench.wall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of {@link WallBench} does, from {@code key=value} arguments: {@code layouts} (tile counts,
 * each shown as the smallest square grid, e.g. 4,9,16), {@code seconds} measured and {@code warmup} seconds
 * per layout, {@code rounds} of the alarm pop-up on a 3×3 wall (each round cold and warm; 0 skips it),
 * {@code cameras} (test cameras to serve; 0 = one per tile and enough for the alarm), {@code screenshot}
 * (a PNG of the 3×3 wall, taken with ImageMagick's import).
 */
record WallBenchSettings(List<Integer> layouts, int seconds, int warmupSeconds, int rounds, int cameras,
    Optional<String> screenshot) {

  static final WallBenchSettings DEFAULTS = new WallBenchSettings(List.of(4, 9, 16), 30, 5, 3, 0, Optional.empty());
  /** The alarm wall is 3×3 and each alarm brings this many cameras that are not on it. */
  static final int ALARM_WALL_TILES = 9;
  static final int ALARM_CAMERAS = 4;
  static final int MAX_TILES = 16;
  private static final Set<String> KEYS = Set.of("layouts", "seconds", "warmup", "rounds", "cameras", "screenshot");

  WallBenchSettings {
    layouts = List.copyOf(layouts);
    if (layouts.isEmpty() && rounds == 0) {
      throw new IllegalArgumentException("nothing to measure: no layouts and rounds=0");
    }
    if (layouts.stream().anyMatch(n -> n < 1 || n > MAX_TILES)) {
      throw new IllegalArgumentException("layouts are tile counts 1.." + MAX_TILES + ", was " + layouts);
    }
    if (seconds < 1 || warmupSeconds < 0 || rounds < 0 || cameras < 0) {
      throw new IllegalArgumentException("seconds must be positive; warmup, rounds and cameras not negative");
    }
    if (rounds > 0 && cameras > 0 && cameras < ALARM_WALL_TILES + ALARM_CAMERAS) {
      throw new IllegalArgumentException("alarm rounds need at least " + (ALARM_WALL_TILES + ALARM_CAMERAS)
          + " cameras (9 on the wall + 4 not on it), was cameras=" + cameras);
    }
  }

  static WallBenchSettings parse(String... args) {
    WallBenchSettings s = DEFAULTS;
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !KEYS.contains(pair[0])) {
        throw new IllegalArgumentException("expected key=value with key one of " + KEYS + ", was " + arg);
      }
      String value = pair[1].trim();
      s = switch (pair[0]) {
        case "layouts" -> new WallBenchSettings(tileCounts(value), s.seconds, s.warmupSeconds, s.rounds, s.cameras,
            s.screenshot);
        case "seconds" -> new WallBenchSettings(s.layouts, Integer.parseInt(value), s.warmupSeconds, s.rounds,
            s.cameras, s.screenshot);
        case "warmup" -> new WallBenchSettings(s.layouts, s.seconds, Integer.parseInt(value), s.rounds, s.cameras,
            s.screenshot);
        case "rounds" -> new WallBenchSettings(s.layouts, s.seconds, s.warmupSeconds, Integer.parseInt(value),
            s.cameras, s.screenshot);
        case "cameras" -> new WallBenchSettings(s.layouts, s.seconds, s.warmupSeconds, s.rounds,
            Integer.parseInt(value), s.screenshot);
        default -> new WallBenchSettings(s.layouts, s.seconds, s.warmupSeconds, s.rounds, s.cameras,
            value.isEmpty() ? Optional.empty() : Optional.of(value));
      };
    }
    return s;
  }

  private static List<Integer> tileCounts(String value) {
    List<Integer> counts = new ArrayList<>();
    Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(Integer::parseInt)
        .forEach(counts::add);
    return counts;
  }

  /** How many test cameras to serve: as asked, else one per tile of the largest layout and enough for the alarm. */
  int cameraCount() {
    if (cameras > 0) {
      return cameras;
    }
    int forLayouts = layouts.stream().mapToInt(Integer::intValue).max().orElse(0);
    return Math.max(forLayouts, rounds > 0 ? ALARM_WALL_TILES + ALARM_CAMERAS : 0);
  }
}
