/**
 * Live vehicle positions on the client: {@link io.cordon.client.track.LiveTrackFeed} keeps a
 * {@code TrackService.SubscribeLive} stream open (reconnecting with backoff) and writes into
 * {@link io.cordon.client.track.LiveVehicleStore}, which the map reads once per frame through a
 * revision number and a visitor — no UI task per update. Toolkit-free: no JavaFX here.
 */
package io.cordon.client.track;
