package io.cordon.map.interact;

import io.cordon.map.MapFeature;
import io.cordon.map.MapStyles;
import javafx.scene.control.Label;

/**
 * A light label next to the cursor naming what is under it (name, kind, state). Cheaper and more
 * predictable than a {@link javafx.scene.control.Tooltip} window: it follows the throttled hit
 * test and never steals the mouse.
 */
public final class HoverTooltip extends Label {
  private static final double OFFSET_PX = 16;
  private MapFeature feature;

  public HoverTooltip() {
    setId("map-tooltip");
    getStyleClass().add(MapStyles.TOOLTIP);
    setMouseTransparent(true);
    setManaged(false);
    setVisible(false);
  }

  /** Shows the text next to (x, y), kept inside a width × height map. */
  public void show(MapFeature f, String text, double x, double y, double width, double height) {
    feature = f;
    setText(text);
    applyCss();
    double w = prefWidth(-1);
    double h = prefHeight(w);
    double left = x + OFFSET_PX + w > width ? x - OFFSET_PX - w : x + OFFSET_PX;
    double top = y + OFFSET_PX + h > height ? y - OFFSET_PX - h : y + OFFSET_PX;
    resizeRelocate(Math.max(0, left), Math.max(0, top), w, h);
    setVisible(true);
  }

  public void hide() {
    feature = null;
    setVisible(false);
  }

  /** What the tooltip names now; null when hidden. */
  public MapFeature feature() {
    return feature;
  }
}
