/**
 * Statistics (issue 9 point 7): daily, weekly and monthly reports aggregated with GROUP BY from the stored
 * access records, the permits' goods and the alarms, served by {@link io.cordon.server.statistics.StatisticsGrpcService}
 * and exported to XLSX and PDF.
 */
package io.cordon.server.statistics;
