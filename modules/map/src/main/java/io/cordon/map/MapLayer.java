package io.cordon.map;

import javafx.scene.Node;

/**
 * One layer of the map's stack. Layers are built with the {@link MapState} they read from; the
 * map calls them on the FX thread when the park or the viewport changes and once per pulse.
 */
public interface MapLayer {
  /** The node added to the map's stack, sized to the map. */
  Node node();

  /** The park changed (null when cleared); rebuild what depends on it. */
  void parkChanged(MapContext context);

  /** The view moved or zoomed, or the map was resized; reposition. */
  void viewportChanged(MapViewport viewport);

  /** Called on every JavaFX pulse while the map is showing, for animation and live data. */
  default void frame(long nowNanos) {}
}
