package io.cordon.map.live;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.MapStyles;
import java.util.function.Consumer;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Reads the theme's looked-up colours for canvas drawing: a canvas cannot be styled, so each
 * colour is the background of a hidden, unmanaged region styled by park-map.css; whenever CSS
 * (re)applies, the palette is rebuilt and handed to the layer.
 */
final class ThemeSwatches {
  private LivePalette palette = LivePalette.defaults();

  private ThemeSwatches() {}

  /** Adds the swatches to {@code host}; {@code onChange} gets every palette CSS produces. */
  static void install(Pane host, Consumer<LivePalette> onChange) {
    ThemeSwatches swatches = new ThemeSwatches();
    for (VehicleClass vehicleClass : VehicleClass.values()) {
      swatches.add(host, MapStyles.vehicleSwatch(vehicleClass), colour -> {
        swatches.palette = swatches.palette.withVehicle(vehicleClass, colour);
        onChange.accept(swatches.palette);
      });
    }
    for (Severity severity : Severity.values()) {
      swatches.add(host, MapStyles.alarmSwatch(severity), colour -> {
        swatches.palette = swatches.palette.withAlarm(severity, colour);
        onChange.accept(swatches.palette);
      });
    }
  }

  private void add(Pane host, String styleClass, Consumer<Color> onColour) {
    Region swatch = new Region();
    swatch.getStyleClass().addAll(MapStyles.LIVE_SWATCH, styleClass);
    swatch.setManaged(false);
    swatch.setVisible(false);
    swatch.setMouseTransparent(true);
    swatch.backgroundProperty().addListener((obs, old, now) -> {
      Color colour = colourOf(now);
      if (colour != null) {
        onColour.accept(colour);
      }
    });
    host.getChildren().add(swatch);
  }

  private static Color colourOf(Background background) {
    if (background == null || background.getFills().isEmpty()) {
      return null;
    }
    return background.getFills().get(0).getFill() instanceof Color colour ? colour : null;
  }
}
