package io.cordon.server.video;

import java.util.Locale;

/**
 * Which camera streams the media relay keeps pulled with nobody watching (setting {@code media.standby}),
 * so that a camera an alarm brings into the wall shows a picture at once instead of after a cold pull.
 * Each standby stream costs one ffmpeg and the camera's sub-stream bitrate all the time.
 */
public enum StandbyPolicy {
  /** Pull only while someone watches. */
  NONE,
  /** The smallest stream of every camera an alarm can link: those covering a sensor or a gate. */
  LINKED,
  /** The smallest stream of every camera that has streams. */
  ALL;

  /** Parses {@code none}, {@code linked} or {@code all} (any case). */
  public static StandbyPolicy parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    for (StandbyPolicy policy : values()) {
      if (policy.settingName().equals(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("media.standby (CORDON_MEDIA_STANDBY) must be none, linked or all, was "
        + text);
  }

  /** The value as written in the configuration. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
