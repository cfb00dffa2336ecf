/**
 * Statistics reports (issue 9 point 7): {@link io.cordon.client.statistics.StatisticsClient} over StatisticsService
 * and {@link io.cordon.client.statistics.StatisticsViewModel}, the report window's state without a toolkit.
 */
package io.cordon.client.statistics;
