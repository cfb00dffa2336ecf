package io.cordon.app.video;

import io.cordon.client.layout.WindowBounds;
import java.util.List;

/**
 * Which monitor a new wall goes to: one wall per screen, so the first screen (primary first) that
 * neither the main window nor another wall window stands on; when every screen has one, the screen
 * with the fewest walls.
 */
final class ScreenChoice {
  private ScreenChoice() {
  }

  /** The index into {@code screens} for a new wall. */
  static int forNewWall(List<WindowBounds> screens, WindowBounds mainWindow, List<WindowBounds> wallWindows) {
    if (screens.isEmpty()) {
      throw new IllegalArgumentException("no screens");
    }
    int best = 0;
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < screens.size(); i++) {
      WindowBounds screen = screens.get(i);
      int walls = (int) wallWindows.stream().filter(w -> contains(screen, w)).count();
      int taken = walls + (contains(screen, mainWindow) ? 1 : 0);
      if (taken == 0) {
        return i;
      }
      if (walls < fewest) {
        fewest = walls;
        best = i;
      }
    }
    return best;
  }

  /** The screen whose area holds the window's centre; -1 if none (a window left off every screen). */
  static int screenOf(List<WindowBounds> screens, WindowBounds window) {
    for (int i = 0; i < screens.size(); i++) {
      if (contains(screens.get(i), window)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(WindowBounds screen, WindowBounds window) {
    double cx = window.x() + window.width() / 2;
    double cy = window.y() + window.height() / 2;
    return cx >= screen.x() && cx < screen.x() + screen.width() && cy >= screen.y() && cy < screen.y() + screen.height();
  }
}
