package io.cordon.media.pull;

/** Where a camera pull stands. */
public enum PullState {
  /** ffmpeg runs but has not delivered a byte yet. */
  STARTING,
  /** TS bytes are flowing. */
  LIVE,
  /** ffmpeg exited or stalled; waiting out the backoff before the next attempt. */
  RESTARTING,
  /** Several attempts in a row brought no data; still retrying at the longest backoff. See the reason. */
  FAILED,
  /** Stopped on purpose (no viewers left, or the relay closed). */
  STOPPED
}
