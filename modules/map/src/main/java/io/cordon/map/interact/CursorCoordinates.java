package io.cordon.map.interact;

import io.cordon.map.MapContext;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import javafx.scene.control.Label;
import org.locationtech.jts.geom.Coordinate;

/** The WGS84 position under the cursor, e.g. {@code 120.8123°E 31.9456°N}; empty off the map. */
public final class CursorCoordinates extends Label {
  public CursorCoordinates() {
    getStyleClass().add(MapStyles.CURSOR_COORDINATES);
    setMouseTransparent(true);
    setVisible(false);
  }

  /** Shows the position under screen point (sx, sy). */
  public void show(MapContext context, MapViewport viewport, double sx, double sy) {
    if (context == null) {
      clear();
      return;
    }
    Coordinate lonLat = context.projection().toLonLat(new Coordinate(viewport.worldX(sx), viewport.worldY(sy)));
    setText(Coordinates.format(lonLat.x, lonLat.y));
    setVisible(true);
  }

  public void clear() {
    setText("");
    setVisible(false);
  }
}
