package io.cordon.map.tiles;

/**
 * Slippy-map arithmetic of Web Mercator (EPSG:3857) XYZ tiles: WGS84 lon/lat ↔ fractional tile
 * coordinates at a zoom, and the ground size of a tile pixel. Spherical, as the tiles are.
 */
public final class WebMercatorTiles {
  /** Deepest zoom the map asks for; tile numbers stay within an int up to here. */
  public static final int MAX_ZOOM = 30;
  /** Latitude where the square Web Mercator world ends (atan(sinh(π))). */
  public static final double MAX_LATITUDE = 85.05112877980659;
  /** Equator length on the Web Mercator sphere, metres. */
  public static final double EQUATOR_METRES = 2 * Math.PI * 6_378_137.0;

  private WebMercatorTiles() {}

  /** Fractional tile column of a longitude; its integer part is the tile's x. */
  public static double tileX(double lon, int z) {
    return (lon + 180.0) / 360.0 * (1 << z);
  }

  /** Fractional tile row of a latitude, counted from the north; its integer part is the tile's y. */
  public static double tileY(double lat, int z) {
    double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
    return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z);
  }

  /** Longitude of a (fractional) tile column; {@code lon(x, z)} is the west edge of column x. */
  public static double lon(double tileX, int z) {
    return tileX / (1 << z) * 360.0 - 180.0;
  }

  /** Latitude of a (fractional) tile row; {@code lat(y, z)} is the north edge of row y. */
  public static double lat(double tileY, int z) {
    double n = Math.PI * (1 - 2 * tileY / (1 << z));
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }

  /** Ground metres covered by one pixel of a {@code tilePixels}-wide tile at zoom z and this latitude. */
  public static double metresPerPixel(double lat, int z, int tilePixels) {
    return EQUATOR_METRES * Math.cos(Math.toRadians(lat)) / ((double) tilePixels * (1L << z));
  }

  /**
   * The zoom whose tile pixels are closest (in ratio) to screen pixels at {@code pixelsPerMetre}
   * and this latitude, clamped to [minZoom, maxZoom].
   */
  public static int bestZoom(double pixelsPerMetre, double lat, int tilePixels, int minZoom, int maxZoom) {
    double ideal = Math.log(EQUATOR_METRES * Math.cos(Math.toRadians(lat)) * pixelsPerMetre / tilePixels) / Math.log(2);
    long z = Math.round(ideal);
    return (int) Math.max(minZoom, Math.min(maxZoom, z));
  }
}
