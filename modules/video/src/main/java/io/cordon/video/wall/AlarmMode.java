package io.cordon.video.wall;

/** Where an alarm's cameras go on the wall (a workstation setting). */
public enum AlarmMode {
  /** Into the first cells of the current layout (the big cell of 1+5 / 1+7); the rest stays. */
  AREA,
  /** The whole wall: the smallest grid that holds the alarm's cameras. */
  WHOLE_WALL
}
