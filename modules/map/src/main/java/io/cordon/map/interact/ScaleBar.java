package io.cordon.map.interact;

import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.math.BigDecimal;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) no longer than {@link #MAX_BAR_PX},
 * labelled "500 m" or "1 km"; the map is a local metric plane, so one bar is true everywhere.
 */
public final class ScaleBar extends VBox {
  /** The bar is at most this long, so it never reaches into the middle of the map. */
  public static final double MAX_BAR_PX = 150;

  private final Label label = new Label();
  private final Region bar = new Region();
  private double metres;

  public ScaleBar() {
    getStyleClass().add(MapStyles.SCALE_BAR);
    label.getStyleClass().add(MapStyles.SCALE_BAR_LABEL);
    bar.getStyleClass().add(MapStyles.SCALE_BAR_BAR);
    setMouseTransparent(true);
    setFillWidth(false);
    getChildren().addAll(label, bar);
  }

  /** Shows the bar for the viewport's scale. */
  public void update(MapViewport viewport) {
    metres = niceLength(viewport.scale(), MAX_BAR_PX);
    double px = metres * viewport.scale();
    bar.setMinWidth(px);
    bar.setPrefWidth(px);
    bar.setMaxWidth(px);
    label.setText(label(metres));
  }

  /** The length the bar stands for, metres. */
  public double metres() {
    return metres;
  }

  /** The bar's length on screen, pixels. */
  public double barPixels() {
    return bar.getPrefWidth();
  }

  public String text() {
    return label.getText();
  }

  /** The longest 1, 2 or 5 × 10ⁿ metres that fits into {@code maxPx} at {@code pixelsPerMetre}. */
  public static double niceLength(double pixelsPerMetre, double maxPx) {
    double maxMetres = maxPx / pixelsPerMetre;
    double power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
    for (double mantissa : new double[] {5, 2, 1}) {
      // The tolerance keeps exact powers (1000 m at 0.12 px/m) from losing to rounding.
      if (mantissa * power <= maxMetres * (1 + 1e-9)) {
        return mantissa * power;
      }
    }
    return power;
  }

  /** "500 m", "1 km", "20 km", "0.5 m". */
  public static String label(double metres) {
    if (metres >= 1000) {
      return plain(metres / 1000) + " km";
    }
    return plain(metres) + " m";
  }

  private static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
