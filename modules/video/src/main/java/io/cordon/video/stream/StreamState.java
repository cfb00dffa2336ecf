package io.cordon.video.stream;

/** What a tile's overlay tells the operator about its stream. */
public sealed interface StreamState {
  /** First connection; no frame yet. */
  record Connecting() implements StreamState {
  }

  /** Frames arrive; fps is what the tile showed over the last second. */
  record Live(double fps) implements StreamState {
  }

  /** The stream failed and the tile is retrying; attempt counts from 1. */
  record Reconnecting(int attempt, String reason) implements StreamState {
  }

  /** Nothing to show, with the reason the operator reads ("VLC (libvlc) is not installed …", "relay refused: 403"). */
  record NoSignal(String reason) implements StreamState {
  }
}
