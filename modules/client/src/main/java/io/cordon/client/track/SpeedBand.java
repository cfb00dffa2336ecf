package io.cordon.client.track;

/** Speed against the road's limit, as the replay colours its track. */
public enum SpeedBand {
  /** At or below the limit. */
  WITHIN,
  /** At most 10 km/h above it. */
  SLIGHTLY_OVER,
  /** More than 10 km/h above it. */
  OVER,
  /** No limit known for the road (or no road). */
  UNKNOWN;

  public static final double SLIGHT_MARGIN_KMH = 10;

  public static SpeedBand of(double speedKmh, double limitKmh) {
    if (!(limitKmh > 0)) {
      return UNKNOWN;
    }
    if (speedKmh <= limitKmh) {
      return WITHIN;
    }
    return speedKmh <= limitKmh + SLIGHT_MARGIN_KMH ? SLIGHTLY_OVER : OVER;
  }
}
