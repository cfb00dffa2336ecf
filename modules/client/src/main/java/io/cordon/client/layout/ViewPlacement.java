package io.cordon.client.layout;

import java.util.Objects;
import java.util.Optional;

/** Where one view lives: docked in the main window, or detached in its own window. */
public record ViewPlacement(String viewId, boolean detached, Optional<WindowBounds> window) {
  public ViewPlacement {
    Objects.requireNonNull(viewId, "viewId");
    Objects.requireNonNull(window, "window");
  }

  public static ViewPlacement docked(String viewId) {
    return new ViewPlacement(viewId, false, Optional.empty());
  }

  public static ViewPlacement detached(String viewId, WindowBounds window) {
    return new ViewPlacement(viewId, true, Optional.of(window));
  }
}
