package io.cordon.bench.map;

import io.cordon.map.LayerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run of {@link MapFrameBench} does, from {@code --key value} or {@code key=value}
 * options: {@code --minutes} measured (10), {@code --warmup}
 * seconds before measuring (20), {@code --vehicles} (2000), {@code --alarms} (200), {@code --zoom}
 * factor around the park's centre (1 = whole park), {@code --layers all|live|plan} (which layers
 * draw: everything, only vehicles and alarms, or only the plan), {@code --hide TRAILS,LABELS} (layer
 * switches to turn off, to see what each costs), {@code --cache-plan} (an experiment: the plan layer's
 * node cached as a bitmap, {@code Node.setCache}), {@code --headless} (Monocle's
 * headless screen instead of the X display).
 */
record MapBenchSettings(double minutes, int warmupSeconds, int vehicles, int alarms, double zoom, Layers layers,
    boolean headless, Set<LayerKind> hidden, boolean cachePlan) {

  enum Layers { ALL, LIVE, PLAN }

  static final MapBenchSettings DEFAULTS = new MapBenchSettings(10, 20, 2000, 200, 1, Layers.ALL, false, Set.of(), false);

  MapBenchSettings {
    if (!(minutes > 0) || warmupSeconds < 0 || vehicles < 0 || alarms < 0 || !(zoom > 0)) {
      throw new IllegalArgumentException("minutes and zoom must be positive; warmup, vehicles, alarms not negative");
    }
  }

  /** Options as {@code --minutes 1} or {@code minutes=1} (the form Maven's bench.args passes easily). */
  static MapBenchSettings parse(String... raw) {
    List<String> args = new ArrayList<>();
    for (String arg : raw) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") && eq > 0) {
        String key = arg.substring(0, eq);
        String value = arg.substring(eq + 1);
        if (key.equals("headless") || key.equals("cache-plan")) {
          if (Boolean.parseBoolean(value)) {
            args.add("--" + key);
          }
        } else {
          args.add("--" + key);
          args.add(value);
        }
      } else {
        args.add(arg);
      }
    }
    MapBenchSettings s = DEFAULTS;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.isBlank()) {
        continue;
      }
      if (arg.equals("--cache-plan")) {
        s = new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, s.alarms, s.zoom, s.layers, s.headless,
            s.hidden, true);
        continue;
      }
      if (arg.equals("--headless")) {
        s = new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, s.alarms, s.zoom, s.layers, true, s.hidden, s.cachePlan);
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      String value = args.get(++i);
      s = switch (arg) {
        case "--minutes" -> new MapBenchSettings(Double.parseDouble(value), s.warmupSeconds, s.vehicles, s.alarms,
            s.zoom, s.layers, s.headless, s.hidden, s.cachePlan);
        case "--warmup" -> new MapBenchSettings(s.minutes, Integer.parseInt(value), s.vehicles, s.alarms, s.zoom,
            s.layers, s.headless, s.hidden, s.cachePlan);
        case "--vehicles" -> new MapBenchSettings(s.minutes, s.warmupSeconds, Integer.parseInt(value), s.alarms,
            s.zoom, s.layers, s.headless, s.hidden, s.cachePlan);
        case "--alarms" -> new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, Integer.parseInt(value),
            s.zoom, s.layers, s.headless, s.hidden, s.cachePlan);
        case "--zoom" -> new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, s.alarms,
            Double.parseDouble(value), s.layers, s.headless, s.hidden, s.cachePlan);
        case "--layers" -> new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, s.alarms, s.zoom,
            Layers.valueOf(value.toUpperCase(Locale.ROOT)), s.headless, s.hidden, s.cachePlan);
        case "--hide" -> new MapBenchSettings(s.minutes, s.warmupSeconds, s.vehicles, s.alarms, s.zoom, s.layers,
            s.headless, Arrays.stream(value.split(",")).map(k -> LayerKind.valueOf(k.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet()), s.cachePlan);
        default -> throw new IllegalArgumentException("unknown option " + arg
            + " (expected --minutes, --warmup, --vehicles, --alarms, --zoom, --layers, --hide, --cache-plan, --headless)");
      };
    }
    return s;
  }

  long measuredSeconds() {
    return Math.round(minutes * 60);
  }
}
