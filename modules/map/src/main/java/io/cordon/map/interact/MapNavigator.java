package io.cordon.map.interact;

import io.cordon.map.MapState;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/** Drag pans, the wheel zooms around the cursor, a double click fits the park again. */
public final class MapNavigator {
  private static final double WHEEL_ZOOM_PER_PIXEL = 1.0025;

  private final MapState state;
  private final Runnable fitToPark;
  private double dragX;
  private double dragY;

  private MapNavigator(MapState state, Runnable fitToPark) {
    this.state = state;
    this.fitToPark = fitToPark;
  }

  /** Installs the handlers on the map's region. */
  public static MapNavigator install(Region map, MapState state, Runnable fitToPark) {
    MapNavigator navigator = new MapNavigator(state, fitToPark);
    map.addEventHandler(MouseEvent.MOUSE_PRESSED, navigator::onPressed);
    map.addEventHandler(MouseEvent.MOUSE_DRAGGED, navigator::onDragged);
    map.addEventHandler(MouseEvent.MOUSE_CLICKED, navigator::onClicked);
    map.addEventHandler(ScrollEvent.SCROLL, navigator::onScroll);
    return navigator;
  }

  private void onPressed(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY) {
      dragX = e.getX();
      dragY = e.getY();
    }
  }

  private void onDragged(MouseEvent e) {
    if (!e.isPrimaryButtonDown()) {
      return;
    }
    double dx = e.getX() - dragX;
    double dy = e.getY() - dragY;
    dragX = e.getX();
    dragY = e.getY();
    if (dx != 0 || dy != 0) {
      state.moveTo(state.viewport().panBy(dx, dy));
    }
    e.consume();
  }

  private void onClicked(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
      fitToPark.run();
      e.consume();
    }
  }

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    state.moveTo(state.viewport().zoomAt(Math.pow(WHEEL_ZOOM_PER_PIXEL, e.getDeltaY()), e.getX(), e.getY()));
    e.consume();
  }
}
