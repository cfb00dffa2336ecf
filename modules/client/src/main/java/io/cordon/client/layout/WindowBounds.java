package io.cordon.client.layout;

import java.util.Comparator;
import java.util.List;

/** A window's or a screen's rectangle in screen coordinates (pixels, origin top-left). */
public record WindowBounds(double x, double y, double width, double height) {
  public WindowBounds {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("width and height must be positive");
    }
  }

  double overlapArea(WindowBounds other) {
    double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
    double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /**
   * These bounds moved and shrunk so they lie wholly on one of {@code screens}: the screen they
   * overlap most, or the first (primary) screen when they overlap none — a window saved on a
   * monitor that is gone comes back on the primary one.
   */
  public WindowBounds clampedTo(List<WindowBounds> screens) {
    if (screens.isEmpty()) {
      return this;
    }
    WindowBounds screen =
        screens.stream()
            .max(Comparator.comparingDouble(this::overlapArea))
            .filter(s -> overlapArea(s) > 0)
            .orElse(screens.get(0));
    double w = Math.min(width, screen.width);
    double h = Math.min(height, screen.height);
    double nx = Math.max(screen.x, Math.min(x, screen.x + screen.width - w));
    double ny = Math.max(screen.y, Math.min(y, screen.y + screen.height - h));
    return new WindowBounds(nx, ny, w, h);
  }
}
