package io.cordon.bench.wall;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the wall bench's tables: CPU as % of all cores, times in ms, rates in pictures per second. */
final class WallReport {
  private static final double TARGET_FPS = 24;

  private WallReport() {
  }

  static void gridHeader() {
    System.out.printf(Locale.ROOT, "%-6s %5s %-6s %-20s %-20s %7s %8s %6s %5s %7s %7s %6s %5s %-17s %10s%n", "layout", "tiles",
        "stream", "decoded/s min/avg/max", "shown/s min/avg/max", ">=24fps", "pulses/s", "JVM%", "(FX%", "relay%)",
        "ffmpeg%", "vlc%", "X%",
        "first pic p50/max", "reconnects");
  }

  static void grid(GridScenario.Result r) {
    long atTarget = Arrays.stream(r.shownPerSecond()).filter(f -> f >= TARGET_FPS).count();
    System.out.printf(Locale.ROOT, "%-6s %5d %-6s %-20s %-20s %7s %8.1f %6.1f %5.1f %7.1f %7.1f %6.1f %5.1f %-17s %10d%n",
        r.layout(), r.tiles(), profiles(r.profiles()), minAvgMax(r.decodedPerSecond()), minAvgMax(r.shownPerSecond()),
        atTarget + "/" + r.tiles(), r.pulsesPerSecond(), 100 * r.cpu().jvm(), 100 * r.cpu().fx(),
        100 * r.cpu().relay(), 100 * r.cpu().child("ffmpeg"),
        100 * r.cpu().child("vlc"), 100 * r.cpu().xServer(), p50Max(r.firstPictureMillis()), r.interruptions());
    System.out.printf(Locale.ROOT, "       shown/s per tile: %s; other children %s%n",
        Arrays.stream(r.shownPerSecond()).mapToObj(f -> String.format(Locale.ROOT, "%.1f", f))
            .collect(Collectors.joining(" ")), others(r.cpu()));
  }

  static void alarm(List<AlarmScenario.Show> shows) {
    System.out.println("alarm pop-up on a live 3x3 wall: showAlarm(4 cameras not on the wall) -> each alarm tile's"
        + " first picture, ms");
    for (AlarmScenario.Show s : shows) {
      System.out.printf(Locale.ROOT, "  round %d %-4s %-36s %s%n", s.round(), s.warm() ? "warm" : "cold",
          String.join(",", s.cameras()), s.firstPictureMillis().stream().map(WallReport::millis)
              .collect(Collectors.joining(" ")));
    }
    System.out.printf(Locale.ROOT, "  cold (relay not pulling them)  p50/max %s ms over %d tiles%n",
        p50Max(times(shows, false)), times(shows, false).size());
    System.out.printf(Locale.ROOT, "  warm (relay already pulling)   p50/max %s ms over %d tiles%n",
        p50Max(times(shows, true)), times(shows, true).size());
  }

  static void summary(List<GridScenario.Result> grids, List<AlarmScenario.Show> shows) {
    StringBuilder line = new StringBuilder("SUMMARY wall:");
    for (GridScenario.Result r : grids) {
      line.append(String.format(Locale.ROOT, " %d tiles min %.1f / avg %.1f shown/s, JVM %.0f %% + ffmpeg %.0f %% + vlc %.0f %%"
              + " + X %.0f %% of all cores, first picture p50/max %s ms;", r.tiles(),
          Arrays.stream(r.shownPerSecond()).min().orElse(0), Arrays.stream(r.shownPerSecond()).average().orElse(0),
          100 * r.cpu().jvm(), 100 * r.cpu().child("ffmpeg"), 100 * r.cpu().child("vlc"), 100 * r.cpu().xServer(),
          p50Max(r.firstPictureMillis())));
    }
    if (!shows.isEmpty()) {
      line.append(String.format(Locale.ROOT, " alarm first picture cold p50/max %s ms, warm %s ms",
          p50Max(times(shows, false)), p50Max(times(shows, true))));
    }
    System.out.println(line);
  }

  private static List<Double> times(List<AlarmScenario.Show> shows, boolean warm) {
    return shows.stream().filter(s -> s.warm() == warm).flatMap(s -> s.firstPictureMillis().stream()).toList();
  }

  private static String profiles(List<String> profiles) {
    return profiles.stream().distinct().sorted().collect(Collectors.joining("+"));
  }

  private static String others(CpuMeter.Use cpu) {
    String others = cpu.children().entrySet().stream()
        .filter(e -> !e.getKey().equals("ffmpeg") && !e.getKey().equals("vlc") && e.getValue() > 0.0005)
        .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), 100 * e.getValue()))
        .collect(Collectors.joining(", "));
    return others.isEmpty() ? "none" : others;
  }

  private static String minAvgMax(double[] values) {
    return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", Arrays.stream(values).min().orElse(0),
        Arrays.stream(values).average().orElse(0), Arrays.stream(values).max().orElse(0));
  }

  /** Median and maximum; a tile that never showed a picture makes the maximum "none". */
  static String p50Max(List<Double> millis) {
    if (millis.isEmpty()) {
      return "-";
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).map(m -> Double.isNaN(m) ? Double.MAX_VALUE : m)
        .sorted().toArray();
    return millis(sorted[(sorted.length - 1) / 2]) + "/" + millis(sorted[sorted.length - 1]);
  }

  private static String millis(double m) {
    return Double.isNaN(m) || m == Double.MAX_VALUE ? "none" : String.format(Locale.ROOT, "%.0f", m);
  }
}
