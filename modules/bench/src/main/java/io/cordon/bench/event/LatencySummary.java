package io.cordon.bench.event;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies in nanoseconds, printed as count and percentiles in milliseconds. */
final class LatencySummary {

  private final String name;
  private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);

  LatencySummary(String name) {
    this.name = name;
  }

  void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
  }

  long count() {
    return histogram.getTotalCount();
  }

  String line() {
    return String.format("%-28s count=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms", name, count(),
        ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
        ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
