package io.cordon.map.plan;

import io.cordon.domain.park.Park;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;

/**
 * The static park plan drawn from its real geometry, bottom to top: control zones, roads,
 * perimeter, sensors, parking lots, enterprises, cameras, the {@link #underlay() live trails}, the
 * labels, the gates and the parking lots' live labels.
 * Each feature kind is one {@link PlanDrawing} in its own group bound to its {@link LayerKind}
 * switch; the labels are shared so that one declutter pass ({@link LabelDeclutter}) keeps them
 * apart by priority.
 *
 * <p>Geometry is kept in metres. A zoom re-projects every node (strokes and symbols keep their
 * pixel size) and places the labels again; a pan at the same scale only translates the whole plan,
 * which is what keeps dragging cheap, and once the pan comes to rest the labels of zones, lots and
 * roads move into the part of them that is on screen.
 *
 * <p>Software rendering repaints the whole map on every frame the live layers change (they are
 * full-screen canvases), so while the park is about the size of the view everything here that
 * does not blink or follow live data — plan, trails, labels — is one opaque cached bitmap on the
 * map's background colour: a frame copies it pixel for pixel instead of drawing hundreds of nodes
 * and blending translucent fills (map bench, JFR: from ~55 % of the render thread to ~15 %).
 */
public final class ParkPlanLayer implements MapLayer {
  private static final double SETTLE_MILLIS = 250;
  private static final double MAX_CACHED_PX = 4096;
  private static final double MAX_CACHED_VIEWS = 2.5;
  private static final MapContext NO_PARK = MapContext.of(
      new Park("-", "-", 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
  private final MapState state;
  private final GateDrawing gates;
  private final ParkingDrawing parking;
  private final List<PlanDrawing> drawings;
  /** Labels of still features: cached with the plan (they change only on zoom, pan rest and switches). */
  private final Group labelGroup = new Group();
  /** Labels whose text follows live data (parking occupancy), above the gates and not cached. */
  private final Group liveLabels = new Group();
  /**
   * The map's background colour under the plan, inside the cached bitmap: it makes the bitmap
   * opaque, which the software pipeline copies pixel for pixel instead of blending (measured: the
   * translucent zone fills made the cached plan the dearest part of every frame). Shown only
   * while the plan is cached and no raster base map lies under it.
   */
  private final Rectangle backdrop = new Rectangle();
  /** Everything that does not blink: cached as one bitmap while the whole park is about in view. */
  private final Group still = new Group(backdrop);
  /**
   * Live drawings that change about once a second (the vehicle trails), in screen coordinates,
   * drawn just above the still plan and cached together with it: a frame then copies one opaque
   * bitmap instead of the plan's and a full-screen canvas, and a trail update only composites the
   * still plan's own bitmap and the canvas into it again.
   */
  private final Group underlay = new Group();
  private final Group base = new Group(still, underlay, labelGroup);
  private final Group plan = new Group(base);
  private final Pane content = new Pane(plan);
  private final List<PlanLabel> labels = new ArrayList<>();
  /** The viewport the nodes are projected for; pans are a translation relative to it. */
  private MapViewport projected;
  private boolean stylesApplied;
  private Envelope metreBounds = new Envelope();
  /** After a pan (or resize) comes to rest, big features' labels move into the part on screen. */
  private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));

  public ParkPlanLayer(MapState state) {
    this.state = state;
    gates = new GateDrawing(state);
    parking = new ParkingDrawing(state, this::declutter);
    drawings = List.of(
        new ZoneDrawing(state),
        new RoadDrawing(state),
        new PerimeterDrawing(state),
        new SensorDrawing(state),
        parking,
        new EnterpriseDrawing(state),
        new CameraDrawing(state),
        gates);
    for (PlanDrawing drawing : drawings) {
      (drawing == gates ? plan : still).getChildren().add(drawing.node());
    }
    plan.getChildren().add(liveLabels);
    backdrop.getStyleClass().add(MapStyles.PLAN_BACKDROP);
    backdrop.setMouseTransparent(true);
    backdrop.setVisible(false);
    state.visibleProperty(LayerKind.TILES).addListener((obs, was, now) -> showBackdrop());
    state.tilesProperty().addListener((obs, was, now) -> showBackdrop());
    content.setPickOnBounds(false);
    settle.setOnFinished(e -> {
      if (projected != null) {
        reprojectAll(state.viewport());
      }
    });
    state.widthProperty().addListener((obs, was, now) -> settle.playFromStart());
    state.heightProperty().addListener((obs, was, now) -> settle.playFromStart());
    labelGroup.setMouseTransparent(true);
    liveLabels.setMouseTransparent(true);
    underlay.setMouseTransparent(true);
    labelGroup.visibleProperty().bind(state.visibleProperty(LayerKind.LABELS));
    liveLabels.visibleProperty().bind(state.visibleProperty(LayerKind.LABELS));
    // A hidden layer's labels must not keep others away.
    for (LayerKind kind : LayerKind.values()) {
      state.visibleProperty(kind).addListener((obs, was, now) -> declutter());
    }
    state.textsBinding().addListener((obs, was, now) -> {
      parking.relabel(now);
      declutter();
    });
    content.sceneProperty().addListener((obs, was, now) -> {
      // Not while the scene is still being set on the subtree: styles would not resolve yet.
      if (now != null) {
        Platform.runLater(() -> {
          if (projected != null && content.getScene() != null) {
            reprojectAll(projected);
          }
        });
      }
    });
  }

  @Override
  public Node node() {
    return content;
  }

  /**
   * Where a live layer puts a drawing that changes about once a second (trails) to have it drawn
   * right above the still plan — under gates and labels — and cached with it while the park is
   * about in view. Children stay in screen coordinates, also while the plan pans.
   */
  public Group underlay() {
    return underlay;
  }

  @Override
  public void parkChanged(MapContext context) {
    labels.clear();
    labelGroup.getChildren().clear();
    liveLabels.getChildren().clear();
    projected = null;
    stylesApplied = false;
    if (context == null) {
      for (PlanDrawing drawing : drawings) {
        drawing.build(NO_PARK, new ArrayList<>());
      }
      return;
    }
    metreBounds = context.metreBounds();
    for (PlanDrawing drawing : drawings) {
      drawing.build(context, labels);
    }
    // Sorted once per park; stable, so each drawing's own order (core before key…) is kept.
    labels.sort(Comparator.comparing(PlanLabel::priority));
    for (int i = labels.size() - 1; i >= 0; i--) {
      PlanLabel label = labels.get(i);
      (label.layer() == LayerKind.PARKING ? liveLabels : labelGroup).getChildren().add(label.node());
    }
    reprojectAll(state.viewport());
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    if (projected != null && viewport.scale() == projected.scale()) {
      plan.setTranslateX(viewport.offsetX() - projected.offsetX());
      plan.setTranslateY(viewport.offsetY() - projected.offsetY());
      underlay.setTranslateX(-plan.getTranslateX()); // stays in screen coordinates
      underlay.setTranslateY(-plan.getTranslateY());
      settle.playFromStart();
      return;
    }
    reprojectAll(viewport);
  }

  @Override
  public void frame(long nowNanos) {
    gates.frame(nowNanos);
  }

  private void reprojectAll(MapViewport viewport) {
    settle.stop();
    projected = viewport;
    plan.setTranslateX(0);
    plan.setTranslateY(0);
    underlay.setTranslateX(0);
    underlay.setTranslateY(0);
    if (!stylesApplied && content.getScene() != null) {
      // Labels measure themselves with their stylesheet fonts; apply the styles once per park.
      labelGroup.applyCss();
      liveLabels.applyCss();
      stylesApplied = true;
    }
    VisibleArea visible = VisibleArea.of(viewport, state.widthProperty().get(), state.heightProperty().get());
    for (PlanDrawing drawing : drawings) {
      drawing.reproject(viewport, visible);
    }
    declutter();
    cacheWhenSmall(viewport);
  }

  /**
   * Software rendering redraws every path and label on each pan frame; a bitmap of the plan is
   * only blitted. Worth it while the park is about the size of the view; zoomed in, the bitmap
   * would be huge and the renderer culls what is off screen anyway.
   */
  private void cacheWhenSmall(MapViewport viewport) {
    double w = metreBounds.getWidth() * viewport.scale();
    double h = metreBounds.getHeight() * viewport.scale();
    double viewArea = state.widthProperty().get() * state.heightProperty().get();
    if (!(viewArea > 0)) {
      viewArea = w * h; // size not known yet: judge by the pixel limit alone
    }
    boolean small = w <= MAX_CACHED_PX && h <= MAX_CACHED_PX && w * h <= MAX_CACHED_VIEWS * viewArea;
    // The backdrop covers the view as projected now (the plan's translation is zero here); a pan
    // moves it with the plan and the map's own background shows where it no longer reaches.
    backdrop.setX(0);
    backdrop.setY(0);
    backdrop.setWidth(Math.max(0, state.widthProperty().get()));
    backdrop.setHeight(Math.max(0, state.heightProperty().get()));
    still.setCache(small);
    base.setCache(small);
    showBackdrop();
  }

  private void showBackdrop() {
    boolean tilesUnder = state.tilesProperty().get() != null && state.visibleProperty(LayerKind.TILES).get();
    backdrop.setVisible(still.isCache() && !tilesUnder);
  }

  /** Places the labels again (zoom, a label's text, a layer switch); needs the styles applied. */
  private void declutter() {
    if (!stylesApplied || projected == null) {
      return;
    }
    LabelDeclutter.place(labels, gates.symbolBoxes(), kind -> state.visibleProperty(kind).get());
  }

  /** "核心区一（储罐区）" → "核心区一", for zones too small on screen for the whole name. */
  public static String shortName(String name) {
    int paren = Math.max(name.indexOf('（'), name.indexOf(" ("));
    return paren > 0 ? name.substring(0, paren) : name;
  }

  /** "核心区一（储罐区）" → two lines, so the name fits into smaller zones. */
  public static String twoLines(String name) {
    int paren = Math.max(name.indexOf('（'), name.indexOf(" ("));
    return paren > 0 ? name.substring(0, paren) + "\n" + name.substring(paren).trim() : name;
  }
}
