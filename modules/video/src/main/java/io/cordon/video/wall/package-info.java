/** The video wall: tiles in a layout, maximise, alarm pop-up, snapshots. */
package io.cordon.video.wall;
