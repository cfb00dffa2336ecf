package io.cordon.app.map;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.alarm.ActiveAlarm;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.track.LiveVehicleStore;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.AlarmMarker;
import io.cordon.map.live.LiveVehicles;
import io.cordon.map.plan.MapLegend;
import io.cordon.map.tiles.TileSource;
import io.cordon.map.tiles.TileSources;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park map at the centre of the client, fed by the client's stores: the plan, live vehicles,
 * active alarms and gate states; the legend beside it (toggle in the view's header).
 */
public final class MapPanel {
  public static final String MAP_ID = "park-map";
  public static final String LEGEND_TOGGLE_ID = "map-legend-toggle";

  private static final Logger log = LoggerFactory.getLogger(MapPanel.class);

  private final BorderPane root;
  private final ParkMapView map = new ParkMapView();
  private final ToggleButton legendToggle = new ToggleButton();
  private final ReadOnlyStringWrapper tilesError = new ReadOnlyStringWrapper(this, "tilesError", "");
  private final Timeline expireAlarms;
  private boolean closed;

  public MapPanel(MapSources sources, I18n i18n, EventDescriptions descriptions, Executor background) {
    map.setId(MAP_ID);
    map.parkProperty().bind(sources.park().parkProperty());
    map.state().localeProperty().bind(i18n.localeProperty());
    map.state().vehiclesProperty().set(vehiclesOf(sources.vehicles()));
    Bindings.bindContent(map.state().gateStates(), sources.gates().states());
    Runnable showAlarms = () -> map.state().alarms().setAll(markers(sources.alarms().active(), descriptions));
    sources.alarms().active().addListener((ListChangeListener<ActiveAlarm>) c -> showAlarms.run());
    i18n.localeProperty().addListener(o -> showAlarms.run()); // labels are in the operator's language
    showAlarms.run();
    map.state().actionsProperty().set(new MapActions(map, sources.gateCommands(), i18n));
    expireAlarms = new Timeline(new KeyFrame(Duration.seconds(5), e -> sources.alarms().expire()));
    expireAlarms.setCycleCount(Timeline.INDEFINITE);
    expireAlarms.play();
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
    expireAlarms.stop();
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
    };
  }

  private static List<AlarmMarker> markers(List<ActiveAlarm> active, EventDescriptions descriptions) {
    return active.stream()
        .map(a -> new AlarmMarker(
            a.id(), a.severity(), a.lon(), a.lat(), descriptions.type(a.row()) + " · " + descriptions.subject(a.row()),
            a.raisedAt().toEpochMilli()))
        .toList();
  }
}
