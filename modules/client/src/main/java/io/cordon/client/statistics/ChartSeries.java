package io.cordon.client.statistics;

import java.util.List;

/** A series of a chart: its i18n key (the view prefixes "stats.series.") and its points in order. */
public record ChartSeries(String key, List<ChartPoint> points) {

  public ChartSeries {
    points = List.copyOf(points);
  }

  public double total() {
    return points.stream().mapToDouble(ChartPoint::value).sum();
  }
}
