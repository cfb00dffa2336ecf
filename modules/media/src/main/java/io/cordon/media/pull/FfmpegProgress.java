package io.cordon.media.pull;

import java.util.regex.Pattern;

/**
 * Reads ffmpeg's stderr: {@code -progress} blocks (key=value lines ending in {@code progress=...}) give the
 * frame counter, from which the current frame rate is derived; any other line is an ffmpeg message.
 */
final class FfmpegProgress {
  private static final Pattern PROGRESS_KEY = Pattern.compile(
      "^(frame|fps|stream_\\d+_\\d+_q|bitrate|total_size|out_time_us|out_time_ms|out_time|dup_frames|drop_frames|speed|progress)=.*");

  private long lastFrame = -1;
  private long lastFrameNanos;
  private long frame = -1;
  private volatile double fps;

  /** Returns true when the line was a progress line (consumed), false when it is an ffmpeg message. */
  boolean accept(String line, long nowNanos) {
    if (!PROGRESS_KEY.matcher(line).matches()) {
      return false;
    }
    if (line.startsWith("frame=")) {
      try {
        frame = Long.parseLong(line.substring(6).trim());
      } catch (NumberFormatException e) {
        frame = -1;
      }
    } else if (line.startsWith("progress=") && frame >= 0) {
      if (lastFrame >= 0 && nowNanos > lastFrameNanos) {
        fps = (frame - lastFrame) * 1e9 / (nowNanos - lastFrameNanos);
      }
      lastFrame = frame;
      lastFrameNanos = nowNanos;
    }
    return true;
  }

  double fps() {
    return fps;
  }
}
