package io.cordon.media.pull;

/** Receives what a pull reads from ffmpeg. Called from the pull's own thread, one call at a time. */
public interface TsSink {
  /** Whole TS packets, a multiple of 188 bytes; the array is not modified afterwards and may be shared. */
  void onPackets(byte[] packets);

  /** A new ffmpeg process starts: the stream that follows has fresh tables and timestamps. */
  void onRestart();
}
