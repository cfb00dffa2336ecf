package io.cordon.media.pull;

import io.cordon.media.source.StreamProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one pull. {@code reason} is the last problem (masked, safe to show operators);
 * {@code bitrateBps} is measured on the TS bytes received, {@code fps} from ffmpeg's frame counter;
 * {@code standby}: kept pulled with no viewer (see {@code MediaRelay#setStandby}).
 */
public record PullHealth(
    String cameraId,
    StreamProfile profile,
    PullState state,
    Optional<String> reason,
    double fps,
    long bitrateBps,
    Optional<Instant> lastDataAt,
    long restarts,
    int viewers,
    boolean standby) {

  public PullHealth withViewers(int count) {
    return new PullHealth(cameraId, profile, state, reason, fps, bitrateBps, lastDataAt, restarts, count, standby);
  }

  public PullHealth withStandby(boolean kept) {
    return new PullHealth(cameraId, profile, state, reason, fps, bitrateBps, lastDataAt, restarts, viewers, kept);
  }
}
