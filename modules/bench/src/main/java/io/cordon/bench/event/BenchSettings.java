package io.cordon.bench.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one run of {@link EventLatencyBench} does, from {@code key=value} arguments:
 * {@code rate} (reports/s), {@code warmup} and {@code duration} (seconds), {@code catchup} (events
 * appended while the subscriber is away), {@code timeline} (1: per-second worst latency).
 */
record BenchSettings(int rate, int warmupSeconds, int durationSeconds, int catchUpEvents, boolean timeline) {

  static final BenchSettings DEFAULTS = new BenchSettings(200, 5, 30, 10_000, false);
  private static final Set<String> KEYS = Set.of("rate", "warmup", "duration", "catchup", "timeline");

  BenchSettings {
    if (rate < 1 || warmupSeconds < 0 || durationSeconds < 1 || catchUpEvents < 1) {
      throw new IllegalArgumentException("rate, duration and catchup must be positive, warmup not negative");
    }
  }

  static BenchSettings parse(String... args) {
    Map<String, Integer> values = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !KEYS.contains(pair[0])) {
        throw new IllegalArgumentException("expected key=value with key one of " + KEYS + ", was " + arg);
      }
      values.put(pair[0], Integer.parseInt(pair[1].trim()));
    }
    return new BenchSettings(
        values.getOrDefault("rate", DEFAULTS.rate),
        values.getOrDefault("warmup", DEFAULTS.warmupSeconds),
        values.getOrDefault("duration", DEFAULTS.durationSeconds),
        values.getOrDefault("catchup", DEFAULTS.catchUpEvents),
        values.getOrDefault("timeline", 0) != 0);
  }

  int warmupReports() {
    return rate * warmupSeconds;
  }

  int measuredReports() {
    return rate * durationSeconds;
  }
}
