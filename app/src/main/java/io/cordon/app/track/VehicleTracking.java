package io.cordon.app.track;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.track.TrajectoryReplayViewModel;
import io.cordon.client.track.TripClient;
import io.cordon.client.track.VehiclePanelViewModel;
import io.cordon.domain.park.Park;
import io.cordon.map.FeatureKind;
import io.cordon.map.MapAction;
import io.cordon.map.MapFeature;
import io.cordon.map.ParkMapView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Hazmat tracking in the client (issue 8): clicking a vehicle on the map opens its panel (车辆信息)
 * in a window of its own, which follows the next vehicle clicked; the vehicle's context menu
 * offers the panel and its trajectory replay (轨迹回放), which also opens from the panel and the
 * view menu. Both windows are built on first use.
 */
public final class VehicleTracking {
  private final TripClient client;
  private final ObservableValue<Park> park;
  private final TrackTexts texts;
  private final ScheduledExecutorService timer;
  private final Executor ui;
  private final Clock clock;
  private ParkMapView map;
  private VehiclePanelViewModel panelVm;
  private VehiclePanel panel;
  private Stage panelStage;
  private ReplayView replay;
  private Stage replayStage;

  /**
   * @param park the park plan, for the replay's map
   * @param timer where a playing replay waits between ticks
   * @param ui the FX thread ({@code Platform::runLater})
   */
  public VehicleTracking(TripClient client, ObservableValue<Park> park, I18n i18n, ScheduledExecutorService timer,
      Executor ui, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.park = Objects.requireNonNull(park, "park");
    this.texts = new TrackTexts(Objects.requireNonNull(i18n, "i18n"));
    this.timer = Objects.requireNonNull(timer, "timer");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Opens the panel when a vehicle on this map is clicked (selected), and adds "车辆信息" and
   * "轨迹回放" to a vehicle's context menu after the application's own actions.
   */
  public void install(ParkMapView liveMap) {
    this.map = liveMap;
    liveMap.state().selectionProperty().addListener((o, was, now) -> {
      if (now != null && now.kind() == FeatureKind.VEHICLE && (was == null || !now.sameAs(was))) {
        showPanel(now.id());
      }
    });
    Function<MapFeature, List<MapAction>> appActions = liveMap.state().actionsProperty().get();
    liveMap.state().actionsProperty().set(feature -> {
      List<MapAction> actions = new ArrayList<>(appActions == null ? List.of() : appActions.apply(feature));
      if (feature.kind() == FeatureKind.VEHICLE) {
        actions.add(0, MapAction.of(texts.get("track.action.panel"), () -> showPanel(feature.id())));
        actions.add(1, MapAction.of(texts.get("track.action.replay"), () -> showReplay(feature.id())));
      }
      return actions;
    });
  }

  /** Shows the panel of a vehicle (a plate or "终端:&lt;number&gt;") and loads it. */
  public void showPanel(String plate) {
    if (panelStage == null) {
      panelVm = new VehiclePanelViewModel(client, ui);
      panel = new VehiclePanel(panelVm, texts);
      panel.setOnReplay(this::showReplay);
      panel.setOnLocate((lon, lat) -> {
        if (map != null) {
          map.focus(lon, lat);
        }
      });
      panelStage = stage(panel.root(), "track.panel.title", 460, 640);
    }
    panelVm.load(plate);
    panelStage.show();
    panelStage.toFront();
  }

  /** Opens the replay; with a plate, for that vehicle's last hour, loaded at once. */
  public void showReplay(String plate) {
    if (replayStage == null) {
      replay = new ReplayView(new TrajectoryReplayViewModel(client, ui, timer, clock), park, texts);
      replayStage = stage(replay.root(), "track.replay.title", 1280, 800);
      replayStage.setOnHidden(e -> replay.viewModel().pause());
    }
    if (plate != null && !plate.isEmpty()) {
      replay.viewModel().plateProperty().set(plate);
      replay.viewModel().lastHour();
      replay.viewModel().loadCommand().execute();
    }
    replayStage.show();
    replayStage.toFront();
  }

  /** The panel's view model once opened (tests). */
  public VehiclePanelViewModel panelViewModel() {
    return panelVm;
  }

  /** The replay once opened (tests). */
  public ReplayView replayView() {
    return replay;
  }

  public void close() {
    if (replay != null) {
      replay.viewModel().close();
    }
    if (panelStage != null) {
      panelStage.close();
    }
    if (replayStage != null) {
      replayStage.close();
    }
  }

  private Stage stage(javafx.scene.Parent root, String titleKey, double width, double height) {
    Stage stage = new Stage();
    stage.titleProperty().bind(texts.i18n().text(titleKey));
    Window owner = map == null || map.getScene() == null ? null : map.getScene().getWindow();
    if (owner != null) {
      stage.initOwner(owner); // stays above the control room's main window, closes with it
    }
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(root, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
    Styles.apply(scene);
    stage.setScene(scene);
    return stage;
  }
}
