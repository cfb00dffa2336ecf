package io.cordon.map.interact;

import io.cordon.map.MapState;
import io.cordon.map.MapViewport;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;

/**
 * Flies the view to a point: the centre moves linearly, the scale logarithmically (so zooming in
 * tenfold feels even), eased in and out. A new flight or the user moving the map cancels the one
 * under way.
 */
public final class FocusAnimator {
  public static final Duration DURATION = Duration.millis(500);

  private final MapState state;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private Timeline flight;

  public FocusAnimator(MapState state) {
    this.state = state;
  }

  /** Flies so that metre point (x, y) ends in the middle of the map at {@code scale} px/m. */
  public void flyTo(double x, double y, double scale) {
    cancel();
    double w = state.widthProperty().get();
    double h = state.heightProperty().get();
    MapViewport from = state.viewport();
    if (w <= 0 || h <= 0) {
      state.moveTo(centredOn(x, y, scale, w, h));
      return;
    }
    double fromX = from.worldX(w / 2);
    double fromY = from.worldY(h / 2);
    DoubleProperty t = new SimpleDoubleProperty(0);
    t.addListener((obs, old, now) ->
        state.moveTo(between(now.doubleValue(), from.scale(), fromX, fromY, scale, x, y, w, h)));
    Timeline timeline = new Timeline(
        new KeyFrame(Duration.ZERO, new KeyValue(t, 0)),
        new KeyFrame(DURATION, new KeyValue(t, 1, Interpolator.EASE_BOTH)));
    timeline.setOnFinished(e -> {
      if (flight == timeline) {
        // Land exactly, whatever the last pulse interpolated.
        state.moveTo(centredOn(x, y, scale, w, h));
        flight = null;
        running.set(false);
      }
    });
    flight = timeline;
    running.set(true);
    timeline.play();
  }

  /** Stops a flight under way where it is. */
  public void cancel() {
    if (flight != null) {
      Timeline stopping = flight;
      flight = null;
      stopping.stop();
      running.set(false);
    }
  }

  /** True while a flight is under way. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** The viewport a fraction {@code t} of the way: scale log-linear, centre linear. */
  public static MapViewport between(
      double t, double scale0, double x0, double y0, double scale1, double x1, double y1, double w, double h) {
    double scale = Math.exp(Math.log(scale0) + (Math.log(scale1) - Math.log(scale0)) * t);
    double x = x0 + (x1 - x0) * t;
    double y = y0 + (y1 - y0) * t;
    return centredOn(x, y, scale, w, h);
  }

  /** A viewport with metre point (x, y) in the middle of a w × h map. */
  public static MapViewport centredOn(double x, double y, double scale, double w, double h) {
    return new MapViewport(scale, w / 2 - x * scale, h / 2 + y * scale);
  }
}
