/**
 * Playback of recordings through the relay: one camera at any time ({@link io.cordon.video.playback.PlaybackPlayer}),
 * several on one clock ({@link io.cordon.video.playback.PlaybackGroup}), their tiles and the playback view.
 */
package io.cordon.video.playback;
