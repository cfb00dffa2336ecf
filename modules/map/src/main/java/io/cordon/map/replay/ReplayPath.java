package io.cordon.map.replay;

import java.util.List;

/**
 * A replayed trajectory as the map draws it: fixes oldest first with their speed and the limit of
 * the road under them. Immutable; the layer projects it once when it is set.
 */
public record ReplayPath(List<Fix> fixes) {
  public static final ReplayPath EMPTY = new ReplayPath(List.of());
  /** Fixes further apart in time than this are joined by a thin dashed line (no data in between). */
  public static final long GAP_MILLIS = 120_000;

  public ReplayPath {
    fixes = List.copyOf(fixes);
  }

  /**
   * One fix.
   *
   * @param limitKmh the road's limit; 0 = unknown (drawn grey)
   */
  public record Fix(double lon, double lat, double speedKmh, double limitKmh, long epochMillis) {}

  /** How a fix is coloured: green within the limit, yellow up to 10 km/h over, red beyond, grey unknown. */
  public enum Band {
    WITHIN, SLIGHTLY_OVER, OVER, UNKNOWN;

    public static Band of(double speedKmh, double limitKmh) {
      if (!(limitKmh > 0)) {
        return UNKNOWN;
      }
      if (speedKmh <= limitKmh) {
        return WITHIN;
      }
      return speedKmh <= limitKmh + 10 ? SLIGHTLY_OVER : OVER;
    }
  }
}
