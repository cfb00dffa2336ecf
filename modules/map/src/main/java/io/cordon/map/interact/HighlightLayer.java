package io.cordon.map.interact;

import io.cordon.map.FeatureKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import io.cordon.map.live.LiveVehicles;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;

/**
 * Above every other layer: a pulsing ring around the focused feature
 * ({@link MapState#highlightProperty()}) and a steady ring around the selected one. Rings on a
 * vehicle follow it as it moves.
 */
public final class HighlightLayer implements MapLayer {
  static final double RING_PX = 16;
  private static final double PULSE_PX = 14;
  private static final long PULSE_NANOS = 1_200_000_000L;
  /** Pulses draw the eye for a few seconds, then the ring stands still: no redraw on every pulse forever. */
  private static final long PULSING_NANOS = 5 * PULSE_NANOS;

  private final MapState state;
  private final FeatureDescriber describer;
  private final Pane pane = new Pane();
  private final Circle highlightRing = new Circle(RING_PX);
  private final Circle highlightCore = new Circle(RING_PX);
  private final Circle selectionRing = new Circle(RING_PX - 3);
  private final Anchor highlight = new Anchor();
  private final Anchor selection = new Anchor();
  private MapContext context;
  private long vehiclesRevision = -1;
  /** When the current highlight started pulsing; -1 until its first frame. */
  private long pulsingSince = -1;
  private boolean steady;

  public HighlightLayer(MapState state, FeatureDescriber describer) {
    this.state = state;
    this.describer = describer;
    pane.setMouseTransparent(true);
    pane.setPickOnBounds(false);
    highlightRing.setId("map-highlight");
    highlightRing.getStyleClass().add(MapStyles.HIGHLIGHT_RING);
    highlightCore.getStyleClass().add(MapStyles.HIGHLIGHT_CORE);
    selectionRing.setId("map-selection");
    selectionRing.getStyleClass().add(MapStyles.SELECTION_RING);
    pane.getChildren().addAll(selectionRing, highlightRing, highlightCore);
    state.highlightProperty().addListener((obs, old, now) -> {
      pulsingSince = -1;
      steady = false;
      place(highlight, now);
    });
    state.selectionProperty().addListener((obs, old, now) -> place(selection, now));
    context = state.context();
    place(highlight, state.highlightProperty().get());
    place(selection, state.selectionProperty().get());
  }

  @Override
  public Node node() {
    return pane;
  }

  @Override
  public void parkChanged(MapContext value) {
    context = value;
    place(highlight, state.highlightProperty().get());
    place(selection, state.selectionProperty().get());
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    position();
  }

  @Override
  public void frame(long nowNanos) {
    LiveVehicles vehicles = state.vehiclesProperty().get();
    long revision = vehicles == null ? 0 : vehicles.revision();
    if (revision != vehiclesRevision) {
      vehiclesRevision = revision;
      follow(highlight, state.highlightProperty().get());
      follow(selection, state.selectionProperty().get());
    }
    if (highlightRing.isVisible() && !steady) {
      if (pulsingSince < 0) {
        pulsingSince = nowNanos;
      }
      if (nowNanos - pulsingSince >= PULSING_NANOS) {
        steady = true;
        highlightRing.setRadius(RING_PX + PULSE_PX / 3);
        highlightRing.setOpacity(0.8);
        return;
      }
      double phase = ((nowNanos - pulsingSince) % PULSE_NANOS) / (double) PULSE_NANOS;
      highlightRing.setRadius(RING_PX + PULSE_PX * phase);
      highlightRing.setOpacity(1 - phase);
    }
  }

  /** True while the focus ring still pulses (tests). */
  boolean isPulsing() {
    return highlightRing.isVisible() && !steady;
  }

  private void follow(Anchor anchor, MapFeature f) {
    if (f != null && f.kind() == FeatureKind.VEHICLE) {
      describer.liveVehicle(f.id()).ifPresent(v -> {
        anchor.set(v.fix().lon(), v.fix().lat(), context);
        position();
      });
    }
  }

  private void place(Anchor anchor, MapFeature f) {
    if (f == null || context == null) {
      anchor.clear();
    } else {
      anchor.set(f.lon(), f.lat(), context);
      follow(anchor, f);
    }
    position();
  }

  private void position() {
    MapViewport v = state.viewport();
    show(highlightRing, highlight, v);
    show(highlightCore, highlight, v);
    show(selectionRing, selection, v);
  }

  private static void show(Circle ring, Anchor anchor, MapViewport v) {
    ring.setVisible(anchor.present);
    if (anchor.present) {
      ring.setCenterX(v.screenX(anchor.x));
      ring.setCenterY(v.screenY(anchor.y));
    }
  }

  /** Screen point of the highlight ring's centre, for tests; NaN when nothing is highlighted. */
  public double[] highlightCentre() {
    return highlightRing.isVisible()
        ? new double[] {highlightRing.getCenterX(), highlightRing.getCenterY()}
        : new double[] {Double.NaN, Double.NaN};
  }

  /** A ring's position in metres. */
  private static final class Anchor {
    boolean present;
    double x;
    double y;

    void set(double lon, double lat, MapContext c) {
      if (c == null) {
        clear();
        return;
      }
      present = true;
      x = c.x(lon);
      y = c.y(lat);
    }

    void clear() {
      present = false;
    }
  }
}
