package io.cordon.map;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.map.live.AlarmMarker;
import io.cordon.map.live.LiveVehicles;
import io.cordon.map.tiles.TileSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Everything the map's layers share: the park and its projection, the viewport, live data, layer
 * switches, selection and texts. One instance per {@link ParkMapView}; FX thread only. Layers read
 * it and observe it; the navigator and the focus animation move the viewport through it.
 */
public final class MapState {
  private final ReadOnlyObjectWrapper<MapContext> context = new ReadOnlyObjectWrapper<>(this, "context");
  private final ReadOnlyObjectWrapper<MapViewport> viewport =
      new ReadOnlyObjectWrapper<>(this, "viewport", new MapViewport(1, 0, 0));
  private final ReadOnlyBooleanWrapper userMoved = new ReadOnlyBooleanWrapper(this, "userMoved");
  private final ReadOnlyDoubleWrapper width = new ReadOnlyDoubleWrapper(this, "width");
  private final ReadOnlyDoubleWrapper height = new ReadOnlyDoubleWrapper(this, "height");

  private final ObservableMap<GateId, GateState> gateStates = FXCollections.observableHashMap();
  private final ObservableMap<ParkingLotId, Integer> lotOccupancy = FXCollections.observableHashMap();
  private final ObjectProperty<LiveVehicles> vehicles = new SimpleObjectProperty<>(this, "vehicles", LiveVehicles.NONE);
  private final ObservableList<AlarmMarker> alarms = FXCollections.observableArrayList();
  private final ObjectProperty<TileSource> tiles = new SimpleObjectProperty<>(this, "tiles");
  private final io.cordon.map.replay.ReplayState replay = new io.cordon.map.replay.ReplayState();

  private final Map<LayerKind, BooleanProperty> visible = new EnumMap<>(LayerKind.class);
  private final ObjectProperty<MapFeature> selection = new SimpleObjectProperty<>(this, "selection");
  private final ObjectProperty<MapFeature> hovered = new SimpleObjectProperty<>(this, "hovered");
  private final ObjectProperty<MapFeature> highlight = new SimpleObjectProperty<>(this, "highlight");
  private final ObjectProperty<Function<MapFeature, List<MapAction>>> actions =
      new SimpleObjectProperty<>(this, "actions", feature -> List.of());
  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.SIMPLIFIED_CHINESE);
  private final ObjectBinding<MapTexts> texts;

  public MapState() {
    for (LayerKind kind : LayerKind.values()) {
      visible.put(kind, new SimpleBooleanProperty(this, "visible" + kind, true));
    }
    texts = Bindings.createObjectBinding(
        () -> MapTexts.of(locale.get() == null ? Locale.SIMPLIFIED_CHINESE : locale.get()), locale);
  }

  /** The park and its projection; null until a park is set. */
  public ReadOnlyObjectProperty<MapContext> contextProperty() {
    return context.getReadOnlyProperty();
  }

  public MapContext context() {
    return context.get();
  }

  void setContext(MapContext value) {
    context.set(value);
  }

  /** Metres → pixels; changes on pan, zoom, fit and focus. */
  public ReadOnlyObjectProperty<MapViewport> viewportProperty() {
    return viewport.getReadOnlyProperty();
  }

  public MapViewport viewport() {
    return viewport.get();
  }

  /** The user (or a focus on their behalf) moved the view: the map stops fitting itself on resize. */
  public void moveTo(MapViewport value) {
    userMoved.set(true);
    viewport.set(value);
  }

  /** The map fitted itself to the park (first show, resize, zoom-to-fit). */
  void fitTo(MapViewport value) {
    userMoved.set(false);
    viewport.set(value);
  }

  public ReadOnlyBooleanProperty userMovedProperty() {
    return userMoved.getReadOnlyProperty();
  }

  /** The map's size in pixels. */
  public ReadOnlyDoubleProperty widthProperty() {
    return width.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty heightProperty() {
    return height.getReadOnlyProperty();
  }

  void setSize(double w, double h) {
    width.set(w);
    height.set(h);
  }

  /** Live gate states by gate; a gate without an entry is shown as unknown. */
  public ObservableMap<GateId, GateState> gateStates() {
    return gateStates;
  }

  /** Vehicles currently inside each parking lot. */
  public ObservableMap<ParkingLotId, Integer> lotOccupancy() {
    return lotOccupancy;
  }

  public ObjectProperty<LiveVehicles> vehiclesProperty() {
    return vehicles;
  }

  /** Active alarms to mark on the map. */
  public ObservableList<AlarmMarker> alarms() {
    return alarms;
  }

  /** Optional local raster base layer; null shows the vector plan alone. */
  public ObjectProperty<TileSource> tilesProperty() {
    return tiles;
  }

  /** The trajectory replay drawn over the live layers (empty unless a replay is shown). */
  public io.cordon.map.replay.ReplayState replay() {
    return replay;
  }

  public BooleanProperty visibleProperty(LayerKind kind) {
    return visible.get(kind);
  }

  public ObjectProperty<MapFeature> selectionProperty() {
    return selection;
  }

  public ObjectProperty<MapFeature> hoveredProperty() {
    return hovered;
  }

  /** The feature the last focus pointed at, drawn with a highlight ring until something else is focused. */
  public ObjectProperty<MapFeature> highlightProperty() {
    return highlight;
  }

  /** The application's context-menu actions for a feature. */
  public ObjectProperty<Function<MapFeature, List<MapAction>>> actionsProperty() {
    return actions;
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  public ObjectBinding<MapTexts> textsBinding() {
    return texts;
  }

  public MapTexts texts() {
    return texts.get();
  }
}
