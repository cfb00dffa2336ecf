package io.cordon.media.pull;

import java.time.Duration;
import java.util.Objects;

/**
 * How pulls run ffmpeg and supervise it.
 *
 * @param ffmpeg executable name or path
 * @param rtspTransport {@code udp} (what the test cameras support) or {@code tcp} (often better through firewalls)
 * @param backoffMin first restart delay; doubles per failed attempt up to {@code backoffMax}
 * @param stallTimeout a running ffmpeg that delivers no byte for this long is killed and restarted
 * @param probe how long ffmpeg may analyse the input before it starts writing; zero (default) starts with the
 *     first key frame, as the SDP already names the codecs
 */
public record PullSettings(
    String ffmpeg,
    String rtspTransport,
    Duration backoffMin,
    Duration backoffMax,
    Duration stallTimeout,
    Duration probe) {

  public PullSettings {
    Objects.requireNonNull(ffmpeg, "ffmpeg");
    Objects.requireNonNull(rtspTransport, "rtspTransport");
    if (backoffMin.isNegative() || backoffMin.isZero() || backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("need 0 < backoffMin <= backoffMax");
    }
  }

  public static PullSettings defaults() {
    return new PullSettings("ffmpeg", "udp", Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5),
        Duration.ZERO);
  }

  public PullSettings withFfmpeg(String path) {
    return new PullSettings(path, rtspTransport, backoffMin, backoffMax, stallTimeout, probe);
  }

  public PullSettings withBackoff(Duration min, Duration max) {
    return new PullSettings(ffmpeg, rtspTransport, min, max, stallTimeout, probe);
  }

  public PullSettings withStallTimeout(Duration timeout) {
    return new PullSettings(ffmpeg, rtspTransport, backoffMin, backoffMax, timeout, probe);
  }

  public PullSettings withRtspTransport(String transport) {
    return new PullSettings(ffmpeg, transport, backoffMin, backoffMax, stallTimeout, probe);
  }
}
