package io.cordon.map.interact;

import java.util.Locale;

/** WGS84 positions as the operator reads them: {@code 120.8123°E 31.9456°N}. */
public final class Coordinates {
  private Coordinates() {}

  /** Four decimals (about 10 m), hemisphere letters instead of signs. */
  public static String format(double lon, double lat) {
    return String.format(Locale.ROOT, "%.4f°%s %.4f°%s",
        Math.abs(lon), lon < 0 ? "W" : "E", Math.abs(lat), lat < 0 ? "S" : "N");
  }
}
