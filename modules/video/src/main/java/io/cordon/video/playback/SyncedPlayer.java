package io.cordon.video.playback;

import java.time.Instant;
import java.util.Optional;

/** What a {@link PlaybackGroup} needs of a player to keep it on the shared clock. FX thread only. */
public interface SyncedPlayer {
  /** The wall-clock time of the picture shown now; empty while opening or failed. */
  Optional<Instant> position();

  PlaybackMode mode();

  /** Plays the recording from {@code at} (from the key frame at or before it). */
  void seek(Instant at);

  /** The speed the operator chose (1, 2, 4, 8). */
  void setRate(double rate);

  /** Pauses or resumes. */
  void setPaused(boolean paused);

  /**
   * The group's correction on top of the operator's speed: 1 in step, above 1 to catch up, 0 to wait for the
   * others. Never seen by the operator.
   */
  void setCorrection(double factor);

  /** One frame forward while paused. */
  void stepFrame();

  /** Back to the live stream. */
  void goLive();
}
