/**
 * Live vehicle positions. Accepted batches ({@link io.cordon.devices.track.PositionSink}) are
 * committed to the {@code vehicle_position} table in one JDBC batch before the device is
 * acknowledged, then published to {@link io.cordon.server.track.LiveVehiclePositions}, the
 * in-memory latest fix and short trail of every vehicle heard recently. {@code TrackService.
 * SubscribeLive} streams from that view: a snapshot, then per-client batched updates pulled from a
 * version cursor, so a slow client costs no memory (it simply gets a bigger cumulative update, or
 * a fresh snapshot). Where the fixes came from (simulator, JT/T 808) is unknown here.
 */
package io.cordon.server.track;
