/**
 * The park's alarm sources for the alarm center (issue 4): perimeter intrusions as nuisance-heavy
 * bursts through {@code SensorIngestService}, and video analytics, gate events, vehicle rules and
 * device health through {@code AlarmIngestService.Raise}, each family at its own Poisson rate
 * ({@link io.cordon.simulator.alarm.AlarmRates}), driven by the simulator's seed.
 */
package io.cordon.simulator.alarm;
