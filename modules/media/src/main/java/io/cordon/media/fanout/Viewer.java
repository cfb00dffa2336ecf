package io.cordon.media.fanout;

/** One client receiving a relayed stream. */
public interface Viewer {
  /**
   * Queues TS packets for this viewer without blocking. Returns false when the viewer cannot take them
   * (its bounded queue is full, or it is gone); the fan-out then drops the viewer.
   */
  boolean offer(byte[] packets);

  /** Ends this viewer's stream; {@code reason} is for the log. Idempotent. */
  void disconnect(String reason);

  /** The pull's ffmpeg restarted: what follows has fresh tables and timestamps (a recorder cuts here). */
  default void sourceRestarted() {}
}
