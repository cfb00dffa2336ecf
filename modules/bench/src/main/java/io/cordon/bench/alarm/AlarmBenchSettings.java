package io.cordon.bench.alarm;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one run of {@link AlarmLatencyBench} does, from {@code key=value} arguments: {@code rate}
 * (alarms/s), {@code background} (sensor heartbeats/s), {@code warmup} and {@code duration}
 * (seconds; the load runs without a break through both, only alarms sent after the warm-up count),
 * {@code batch} (heartbeats per call: 1 sends each through SensorIngestService.Report, more sends
 * them through ReportBatch as a perimeter alarm host reporting its zones would).
 */
record AlarmBenchSettings(int rate, int background, int warmupSeconds, int durationSeconds, int batch) {

  static final AlarmBenchSettings DEFAULTS = new AlarmBenchSettings(200, 2_000, 10, 300, 1);
  private static final Set<String> KEYS = Set.of("rate", "background", "warmup", "duration", "batch");

  AlarmBenchSettings {
    if (rate < 1 || background < 0 || warmupSeconds < 0 || durationSeconds < 1 || batch < 1 || batch > 500) {
      throw new IllegalArgumentException("rate and duration must be positive, background and warmup not negative,"
          + " batch 1..500");
    }
  }

  static AlarmBenchSettings parse(String... args) {
    Map<String, Integer> values = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !KEYS.contains(pair[0])) {
        throw new IllegalArgumentException("expected key=value with key one of " + KEYS + ", was " + arg);
      }
      values.put(pair[0], Integer.parseInt(pair[1].trim()));
    }
    return new AlarmBenchSettings(
        values.getOrDefault("rate", DEFAULTS.rate),
        values.getOrDefault("background", DEFAULTS.background),
        values.getOrDefault("warmup", DEFAULTS.warmupSeconds),
        values.getOrDefault("duration", DEFAULTS.durationSeconds),
        values.getOrDefault("batch", DEFAULTS.batch));
  }

  int totalSeconds() {
    return warmupSeconds + durationSeconds;
  }

  /** Alarms over warm-up and measurement; the first {@link #warmupAlarms()} of them are not measured. */
  int totalAlarms() {
    return rate * totalSeconds();
  }

  int warmupAlarms() {
    return rate * warmupSeconds;
  }

  long totalHeartbeats() {
    return (long) background * totalSeconds();
  }
}
