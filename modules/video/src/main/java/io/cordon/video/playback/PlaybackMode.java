package io.cordon.video.playback;

/** What a playback player is doing. */
public enum PlaybackMode {
  /** Asking for the recording; no picture of the new position yet. */
  OPENING,
  PLAYING,
  PAUSED,
  /** Switched back to the live stream. */
  LIVE,
  /** The recording ran out (nothing recorded after this moment yet). */
  ENDED,
  /** No recording there, or the relay refused. */
  FAILED
}
