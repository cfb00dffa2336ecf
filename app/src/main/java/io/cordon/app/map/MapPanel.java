package io.cordon.app.map;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.api.v1.Alarm;
import io.cordon.app.alarm.AlarmTexts;
import io.cordon.client.alarm.AlarmProtos;
import io.cordon.client.alarm.AlarmStore;
import io.cordon.client.alarm.MapAlarms;
import io.cordon.client.track.LiveVehicleStore;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.AlarmMarker;
import io.cordon.map.live.LiveVehicles;
import io.cordon.map.plan.MapLegend;
import io.cordon.map.tiles.TileSource;
import io.cordon.map.tiles.TileSources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park map at the centre of the client, fed by the client's stores: the plan, live vehicles,
 * the open alarms of the alarm center (most urgent first, at most {@link MapAlarms#MAX_MARKED})
 * and gate states; the legend beside it (toggle in the view's header).
 */
public final class MapPanel {
  public static final String MAP_ID = "park-map";
  public static final String LEGEND_TOGGLE_ID = "map-legend-toggle";

  private static final Logger log = LoggerFactory.getLogger(MapPanel.class);

  private final BorderPane root;
  private final ParkMapView map = new ParkMapView();
  private final ToggleButton legendToggle = new ToggleButton();
  private final ReadOnlyStringWrapper tilesError = new ReadOnlyStringWrapper(this, "tilesError", "");
  private final AlarmStore alarms;
  private final AlarmStore.Listener showAlarmsOnChange;
  private boolean closed;

  public MapPanel(MapSources sources, I18n i18n, Executor background) {
    this(sources, i18n, background, Clock.systemUTC());
  }

  /** @param clock the time the alarms' priority is judged at (waiting alarms climb) */
  public MapPanel(MapSources sources, I18n i18n, Executor background, Clock clock) {
    map.setId(MAP_ID);
    map.parkProperty().bind(sources.park().parkProperty());
    map.state().localeProperty().bind(i18n.localeProperty());
    map.state().vehiclesProperty().set(vehiclesOf(sources.vehicles()));
    Bindings.bindContent(map.state().gateStates(), sources.gates().states());
    // the store batches its changes onto the UI thread: one re-marking per batch, even in a storm
    alarms = sources.alarms();
    AlarmTexts texts = new AlarmTexts(i18n);
    Runnable showAlarms = () -> map.state().alarms().setAll(markers(alarms, texts, clock));
    showAlarmsOnChange = changes -> showAlarms.run();
    alarms.addListener(showAlarmsOnChange);
    i18n.localeProperty().addListener(o -> showAlarms.run()); // labels are in the operator's language
    showAlarms.run();
    map.state().actionsProperty().set(new MapActions(map, sources.gateCommands(), i18n));
    sources.tiles().ifPresent(path -> openTiles(path, background));

    Label message = new Label();
    message.getStyleClass().add(Styles.MAP_MESSAGE);
    message.textProperty().bind(
        i18n.binding(
            () -> sources.park().errorKeyProperty().get().isEmpty()
                ? i18n.get("map.loading")
                : i18n.get(sources.park().errorKeyProperty().get()),
            sources.park().errorKeyProperty()));
    message.visibleProperty().bind(sources.park().parkProperty().isNull());
    message.setMouseTransparent(true);
    // A base map that cannot be opened is said on the map, not only in a log: the plan still shows.
    Label tilesMessage = new Label();
    tilesMessage.getStyleClass().add(Styles.MAP_NOTICE);
    tilesMessage.textProperty().bind(i18n.binding(
        () -> tilesError.get().isEmpty() ? "" : i18n.format("map.tiles.error", tilesError.get()), tilesError));
    tilesMessage.visibleProperty().bind(tilesError.isNotEmpty());
    tilesMessage.setMouseTransparent(true);
    StackPane.setAlignment(tilesMessage, javafx.geometry.Pos.BOTTOM_CENTER);

    StackPane mapArea = new StackPane(map, message, tilesMessage);
    mapArea.setMinSize(0, 0);
    ScrollPane legend = new ScrollPane(new MapLegend(map.state()));
    legend.setFitToWidth(true);
    legend.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    legend.getStyleClass().add(Styles.MAP_LEGEND + "-scroll");
    legend.visibleProperty().bind(legendToggle.selectedProperty());
    legend.managedProperty().bind(legend.visibleProperty());

    legendToggle.setId(LEGEND_TOGGLE_ID);
    legendToggle.getStyleClass().add(Styles.MAP_LEGEND_TOGGLE);
    legendToggle.textProperty().bind(i18n.text("map.legend.toggle"));
    legendToggle.setSelected(false); // the map gets the room; the legend is one click away

    root = new BorderPane(mapArea);
    root.setRight(legend);
    root.setMinSize(0, 0);
  }

  public Region root() {
    return root;
  }

  public ParkMapView map() {
    return map;
  }

  /** Shows or hides the legend; goes into the map view's header. */
  public ToggleButton legendToggle() {
    return legendToggle;
  }

  /** Why the configured base map could not be opened; empty when fine or none configured. */
  public ReadOnlyStringProperty tilesErrorProperty() {
    return tilesError.getReadOnlyProperty();
  }

  /** Stops the panel's timers and closes the base map. */
  public void close() {
    closed = true;
    alarms.removeListener(showAlarmsOnChange);
    TileSource tiles = map.state().tilesProperty().get();
    map.state().tilesProperty().set(null);
    if (tiles != null) {
      tiles.close();
    }
  }

  private void openTiles(Path path, Executor background) {
    background.execute(() -> {
      try {
        TileSource source = TileSources.open(path);
        Platform.runLater(() -> {
          if (closed) {
            source.close(); // the panel went away while the file was opening
          } else {
            map.state().tilesProperty().set(source);
          }
        });
      } catch (Exception e) {
        log.warn("Cannot open the base map {}: {}", path, e.getMessage());
        Platform.runLater(() -> tilesError.set(path + ": " + e.getMessage()));
      }
    });
  }

  private static LiveVehicles vehiclesOf(LiveVehicleStore store) {
    return new LiveVehicles() {
      @Override
      public long revision() {
        return store.revision();
      }

      @Override
      public void forEach(VehicleVisitor visitor) {
        store.forEach(visitor::visit);
      }

      @Override
      public void forEachFlagged(FlaggedVisitor visitor) {
        // JT/T 808 tracking: a red ring for a rule broken now, a mark for an unbound terminal
        store.forEachVehicle(v -> visitor.visit(v.plate(), v.vehicleClass(), v.current(), v.trail(),
            (v.tracking().violating() ? LiveVehicles.VIOLATING : 0) | (v.tracking().unbound() ? LiveVehicles.UNBOUND : 0)));
      }
    };
  }

  /** The open alarms as markers, most urgent first, labelled "周界入侵 A-000012". */
  private static List<AlarmMarker> markers(AlarmStore alarms, AlarmTexts texts, Clock clock) {
    return MapAlarms.mostUrgentOpen(alarms.all(), clock.instant(), MapAlarms.MAX_MARKED).stream()
        .map(a -> marker(a, texts))
        .toList();
  }

  private static AlarmMarker marker(Alarm alarm, AlarmTexts texts) {
    return new AlarmMarker(
        alarm.getAlarmId(),
        AlarmProtos.severity(alarm.getSeverity()),
        alarm.getLocation().getPoint().getLon(),
        alarm.getLocation().getPoint().getLat(),
        texts.type(alarm.getType()) + " " + alarm.getAlarmId(),
        AlarmProtos.instant(alarm.getFirstAt()).toEpochMilli());
  }
}
