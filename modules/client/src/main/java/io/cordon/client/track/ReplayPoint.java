package io.cordon.client.track;

/**
 * One stored fix of a replayed track, or the position sampled between two of them.
 *
 * @param speedLimitKmh limit of the road under it; 0 = unknown
 * @param gap sampled inside a gap between fixes longer than {@link ReplayTrack#GAP_MILLIS}: held at the fix before it
 */
public record ReplayPoint(double lon, double lat, double speedKmh, double headingDeg, double speedLimitKmh,
    long epochMillis, boolean gap) {

  /** How fast against the limit, for colouring: unknown without a limit. */
  public SpeedBand band() {
    return SpeedBand.of(speedKmh, speedLimitKmh);
  }
}
