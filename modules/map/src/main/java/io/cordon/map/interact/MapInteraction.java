package io.cordon.map.interact;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.map.FeatureKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import io.cordon.map.live.LiveVehicles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything the operator does with the map besides looking: navigation, hover tooltip, click to
 * select with a details card, right-click actions, search, layer switches, and the focus flight
 * used by the alarm queue and search. Owns the highlight layer (above every other layer) and the
 * overlay controls; the map view calls it on park, viewport and pulse.
 */
public final class MapInteraction {
  /** Hit tests for the tooltip run at most this often while the mouse moves. */
  static final long HOVER_INTERVAL_NANOS = 50_000_000L;
  /** A selected vehicle's card is re-read at most this often. */
  static final long DETAILS_INTERVAL_NANOS = 500_000_000L;
  /** Focusing a point-like feature zooms in to at least this many pixels per metre (~400 m across 800 px). */
  public static final double POINT_FOCUS_SCALE = 2.0;
  /** An area is focused so that it fills this share of the smaller side of the map. */
  private static final double AREA_FOCUS_SHARE = 0.6;

  private final Region map;
  private final MapState state;
  private final Runnable fitToPark;
  private final FeatureIndex index;
  private final FeatureDescriber describer;
  private final FocusAnimator animator;
  private final HighlightLayer highlight;
  private final HoverTooltip tooltip = new HoverTooltip();
  private final DetailsCard details;
  private final FeatureMenu menu;
  private final ScaleBar scaleBar = new ScaleBar();
  private final CursorCoordinates coordinates = new CursorCoordinates();
  private final LayerTogglePanel layers;
  private final SearchBox search;
  private final MapOverlay overlay;
  private final MapNavigator navigator;
  private final CameraDragSource cameraDrag;

  private boolean menuOpenedByPress;
  private boolean hoverPending;
  private double hoverX;
  private double hoverY;
  private boolean pointerInside;
  private long lastHoverNanos;
  private long lastDetailsNanos;
  private long detailsRevision = -1;

  public MapInteraction(Region map, MapState state, Runnable fitToPark) {
    this.map = map;
    this.state = state;
    this.fitToPark = fitToPark;
    this.index = new FeatureIndex(state);
    this.describer = new FeatureDescriber(state);
    this.animator = new FocusAnimator(state);
    this.highlight = new HighlightLayer(state, describer);
    this.details = new DetailsCard(describer, this::clearSelection);
    this.menu = new FeatureMenu(state, describer);
    this.layers = new LayerTogglePanel(state);
    this.search = new SearchBox(state, index, describer, this::focus);
    HBox buttons = buttons();
    this.overlay = new MapOverlay(search, buttons, layers, new NorthArrow(), details, scaleBar, coordinates, tooltip);
    for (Node control : new Node[] {search, buttons, layers, details}) {
      shield(control);
    }
    navigator = MapNavigator.install(map, state, fitToPark, animator::cancel);
    cameraDrag = CameraDragSource.install(map, index, navigator);
    installPointer();
    installKeys();
    state.selectionProperty().addListener((obs, old, now) -> {
      if (now != null) {
        overlay.setDetailsOnLeft(onRightHalf(now));
      }
      details.show(now);
    });
    state.gateStates().addListener((MapChangeListener<Object, Object>) c -> details.refresh());
    state.lotOccupancy().addListener((MapChangeListener<Object, Object>) c -> details.refresh());
    state.alarms().addListener((ListChangeListener<Object>) c -> details.refresh());
    state.textsBinding().addListener((obs, old, now) -> details.refresh());
    scaleBar.update(state.viewport());
  }

  CameraDragSource cameraDrag() {
    return cameraDrag;
  }

  private HBox buttons() {
    Button zoomIn = button("map-zoom-in", "+", "overlay.zoomIn");
    zoomIn.setOnAction(e -> zoomAtCentre(MapNavigator.KEY_ZOOM));
    Button zoomOut = button("map-zoom-out", "−", "overlay.zoomOut");
    zoomOut.setOnAction(e -> zoomAtCentre(1 / MapNavigator.KEY_ZOOM));
    Button fit = button("map-fit", null, "overlay.fit");
    fit.textProperty().bind(Bindings.createStringBinding(() -> state.texts().get("overlay.fit"), state.textsBinding()));
    fit.setOnAction(e -> {
      animator.cancel();
      fitToPark.run();
    });
    HBox row = new HBox(4, zoomIn, zoomOut, fit, layers.toggleButton());
    row.getStyleClass().add(MapStyles.MAP_BUTTONS);
    return row;
  }

  private Button button(String id, String text, String tooltipKey) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add(MapStyles.MAP_BUTTON);
    b.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(Bindings.createStringBinding(() -> state.texts().get(tooltipKey), state.textsBinding()));
    b.setTooltip(tip);
    return b;
  }

  private void zoomAtCentre(double factor) {
    animator.cancel();
    state.moveTo(state.viewport().zoomAt(factor, state.widthProperty().get() / 2, state.heightProperty().get() / 2));
  }

  /** Events on a control stay there: clicking the search box must not select or pan the map. */
  private void shield(Node control) {
    control.addEventHandler(MouseEvent.ANY, e -> {
      if (e.getEventType() == MouseEvent.MOUSE_MOVED) {
        hoverOff();
      }
      e.consume();
    });
    control.addEventHandler(ScrollEvent.ANY, ScrollEvent::consume);
    control.addEventHandler(ContextMenuEvent.ANY, ContextMenuEvent::consume);
  }

  private void installPointer() {
    map.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      map.requestFocus();
      // The menu opens on the right button's press: not every platform (headless Monocle, some
      // touch screens) sends a context-menu event for it.
      menuOpenedByPress = e.getButton() == MouseButton.SECONDARY;
      if (menuOpenedByPress) {
        openMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
      } else {
        menu.hide();
      }
    });
    map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX(), e.getY()));
    map.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      pointerInside = true;
      coordinates.show(state.context(), state.viewport(), e.getX(), e.getY());
      hoverOff();
    });
    map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
      pointerInside = false;
      coordinates.clear();
      hoverOff();
    });
    map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()) {
        state.selectionProperty().set(index.featureAt(e.getX(), e.getY()).orElse(null));
      }
    });
    map.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      // After a right press the menu is already open; the menu key (or Shift+F10) opens it here.
      if (e.isKeyboardTrigger() || !menuOpenedByPress) {
        openMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
      }
      menuOpenedByPress = false;
      e.consume();
    });
  }

  private void openMenu(double x, double y, double screenX, double screenY) {
    Optional<MapFeature> hit = index.featureAt(x, y);
    if (hit.isPresent()) {
      hoverOff();
      state.selectionProperty().set(hit.get());
      menu.show(map, hit.get(), screenX, screenY);
    } else {
      menu.hide();
    }
  }

  private void installKeys() {
    map.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
        menu.hide();
        layers.setOpen(false);
        clearSelection();
        e.consume();
      }
    });
  }

  /** Whether the feature is (or, after a focus flight, will be) on the right half of the map. */
  private boolean onRightHalf(MapFeature f) {
    MapContext c = state.context();
    if (c == null || animator.runningProperty().get()) {
      return false;
    }
    return state.viewport().screenX(c.x(f.lon())) > state.widthProperty().get() / 2;
  }

  private void clearSelection() {
    state.selectionProperty().set(null);
    state.highlightProperty().set(null);
  }

  private void pointerAt(double x, double y) {
    pointerInside = true;
    hoverX = x;
    hoverY = y;
    hoverPending = true;
    coordinates.show(state.context(), state.viewport(), x, y);
  }

  private void hoverOff() {
    hoverPending = false;
    tooltip.hide();
    state.hoveredProperty().set(null);
    map.setCursor(Cursor.DEFAULT);
  }

  private void hoverTest() {
    hoverPending = false;
    Optional<MapFeature> hit = index.featureAt(hoverX, hoverY);
    if (hit.isEmpty() || hit.get().kind() == FeatureKind.ZONE) {
      // Zones cover the whole park: a tooltip everywhere would be noise. Their card is a click away.
      tooltip.hide();
      state.hoveredProperty().set(hit.orElse(null));
      map.setCursor(Cursor.DEFAULT);
      return;
    }
    MapFeature f = hit.get();
    state.hoveredProperty().set(f);
    tooltip.show(f, describer.tooltip(f), hoverX, hoverY, map.getWidth(), map.getHeight());
    map.setCursor(Cursor.HAND);
  }

  // --- calls from the map view -----------------------------------------------------------------

  /** The highlight layer's node, placed above every other layer. */
  public Node highlightNode() {
    return highlight.node();
  }

  /** The overlay controls, placed above the highlight layer and sized to the map. */
  public MapOverlay overlay() {
    return overlay;
  }

  public void parkChanged(MapContext context) {
    highlight.parkChanged(context);
    hoverOff();
  }

  public void viewportChanged(MapViewport viewport) {
    highlight.viewportChanged(viewport);
    scaleBar.update(viewport);
    if (pointerInside && !navigator.isDragging()) {
      // The map moved under a still cursor (wheel, keys, focus): what it points at changed.
      hoverPending = true;
      coordinates.show(state.context(), viewport, hoverX, hoverY);
    }
  }

  public void frame(long nowNanos) {
    highlight.frame(nowNanos);
    if (hoverPending && nowNanos - lastHoverNanos >= HOVER_INTERVAL_NANOS) {
      lastHoverNanos = nowNanos;
      hoverTest();
    }
    MapFeature selected = state.selectionProperty().get();
    if (selected != null && selected.kind() == FeatureKind.VEHICLE
        && nowNanos - lastDetailsNanos >= DETAILS_INTERVAL_NANOS) {
      LiveVehicles vehicles = state.vehiclesProperty().get();
      long revision = vehicles == null ? 0 : vehicles.revision();
      if (revision != detailsRevision) {
        detailsRevision = revision;
        lastDetailsNanos = nowNanos;
        details.refresh();
      }
    }
  }

  // --- public API, through the map view -------------------------------------------------------

  /**
   * Flies to the feature (centre; zoom in to a scale that suits its kind, never out), highlights
   * it with a pulsing ring and selects it. A vehicle is looked up again by plate so the flight
   * ends where it is now.
   */
  public void focus(MapFeature feature) {
    MapFeature f = feature;
    if (f.kind() == FeatureKind.VEHICLE) {
      f = index.vehicle(f.id()).orElse(f);
    }
    state.highlightProperty().set(f);
    MapContext c = state.context();
    if (c != null) {
      double scale = Math.max(state.viewport().scale(), focusScale(f, c));
      scale = Math.max(MapViewport.MIN_SCALE, Math.min(MapViewport.MAX_SCALE, scale));
      animator.flyTo(c.x(f.lon()), c.y(f.lat()), scale);
    }
    // Selected once the flight is under way: the card then takes the side it will not cover.
    state.selectionProperty().set(f);
  }

  /** Flies to a bare WGS84 point, highlights and selects it. */
  public void focus(double lon, double lat) {
    focus(MapFeature.point(lon, lat, Coordinates.format(lon, lat)));
  }

  private double focusScale(MapFeature f, MapContext c) {
    Geometry area = null;
    Object src = f.source();
    if (src instanceof ParkingLot lot) {
      area = lot.area();
    } else if (src instanceof ControlZone zone) {
      area = zone.area();
    } else if (src instanceof Road road) {
      area = road.line();
    } else if (src instanceof PerimeterSegment segment) {
      area = segment.line();
    }
    if (area == null) {
      return f.kind() == FeatureKind.ENTERPRISE ? POINT_FOCUS_SCALE * 0.75 : POINT_FOCUS_SCALE;
    }
    Envelope e = area.getEnvelopeInternal();
    double spanM = Math.max(c.x(e.getMaxX()) - c.x(e.getMinX()), c.y(e.getMaxY()) - c.y(e.getMinY()));
    double side = Math.min(state.widthProperty().get(), state.heightProperty().get());
    if (spanM <= 0 || side <= 0) {
      return POINT_FOCUS_SCALE;
    }
    return Math.min(POINT_FOCUS_SCALE, side * AREA_FOCUS_SHARE / spanM);
  }

  public FeatureIndex index() {
    return index;
  }

  public FeatureDescriber describer() {
    return describer;
  }

  public FocusAnimator animator() {
    return animator;
  }

  public HighlightLayer highlight() {
    return highlight;
  }

  public DetailsCard details() {
    return details;
  }

  public HoverTooltip tooltip() {
    return tooltip;
  }

  public FeatureMenu menu() {
    return menu;
  }

  public ScaleBar scaleBar() {
    return scaleBar;
  }

  public SearchBox search() {
    return search;
  }

  public LayerTogglePanel layers() {
    return layers;
  }
}
