/**
 * Intake of perimeter sensor reports (device-facing {@code SensorIngestService}): validate, look
 * the sensor up in the park model, and hand an observation to a {@link
 * io.cordon.devices.sensor.SensorReportSink} that commits it before the device is acknowledged.
 */
package io.cordon.devices.sensor;
