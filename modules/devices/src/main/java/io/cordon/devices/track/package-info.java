/**
 * Intake of vehicle positions (device-facing {@code PositionIngestService}): validate a whole
 * batch, and hand it to a {@link io.cordon.devices.track.PositionSink} that commits it before the
 * device is acknowledged. A batch with one bad fix is refused whole, naming every offending field
 * ({@code fixes[3].plate}); nothing of it is stored, so a device never has to work out which part
 * of a batch went through. Today the simulator reports here; the JT/T 808 gateway (issue 8) will
 * decode terminal frames into the same {@link io.cordon.devices.track.PositionReport} and sink.
 */
package io.cordon.devices.track;
