package io.cordon.client.statistics;

/**
 * One bar or point of a chart.
 *
 * @param key what the view translates (a holder class, an alarm type name…) or, for names from the park plan
 *     (gates, zones) and time labels, the text itself
 */
public record ChartPoint(String key, double value) {
}
