package io.cordon.map;

/**
 * Metres to screen pixels: {@code sx = offsetX + x * scale}, {@code sy = offsetY - y * scale}
 * (north up). Immutable; pan and zoom return new viewports.
 *
 * @param scale pixels per metre
 */
public record MapViewport(double scale, double offsetX, double offsetY) {
  public static final double MIN_SCALE = 0.005;
  public static final double MAX_SCALE = 50;

  public MapViewport {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be positive, was " + scale);
    }
  }

  /** A viewport that shows the given metre box whole and centred in a width × height pane. */
  public static MapViewport fit(
      double minX, double minY, double maxX, double maxY, double width, double height, double marginPx) {
    double usableW = Math.max(1, width - 2 * marginPx);
    double usableH = Math.max(1, height - 2 * marginPx);
    double spanX = Math.max(1e-6, maxX - minX);
    double spanY = Math.max(1e-6, maxY - minY);
    double scale = clampScale(Math.min(usableW / spanX, usableH / spanY));
    double centreX = (minX + maxX) / 2;
    double centreY = (minY + maxY) / 2;
    return new MapViewport(scale, width / 2 - centreX * scale, height / 2 + centreY * scale);
  }

  public double screenX(double x) {
    return offsetX + x * scale;
  }

  public double screenY(double y) {
    return offsetY - y * scale;
  }

  public double worldX(double screenX) {
    return (screenX - offsetX) / scale;
  }

  public double worldY(double screenY) {
    return (offsetY - screenY) / scale;
  }

  public MapViewport panBy(double dxPx, double dyPx) {
    return new MapViewport(scale, offsetX + dxPx, offsetY + dyPx);
  }

  /** Zooms by {@code factor} keeping the world point under ({@code sx}, {@code sy}) where it is. */
  public MapViewport zoomAt(double factor, double sx, double sy) {
    double newScale = clampScale(scale * factor);
    double wx = worldX(sx);
    double wy = worldY(sy);
    return new MapViewport(newScale, sx - wx * newScale, sy + wy * newScale);
  }

  private static double clampScale(double s) {
    return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
  }
}
