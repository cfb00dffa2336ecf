/** One camera tile: picture, overlay, reconnects, seamless stream switches, snapshots. */
package io.cordon.video.tile;
