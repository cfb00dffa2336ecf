package io.cordon.map;

import io.cordon.domain.park.Park;
import io.cordon.map.interact.FeatureIndex;
import io.cordon.map.interact.MapInteraction;
import io.cordon.map.plan.ParkPlanLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * The park map: a stack of {@link MapLayer}s over one shared {@link MapState}. Offline by
 * construction: it draws the park model itself and reads raster tiles only from local files.
 * Until the user moves the map it keeps the whole park in view, also when resized.
 */
public class ParkMapView extends Region {
  private static final double FIT_MARGIN_PX = 24;

  private final MapState state = new MapState();
  private final ObjectProperty<Park> park = new SimpleObjectProperty<>(this, "park");
  private final List<MapLayer> layers = new ArrayList<>();
  private final Pane stack = new Pane();
  private final MapInteraction interaction;
  private final AnimationTimer pulse =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          for (MapLayer layer : layers) {
            layer.frame(now);
          }
          interaction.frame(now);
        }
      };
  private final ObservableValue<Boolean> showing =
      sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
  private boolean animating;
  private double fittedWidth = -1;
  private double fittedHeight = -1;

  public ParkMapView() {
    getStyleClass().add(MapStyles.MAP);
    stack.setManaged(false);
    getChildren().add(stack);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setMinSize(100, 100);
    setPrefSize(800, 600);
    setFocusTraversable(true);

    addLayer(new io.cordon.map.tiles.RasterTileLayer(state));
    ParkPlanLayer plan = new ParkPlanLayer(state);
    addLayer(plan);
    io.cordon.map.live.VehicleLayer vehicles = new io.cordon.map.live.VehicleLayer(state);
    addLayer(vehicles);
    plan.underlay().getChildren().add(vehicles.trails()); // cached with the plan: changes once a second
    addLayer(vehicles.alarms()); // drawn on the vehicles' canvas: one full-screen canvas less per frame
    addLayer(new io.cordon.map.replay.ReplayLayer(state));
    // Interaction after every layer: its highlight rings and overlay controls stay on top.
    interaction = new MapInteraction(this, state, this::fitToPark);
    Node highlight = interaction.highlightNode();
    highlight.setManaged(false);
    interaction.overlay().setManaged(false);
    getChildren().addAll(highlight, interaction.overlay());

    park.addListener((obs, old, now) -> {
      MapContext context = now == null ? null : MapContext.of(now);
      state.setContext(context);
      fittedWidth = -1;
      for (MapLayer layer : layers) {
        layer.parkChanged(context);
      }
      interaction.parkChanged(context);
      requestLayout();
    });
    state.viewportProperty().addListener((obs, old, now) -> {
      for (MapLayer layer : layers) {
        layer.viewportChanged(now);
      }
      interaction.viewportChanged(now);
    });
    // Animate only while shown in a window: a map whose scene was replaced or whose window closed
    // must not keep running (and being kept alive by) the toolkit's pulse.
    showing.addListener((obs, was, now) -> {
      animating = Boolean.TRUE.equals(now);
      if (animating) {
        pulse.start();
      } else {
        pulse.stop();
      }
    });
  }

  private void addLayer(MapLayer layer) {
    layers.add(layer);
    stack.getChildren().add(layer.node());
  }

  @Override
  public String getUserAgentStylesheet() {
    return Objects.requireNonNull(ParkMapView.class.getResource("park-map.css")).toExternalForm();
  }

  /** True while the map's layers get a frame on every pulse (only while shown in a window). */
  boolean isAnimating() {
    return animating;
  }

  /** The shared state: live data, layer switches, selection, locale, actions. */
  public MapState state() {
    return state;
  }

  public ObjectProperty<Park> parkProperty() {
    return park;
  }

  public Park getPark() {
    return park.get();
  }

  public void setPark(Park value) {
    park.set(value);
  }

  /** Metres → pixels; changes on pan, zoom and fit. */
  public ReadOnlyObjectProperty<MapViewport> viewportProperty() {
    return state.viewportProperty();
  }

  /** True once the user panned or zoomed; the map then stops fitting itself on resize. */
  public ReadOnlyBooleanProperty userMovedProperty() {
    return state.userMovedProperty();
  }

  /**
   * Flies to the feature with an animated transition (centre; zoom in to a scale that suits its
   * kind, never out), then highlights it with a pulsing ring and selects it. A second focus, or
   * the user moving the map, cancels a flight under way. Used by the alarm queue and search.
   */
  public void focus(MapFeature feature) {
    interaction.focus(Objects.requireNonNull(feature, "feature"));
  }

  /** Flies to a WGS84 position (degrees), highlights and selects it as a bare point. */
  public void focus(double lon, double lat) {
    interaction.focus(lon, lat);
  }

  /** As {@link #focus(double, double)}, the point's card titled {@code name} (what is there: an alarm). */
  public void focus(double lon, double lat, String name) {
    interaction.focus(MapFeature.point(lon, lat, Objects.requireNonNull(name, "name")));
  }

  /** What is drawn at a screen point, and search by name, id or plate. */
  public FeatureIndex featureIndex() {
    return interaction.index();
  }

  /** The interaction's parts (overlay controls, details card, focus animator), for the app and tests. */
  public MapInteraction interaction() {
    return interaction;
  }

  /** Shows the whole park again and resumes fitting on resize. */
  public void fitToPark() {
    fittedWidth = -1;
    MapContext context = state.context();
    if (context != null && getWidth() > 0 && getHeight() > 0) {
      state.fitTo(fitViewport(context, getWidth(), getHeight()));
    }
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    state.setSize(w, h);
    MapContext context = state.context();
    if (!state.userMovedProperty().get() && context != null && w > 0 && h > 0
        && (w != fittedWidth || h != fittedHeight)) {
      fittedWidth = w;
      fittedHeight = h;
      state.fitTo(fitViewport(context, w, h));
    }
    stack.resizeRelocate(0, 0, w, h);
    if (interaction.highlightNode() instanceof Region highlight) {
      highlight.resizeRelocate(0, 0, w, h);
    }
    interaction.overlay().resizeRelocate(0, 0, w, h);
  }

  private static MapViewport fitViewport(MapContext context, double w, double h) {
    Envelope b = context.metreBounds();
    return MapViewport.fit(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), w, h, FIT_MARGIN_PX);
  }
}
