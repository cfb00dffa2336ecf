package io.cordon.map.interact;

import io.cordon.map.MapState;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Moving the view by hand: drag pans, the wheel zooms around the cursor, a double click fits the
 * park again; with the map focused, arrows pan, +/= and - zoom around the centre, 0 or Home fit.
 * Every such move first tells {@code userMoving} (which cancels a focus flight under way).
 */
public final class MapNavigator {
  /** Zoom per wheel pixel: one notch (40 px) is about 10 %. */
  private static final double WHEEL_ZOOM_PER_PIXEL = 1.0025;
  /** Zoom per +/- key press. */
  public static final double KEY_ZOOM = 1.5;
  /** Pan per arrow key press, pixels. */
  public static final double KEY_PAN_PX = 100;

  private final Region map;
  private final MapState state;
  private final Runnable fitToPark;
  private final Runnable userMoving;
  private double dragX;
  private double dragY;
  private boolean dragged;
  private java.util.function.BooleanSupplier panHeld = () -> false;

  private MapNavigator(Region map, MapState state, Runnable fitToPark, Runnable userMoving) {
    this.map = map;
    this.state = state;
    this.fitToPark = fitToPark;
    this.userMoving = userMoving;
  }

  /** Installs the handlers on the map's region. */
  public static MapNavigator install(Region map, MapState state, Runnable fitToPark, Runnable userMoving) {
    MapNavigator navigator = new MapNavigator(map, state, fitToPark, userMoving);
    map.addEventHandler(MouseEvent.MOUSE_PRESSED, navigator::onPressed);
    map.addEventHandler(MouseEvent.MOUSE_DRAGGED, navigator::onDragged);
    map.addEventHandler(MouseEvent.MOUSE_CLICKED, navigator::onClicked);
    map.addEventHandler(ScrollEvent.SCROLL, navigator::onScroll);
    map.addEventHandler(KeyEvent.KEY_PRESSED, navigator::onKey);
    return navigator;
  }

  /** While {@code held} says so, dragging does not pan (a camera is being dragged off the map). */
  public void holdPanWhile(java.util.function.BooleanSupplier held) {
    panHeld = java.util.Objects.requireNonNull(held, "held");
  }

  /** True while the primary button is down and the mouse has moved since it was pressed. */
  public boolean isDragging() {
    return dragged;
  }

  private void onPressed(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY) {
      dragX = e.getX();
      dragY = e.getY();
      dragged = false;
    }
  }

  private void onDragged(MouseEvent e) {
    if (!e.isPrimaryButtonDown() || panHeld.getAsBoolean()) {
      return;
    }
    double dx = e.getX() - dragX;
    double dy = e.getY() - dragY;
    dragX = e.getX();
    dragY = e.getY();
    if (dx != 0 || dy != 0) {
      dragged = true;
      userMoving.run();
      state.moveTo(state.viewport().panBy(dx, dy));
    }
    e.consume();
  }

  private void onClicked(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
      fit();
      e.consume();
    }
  }

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    userMoving.run();
    state.moveTo(state.viewport().zoomAt(Math.pow(WHEEL_ZOOM_PER_PIXEL, e.getDeltaY()), e.getX(), e.getY()));
    e.consume();
  }

  private void onKey(KeyEvent e) {
    // Keys typed into the search field bubble up here too: only the focused map itself navigates.
    if (!map.isFocused()) {
      return;
    }
    double cx = state.widthProperty().get() / 2;
    double cy = state.heightProperty().get() / 2;
    KeyCode code = e.getCode();
    if (code == KeyCode.LEFT) {
      pan(KEY_PAN_PX, 0);
    } else if (code == KeyCode.RIGHT) {
      pan(-KEY_PAN_PX, 0);
    } else if (code == KeyCode.UP) {
      pan(0, KEY_PAN_PX);
    } else if (code == KeyCode.DOWN) {
      pan(0, -KEY_PAN_PX);
    } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
      zoom(KEY_ZOOM, cx, cy);
    } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
      zoom(1 / KEY_ZOOM, cx, cy);
    } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0 || code == KeyCode.HOME) {
      fit();
    } else {
      return;
    }
    e.consume();
  }

  private void pan(double dx, double dy) {
    userMoving.run();
    state.moveTo(state.viewport().panBy(dx, dy));
  }

  private void zoom(double factor, double sx, double sy) {
    userMoving.run();
    state.moveTo(state.viewport().zoomAt(factor, sx, sy));
  }

  private void fit() {
    userMoving.run();
    fitToPark.run();
  }
}
