package io.cordon.app.main;

import io.cordon.app.alarm.AlarmQueueView;
import io.cordon.app.alarm.AlarmTexts;
import io.cordon.app.alarm.SupervisorNoticeBanner;
import io.cordon.app.dock.DockManager;
import io.cordon.app.dock.DockableView;
import io.cordon.app.event.EventListView;
import io.cordon.app.i18n.I18n;
import io.cordon.app.map.MapPanel;
import io.cordon.app.status.StatusBarView;
import io.cordon.app.video.VideoWalls;
import io.cordon.app.theme.Styles;
import io.cordon.client.auth.Session;
import io.cordon.client.event.EventListViewModel;
import io.cordon.client.layout.ViewPlacement;
import io.cordon.client.layout.WindowBounds;
import io.cordon.client.layout.WorkstationLayout;
import io.cordon.client.layout.WorkstationLayoutStore;
import io.cordon.app.map.MapSources;
import java.util.concurrent.Executor;
import io.cordon.client.status.StatusViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: menu, the docked views (map, live events) and the status bar. It restores
 * the workstation layout on open and saves it shortly after every change and at exit.
 */
public final class MainWindow {
  public static final String MAP_VIEW = "map";
  public static final String EVENTS_VIEW = "events";
  public static final String ALARMS_VIEW = "alarms";
  public static final String VIDEO_VIEW = "video";
  // map | video wall | alarm queue | events; operators with a second screen detach the wall onto it
  private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

  private final Stage stage;
  private final I18n i18n;
  private final WorkstationLayoutStore layoutStore;
  private final DockManager docks;
  private final MapPanel mapPanel;
  private final AlarmQueueView alarmQueue;
  private final VideoWalls videoWalls;
  private final PauseTransition saveSoon = new PauseTransition(Duration.millis(500));
  private Menu viewMenu;
  private boolean restoring = true;
  /** The window's root, for the controls added after construction (the emergency control). */
  private BorderPane windowRoot;
  public static final String GATES_VIEW = "gates";

  public MainWindow(
      Stage stage,
      I18n i18n,
      WorkstationLayoutStore layoutStore,
      WorkstationLayout layout,
      MapSources mapSources,
      Executor background,
      EventListViewModel eventsVm,
      AlarmQueueView alarmQueue,
      VideoWalls videoWalls,
      SupervisorNoticeBanner supervisorNotice,
      StatusViewModel statusVm,
      Session session,
      boolean embedded,
      Runnable exit) {
    this.stage = stage;
    this.i18n = i18n;
    this.layoutStore = layoutStore;

    SplitPane dockArea = new SplitPane();
    dockArea.getStyleClass().add(Styles.DOCK_AREA);
    Label placeholder = new Label();
    placeholder.getStyleClass().add(Styles.DOCK_PLACEHOLDER);
    placeholder.textProperty().bind(i18n.text("app.title"));
    StackPane centre = new StackPane(placeholder, dockArea);
    dockArea.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(dockArea.getItems()));

    docks = new DockManager(dockArea, i18n, stage, this::layoutChanged);
    mapPanel = new MapPanel(mapSources, i18n, background);
    DockableView mapView = new DockableView(MAP_VIEW, "view.map", mapPanel.root(), i18n);
    mapView.addHeaderItem(mapPanel.legendToggle());
    docks.register(mapView);
    this.videoWalls = videoWalls;
    docks.register(new DockableView(VIDEO_VIEW, "view.video", videoWalls.main().root(), i18n));
    // The alarm queue: a selected alarm, or a new critical one, flies the map there.
    this.alarmQueue = alarmQueue;
    // The card says which alarm the point is, not just "a point".
    AlarmTexts alarmTexts = new AlarmTexts(i18n);
    alarmQueue.setOnFocus(alarm -> mapPanel.map().focus(alarm.getLocation().getPoint().getLon(),
        alarm.getLocation().getPoint().getLat(), alarm.getAlarmId() + "  " + alarmTexts.type(alarm.getType())));
    DockableView alarmsView = new DockableView(ALARMS_VIEW, "view.alarms", alarmQueue.root(), i18n);
    alarmsView.addHeaderItem(alarmQueue.count());
    docks.register(alarmsView);
    EventListView events = new EventListView(eventsVm, i18n);
    // An event with a place (an intrusion at a sensor) flies the map there.
    events.table().getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
      if (row != null) {
        row.location().ifPresent(at -> mapPanel.map().focus(at.lon(), at.lat()));
      }
    });
    DockableView eventsView = new DockableView(EVENTS_VIEW, "view.events", events.table(), i18n);
    eventsView.addHeaderItem(events.count());
    docks.register(eventsView);
    // set again once laid out, as the first layout pass moves dividers by the views' preferred widths
    docks.defaultDividers();
    dockArea.widthProperty().addListener(new javafx.beans.InvalidationListener() {
      @Override
      public void invalidated(javafx.beans.Observable width) {
        if (dockArea.getWidth() > 0) {
          dockArea.widthProperty().removeListener(this);
          Platform.runLater(docks::defaultDividers);
        }
      }
    });

    BorderPane root = new BorderPane();
    windowRoot = root;
    root.setTop(menuBar(exit));
    root.setCenter(centre);
    StatusBarView status = new StatusBarView(statusVm, i18n, embedded, session.displayName());
    status.addNotice(supervisorNotice.root());
    root.setBottom(status.root());

    Scene scene = new Scene(root);
    Styles.apply(scene);
    stage.setScene(scene);
    restore(layout.clampedTo(screens()));
    videoWalls.restoreWindows(stage);

    saveSoon.setOnFinished(e -> saveLayout());
    stage.xProperty().addListener(o -> layoutChanged());
    stage.yProperty().addListener(o -> layoutChanged());
    stage.widthProperty().addListener(o -> layoutChanged());
    stage.heightProperty().addListener(o -> layoutChanged());
    stage.maximizedProperty().addListener(o -> layoutChanged());
    i18n.localeProperty().addListener(o -> layoutChanged());
    restoring = false;
  }

  public DockManager docks() {
    return docks;
  }

  /** Adds "审批与登记…" to the view menu; the caller shows it to reviewers only. */
  public void addRegistrationMenuItem(Runnable open) {
    MenuItem registration = item("registration.menu");
    registration.setId("menu-registration");
    registration.setOnAction(e -> open.run());
    viewMenu.getItems().add(registration);
  }

  /** Adds "事件时间轴…" to the view menu (issue 9). */
  public void addTimelineMenuItem(Runnable open) {
    MenuItem timeline = item("timeline.menu");
    timeline.setId("menu-timeline");
    timeline.setOnAction(e -> open.run());
    viewMenu.getItems().add(timeline);
  }

  /** Adds "轨迹回放…" to the view menu. */
  public void addTrackReplayMenuItem(Runnable open) {
    MenuItem replay = item("track.menu.replay");
    replay.setId("menu-track-replay");
    replay.setOnAction(e -> open.run());
    viewMenu.getItems().add(replay);
  }

  /** Adds "录像回放…" to the view menu. */
  public void addPlaybackMenuItem(Runnable open) {
    MenuItem playback = item("playback.menu");
    playback.setId("menu-playback");
    playback.setOnAction(e -> open.run());
    viewMenu.getItems().add(playback);
  }

  /** Adds "统计报表…" to the view menu. */
  public void addStatisticsMenuItem(Runnable open) {
    MenuItem statistics = item("stats.menu");
    statistics.setId("menu-statistics");
    statistics.setOnAction(e -> open.run());
    viewMenu.getItems().add(statistics);
  }

  /** Adds the gates view (卡口) as a dockable view after the others. */
  public DockableView addGatesView(javafx.scene.Node content) {
    DockableView gates = new DockableView(GATES_VIEW, "gate.view.title", content, i18n);
    docks.register(gates);
    docks.defaultDividers();
    return gates;
  }

  /** Puts the one-click emergency control at the right end of the menu bar, always visible. */
  public void addEmergencyControl(javafx.scene.Node control) {
    javafx.scene.Node menu = windowRoot.getTop();
    javafx.scene.layout.HBox.setHgrow(menu, javafx.scene.layout.Priority.ALWAYS);
    javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(menu, control);
    top.getStyleClass().add("emergency-bar");
    top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    windowRoot.setTop(top);
  }

  public MapPanel mapPanel() {
    return mapPanel;
  }

  public VideoWalls videoWalls() {
    return videoWalls;
  }

  private MenuBar menuBar(Runnable exit) {
    Menu file = menu("menu.file");
    MenuItem quit = item("menu.file.exit");
    quit.setId("menu-exit");
    quit.setOnAction(e -> exit.run());
    file.getItems().add(quit);

    Menu view = menu("menu.view");
    viewMenu = view;
    MenuItem fit = item("menu.view.fit");
    fit.setOnAction(e -> mapPanel.map().fitToPark());
    view.getItems().add(fit);
    // another wall in a window of its own, full screen on the next monitor without one
    MenuItem newWall = item("menu.view.newWall");
    newWall.setId("menu-new-wall");
    newWall.setOnAction(e -> videoWalls.newWall(stage));
    view.getItems().add(newWall);

    Menu language = menu("menu.language");
    language.setId("menu-language");
    ToggleGroup group = new ToggleGroup();
    for (Locale locale : I18n.SUPPORTED) {
      RadioMenuItem choice = new RadioMenuItem();
      String key = locale.equals(I18n.ENGLISH) ? "menu.language.en" : "menu.language.zh";
      choice.textProperty().bind(i18n.text(key));
      choice.setId("menu-lang-" + locale.getLanguage());
      choice.setToggleGroup(group);
      choice.setSelected(locale.equals(i18n.getLocale()));
      choice.setOnAction(e -> i18n.setLocale(locale));
      language.getItems().add(choice);
    }
    i18n.localeProperty().addListener(
        (obs, old, now) ->
            group.getToggles().forEach(t -> t.setSelected(((RadioMenuItem) t).getId().equals("menu-lang-" + now.getLanguage()))));
    return new MenuBar(file, view, language);
  }

  private Menu menu(String key) {
    Menu menu = new Menu();
    menu.textProperty().bind(i18n.text(key));
    return menu;
  }

  private MenuItem item(String key) {
    MenuItem item = new MenuItem();
    item.textProperty().bind(i18n.text(key));
    return item;
  }

  private void restore(WorkstationLayout layout) {
    WindowBounds main =
        layout.mainWindow().orElseGet(() -> bounds(Screen.getPrimary().getVisualBounds()));
    stage.setX(main.x());
    stage.setY(main.y());
    stage.setWidth(main.width());
    stage.setHeight(main.height());
    stage.setMaximized(layout.mainMaximized());
    for (DockableView view : docks.views()) {
      ViewPlacement placement = layout.view(view.viewId());
      if (placement.detached()) {
        docks.detach(view.viewId(), placement.window());
      }
    }
  }

  /** Something worth saving changed (a view's own settings, the windows). */
  public void layoutChanged() {
    if (!restoring) {
      saveSoon.playFromStart();
    }
  }

  /** The arrangement as it is now. */
  public WorkstationLayout currentLayout() {
    WorkstationLayout layout =
        WorkstationLayout.defaults()
            .withLanguage(I18n.tag(i18n.getLocale()))
            .withMainWindow(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), stage.isMaximized());
    for (ViewPlacement placement : docks.placements()) {
      layout = layout.withView(placement);
    }
    for (java.util.Map.Entry<String, String> setting : videoWalls.settings().entrySet()) {
      layout = layout.withSetting(setting.getKey(), setting.getValue());
    }
    return layout;
  }

  /** Saves now; called after changes (debounced) and at exit. */
  public void saveLayout() {
    saveSoon.stop();
    try {
      layoutStore.save(currentLayout());
    } catch (RuntimeException e) {
      log.warn("could not save the workstation layout", e);
    }
  }

  /** At exit: saves the layout, then closes the detached windows (without docking them). */
  public void close() {
    saveLayout();
    // closing the walls and windows below moves them: that must not be saved over the layout
    restoring = true;
    mapPanel.close();
    alarmQueue.close();
    videoWalls.close();
    docks.closeAllWindows();
  }

  static List<WindowBounds> screens() {
    List<WindowBounds> result = new ArrayList<>();
    result.add(bounds(Screen.getPrimary().getVisualBounds()));
    for (Screen screen : Screen.getScreens()) {
      if (!screen.equals(Screen.getPrimary())) {
        result.add(bounds(screen.getVisualBounds()));
      }
    }
    return result;
  }

  private static WindowBounds bounds(Rectangle2D r) {
    return new WindowBounds(r.getMinX(), r.getMinY(), Math.max(1, r.getWidth()), Math.max(1, r.getHeight()));
  }

}
