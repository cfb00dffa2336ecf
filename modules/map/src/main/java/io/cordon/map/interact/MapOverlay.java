package io.cordon.map.interact;

import io.cordon.map.MapStyles;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The controls floating over the map, kept to its edges so the middle stays free: search top
 * left; zoom-to-fit and layers top right with the layer list under them; the north arrow and the
 * details card down the right side; the scale bar bottom left; cursor coordinates bottom right.
 * Not affected by pan or zoom. Only the controls themselves take the mouse.
 */
public final class MapOverlay extends Pane {
  static final double MARGIN = 12;
  static final double GAP = 8;

  private final SearchBox search;
  private final HBox buttons;
  private final LayerTogglePanel layers;
  private final NorthArrow north;
  private final DetailsCard details;
  private final ScaleBar scaleBar;
  private final CursorCoordinates coordinates;
  private boolean detailsOnLeft;

  public MapOverlay(
      SearchBox search,
      HBox buttons,
      LayerTogglePanel layers,
      NorthArrow north,
      DetailsCard details,
      ScaleBar scaleBar,
      CursorCoordinates coordinates,
      HoverTooltip tooltip) {
    this.search = search;
    this.buttons = buttons;
    this.layers = layers;
    this.north = north;
    this.details = details;
    this.scaleBar = scaleBar;
    this.coordinates = coordinates;
    getStyleClass().add(MapStyles.OVERLAY);
    setPickOnBounds(false);
    // Drawing order: the layer list opens over the arrow and the card; the tooltip is topmost.
    getChildren().addAll(scaleBar, coordinates, north, details, search, buttons, layers, tooltip);
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    // The search box gets a third of a narrow map, never more than 300 px.
    double searchW = Math.max(160, Math.min(300, w / 3));
    place(search, MARGIN, MARGIN, searchW);

    double bw = buttons.prefWidth(-1);
    place(buttons, w - MARGIN - bw, MARGIN, bw);
    double belowButtons = MARGIN + buttons.prefHeight(bw) + GAP;
    double lw = layers.prefWidth(-1);
    place(layers, w - MARGIN - lw, belowButtons, lw);

    double nw = north.prefWidth(-1);
    double nh = north.prefHeight(nw);
    north.resizeRelocate(w - MARGIN - nw, belowButtons, nw, nh);
    double cw = Math.min(DetailsCard.WIDTH_PX, Math.max(120, w - 2 * MARGIN));
    double cardTop = detailsOnLeft ? MARGIN + search.getHeight() + GAP : belowButtons + nh + GAP;
    double ch = Math.min(details.prefHeight(cw), Math.max(60, h - cardTop - 48));
    details.resizeRelocate(detailsOnLeft ? MARGIN : w - MARGIN - cw, cardTop, cw, ch);

    double sw = scaleBar.prefWidth(-1);
    double sh = scaleBar.prefHeight(sw);
    scaleBar.resizeRelocate(MARGIN, h - MARGIN - sh, sw, sh);
    double kw = coordinates.prefWidth(-1);
    double kh = coordinates.prefHeight(kw);
    coordinates.resizeRelocate(w - MARGIN - kw, h - MARGIN - kh, kw, kh);
  }

  /**
   * Puts the details card on the left (under the search box) or the right (under the north
   * arrow): the interaction picks the side away from the selected feature so the card never
   * hides what it describes.
   */
  public void setDetailsOnLeft(boolean left) {
    if (left != detailsOnLeft) {
      detailsOnLeft = left;
      requestLayout();
    }
  }

  public boolean isDetailsOnLeft() {
    return detailsOnLeft;
  }

  private static void place(Region node, double x, double y, double width) {
    node.resizeRelocate(x, y, width, node.prefHeight(width));
  }
}
