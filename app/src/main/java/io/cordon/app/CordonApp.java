package io.cordon.app;

import io.cordon.app.alarm.AlarmQueueView;
import io.cordon.app.alarm.AlarmSound;
import io.cordon.app.alarm.SupervisorNoticeBanner;
import io.cordon.app.backend.Backend;
import io.cordon.app.backend.EmbeddedBackend;
import io.cordon.app.backend.RemoteBackend;
import io.cordon.app.i18n.I18n;
import io.cordon.app.login.LoginView;
import io.cordon.app.main.MainWindow;
import io.cordon.app.startup.LaunchOptions;
import io.cordon.app.theme.Styles;
import io.cordon.client.auth.LoginViewModel;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerConnection;
import io.cordon.app.map.MapSources;
import io.cordon.app.video.VideoWalls;
import io.cordon.client.video.VideoClient;
import io.cordon.video.vlc.VlcRuntime;
import io.cordon.client.alarm.AlarmActions;
import io.cordon.client.alarm.AlarmClient;
import io.cordon.client.alarm.AlarmDetailViewModel;
import io.cordon.client.alarm.AlarmFeed;
import io.cordon.client.alarm.AlarmQueueViewModel;
import io.cordon.client.alarm.AlarmStore;
import io.cordon.client.alarm.SupervisorNotices;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import io.cordon.client.gate.GateClient;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.GateStateStore;
import io.cordon.client.track.LiveTrackFeed;
import io.cordon.client.track.LiveVehicleStore;
import java.time.Clock;
import javafx.beans.binding.BooleanBinding;
import io.cordon.client.event.EventListViewModel;
import io.cordon.client.layout.WorkstationLayout;
import io.cordon.client.layout.WorkstationLayoutStore;
import io.cordon.client.map.ParkViewModel;
import io.cordon.client.park.ParkFromProto;
import io.cordon.client.status.StatusViewModel;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop client and its composition root: starts (or finds) the server, shows the login
 * screen, then the main window. Blocking work runs on a background pool; results come back to
 * the FX thread only through {@code Platform.runLater}.
 */
public class CordonApp extends Application {
  private static final Logger log = LoggerFactory.getLogger(CordonApp.class);
  static final String DEMO_USER = "operator";

  private LaunchOptions options;
  private ScheduledExecutorService background;
  private ClientExecutors executors;
  private I18n i18n;
  private WorkstationLayoutStore layoutStore;
  private WorkstationLayout savedLayout;
  private LoginViewModel loginVm;
  private Stage stage;

  // set once the backend is up (background thread) and read on the FX thread
  private volatile Backend backend;
  private volatile ServerConnection connection;
  private volatile boolean stopped;
  private EventFeed feed;
  private LiveTrackFeed trackFeed;
  private AlarmFeed alarmFeed;
  private GateStateStore gateStates;
  private LiveVehicleStore vehicles;
  private VlcRuntime vlc;
  private MainWindow mainWindow;
  private io.cordon.app.registration.RegistrationWindow registrationWindow;
  private io.cordon.client.gate.access.GatesViewModel gatesVm;
  private io.cordon.client.gate.presence.PresenceViewModel presenceVm;
  private io.cordon.client.gate.emergency.EmergencyViewModel emergencyVm;
  private io.cordon.app.gate.EmergencyButton emergencyButton;
  private io.cordon.app.track.VehicleTracking vehicleTracking;
  private io.cordon.app.timeline.TimelineWindow timelineWindow;
  private io.cordon.app.playback.PlaybackWindow playbackWindow;
  private io.cordon.app.playback.TimelineVideo timelineVideo;
  /** 统计报表 (issue 9), once signed in. */
  private io.cordon.app.statistics.StatisticsWindow statisticsWindow;

  /** Used by {@link Application#launch}; options come from the command line. */
  public CordonApp() {}

  /** Used by tests, which start the app with their own data dir and layout file. */
  public CordonApp(LaunchOptions options) {
    this.options = options;
  }

  @Override
  public void init() {
    if (options == null) {
      options = LaunchOptions.parse(getParameters().getRaw());
    }
  }

  @Override
  public void start(Stage primaryStage) {
    if (options == null) {
      init();
    }
    stage = primaryStage;
    background = Executors.newScheduledThreadPool(4, daemonThreads());
    executors = new ClientExecutors(background, Platform::runLater);
    layoutStore = new WorkstationLayoutStore(options.workstationFile());
    savedLayout = layoutStore.load();
    i18n = new I18n(Locale.forLanguageTag(savedLayout.languageTag()));

    loginVm = new LoginViewModel(Platform::runLater);
    if (options.embedded()) {
      loginVm.usernameProperty().set(DEMO_USER);
    }
    loginVm.setOnSignedIn(this::showMainWindow);
    Scene scene = new Scene(new LoginView(loginVm, i18n).root(), 960, 640);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.titleProperty().bind(i18n.text("app.title"));
    stage.setOnCloseRequest(e -> exit());
    stage.show();

    background.execute(this::startBackend);
  }

  private void startBackend() {
    String label = options.server().map(Object::toString).orElse("127.0.0.1");
    try {
      Backend started =
          options.embedded() ? EmbeddedBackend.start(options.dataDir()) : new RemoteBackend(options.server().get());
      ServerConnection opened = ServerConnection.open(started.address(), executors);
      if (stopped) {
        opened.close();
        started.close();
        return;
      }
      backend = started;
      connection = opened;
      String key = started.embedded() ? "login.server.embedded" : "login.server.remote";
      Platform.runLater(
          () -> {
            loginVm.serverReady(i18n.format(key, started.address()), opened);
            if (options.demoAutologin()) {
              loginVm.passwordProperty().set(DEMO_USER);
              loginVm.loginCommand().execute();
            }
          });
    } catch (RuntimeException e) {
      log.error("could not start or reach the server", e);
      Platform.runLater(() -> loginVm.serverFailed(label));
    }
  }

  private void showMainWindow(Session session) {
    feed = new EventFeed(connection);
    StatusViewModel statusVm = new StatusViewModel(connection.address().toString());
    EventListViewModel eventsVm = new EventListViewModel();
    feed.addListener(statusVm);
    feed.addListener(eventsVm);
    ParkViewModel parkVm = new ParkViewModel(connection, ParkFromProto::toDomain, Platform::runLater);
    GateClient gates = new GateClient(connection);
    gateStates = new GateStateStore(gates, executors);
    feed.addListener(gateStates);
    BooleanBinding connected = statusVm.stateProperty().isEqualTo(ConnectionState.CONNECTED);
    vehicles = new LiveVehicleStore();
    trackFeed = new LiveTrackFeed(connection, vehicles);
    // the alarm queue: AlarmService.Watch into a store, the queue, the detail and the actions on it;
    // the map marks the store's open alarms
    AlarmStore alarmStore = new AlarmStore(Platform::runLater);
    MapSources mapSources = new MapSources(
        parkVm, vehicles, alarmStore, gateStates,
        () -> new GateCommandViewModel(gates, session, connected, Platform::runLater), options.tiles());
    alarmFeed = new AlarmFeed(connection, alarmStore);
    AlarmQueueViewModel alarmQueueVm = new AlarmQueueViewModel(alarmStore, session, Clock.systemUTC(), executors);
    alarmFeed.addStateListener(alarmQueueVm::onFeedState);
    alarmFeed.addStateListener(statusVm::onAlarmFeedState);
    AlarmDetailViewModel alarmDetailVm = new AlarmDetailViewModel(alarmStore);
    AlarmActions alarmActions = new AlarmActions(new AlarmClient(connection), alarmStore, session,
        alarmQueueVm.connectedBinding(), alarmDetailVm.alarmProperty(), Platform::runLater);
    AlarmSound sound = new AlarmSound();
    Platform.runLater(sound::prepare); // after the window is up, not at the first critical alarm
    AlarmQueueView alarmQueue = new AlarmQueueView(alarmQueueVm, alarmDetailVm, alarmActions, i18n, sound);
    // escalations and skipped SOP steps reach a supervisor as a red notice and a louder tone
    SupervisorNotices supervisorNotices = new SupervisorNotices(session, Clock.systemUTC());
    feed.addListener(supervisorNotices);
    SupervisorNoticeBanner supervisorNotice =
        new SupervisorNoticeBanner(supervisorNotices, i18n, sound, alarmQueue::select);
    // the video wall: relay URLs from VideoService; an alarm's linked cameras take its alarm area
    vlc = VlcRuntime.discover();
    VideoWalls videoWalls = new VideoWalls(vlc, new VideoClient(connection), i18n, savedLayout,
        () -> {
          if (mainWindow != null) {
            mainWindow.layoutChanged();
          }
        });
    alarmQueue.setVideoWall(videoWalls);
    parkVm.parkProperty().addListener((o, was, park) -> {
      if (park != null) {
        videoWalls.setPark(park);
      }
    });
    stage.titleProperty().unbind();
    mainWindow = new MainWindow(
        stage, i18n, layoutStore, savedLayout, mapSources, background, eventsVm, alarmQueue, videoWalls,
        supervisorNotice, statusVm, session,
        backend.embedded(), this::exit);
    // 车辆信息 and 轨迹回放 (issue 8): a vehicle clicked on the map opens its panel
    vehicleTracking = new io.cordon.app.track.VehicleTracking(io.cordon.client.track.TripClient.over(connection),
        parkVm.parkProperty(), i18n, background, Platform::runLater, Clock.systemUTC());
    vehicleTracking.install(mainWindow.mapPanel().map());
    mainWindow.addTrackReplayMenuItem(() -> vehicleTracking.showReplay(""));
    // 录像回放 (issue 9): any camera at any time, up to four in sync; the wall's alarm pop-up gets its pre-alarm slot
    io.cordon.client.video.RecordingClient recordingClient = new io.cordon.client.video.RecordingClient(connection,
        new VideoClient(connection), "main");
    playbackWindow = new io.cordon.app.playback.PlaybackWindow(vlc, recordingClient,
        (camera, profile) -> new VideoClient(connection).open(camera.value(), profile), i18n,
        () -> videoWalls.main().playableCameras(), id -> videoWalls.main().camera(id), stage);
    mainWindow.addPlaybackMenuItem(playbackWindow::show);
    videoWalls.setPlayback(recordingClient, playbackWindow::show, playbackWindow::showAlarm);
    alarmQueue.setPlayback(playbackWindow::showAlarm);
    // 事件时间轴 and incidents (issue 9): from the view menu, and "新建事件…" on the alarm queue's rows
    timelineWindow = new io.cordon.app.timeline.TimelineWindow(
        io.cordon.client.timeline.TimelineClient.over(connection), io.cordon.client.incident.IncidentClient.over(connection),
        parkVm.parkProperty(), i18n, Platform::runLater, Clock.systemUTC());
    timelineWindow.setOwner(stage);
    mainWindow.addTimelineMenuItem(timelineWindow::show);
    alarmQueue.addRowMenuItem("incident.action.newFromAlarm", "alarm-new-incident", alarmId -> timelineWindow.newIncidentFrom(
        io.cordon.client.incident.IncidentsViewModel.alarmsToGroup(alarmId, alarmStore.all())));
    // the timeline's video area: its cameras played at the cursor, in sync with the map
    timelineVideo = new io.cordon.app.playback.TimelineVideo(
        io.cordon.app.playback.PlaybackWindow.newView(vlc, recordingClient,
            (camera, profile) -> new VideoClient(connection).open(camera.value(), profile), i18n),
        id -> videoWalls.main().camera(id));
    timelineWindow.setVideoContent(timelineVideo.view());
    timelineWindow.setVideoSync(instant -> timelineVideo.follow(instant, timelineWindow.cameraIds()));
    // and back: while the video plays, the cursor (and the map's vehicles) move with it
    timelineVideo.view().group().positionProperty().addListener((o, was, now) -> {
      if (!timelineVideo.view().group().liveProperty().get()) {
        timelineWindow.followVideo(now);
      }
    });
    // 统计报表 (issue 9): daily, weekly and monthly reports as charts, exported to XLSX and PDF
    statisticsWindow = new io.cordon.app.statistics.StatisticsWindow(
        io.cordon.client.statistics.StatisticsClient.over(connection), i18n, Clock.systemUTC(), Platform::runLater);
    mainWindow.addStatisticsMenuItem(statisticsWindow::show);
    // 卡口 (issue 7): gates with lanes and passages, presence, and the one-click emergency control
    gatesVm = new io.cordon.client.gate.access.GatesViewModel(gates, gates, Platform::runLater, background);
    presenceVm = new io.cordon.client.gate.presence.PresenceViewModel(gates, Platform::runLater, background);
    emergencyVm = new io.cordon.client.gate.emergency.EmergencyViewModel(
        gates, session, connected, Clock.systemUTC(), Platform::runLater, background);
    feed.addListener(gatesVm);
    feed.addListener(presenceVm);
    parkVm.parkProperty().addListener((o, was, park) -> {
      if (park != null) {
        gatesVm.setGates(park.gates());
      }
    });
    io.cordon.app.gate.PresencePanel presencePanel = new io.cordon.app.gate.PresencePanel(presenceVm, i18n);
    io.cordon.app.gate.GatesView gatesView = new io.cordon.app.gate.GatesView(gatesVm, presencePanel.root(),
        () -> new GateCommandViewModel(gates, session, connected, Platform::runLater),
        GateCommandViewModel.AUTHORISED_ROLES.stream().anyMatch(session::hasRole), i18n);
    mainWindow.addGatesView(gatesView.root());
    emergencyButton = new io.cordon.app.gate.EmergencyButton(emergencyVm, session.displayName(), i18n);
    mainWindow.addEmergencyControl(emergencyButton.root());
    emergencyVm.start();
    // 审批与登记 for reviewers: its own window, opened from the view menu
    if (io.cordon.app.registration.RegistrationWindow.mayOpen(session)) {
      registrationWindow = new io.cordon.app.registration.RegistrationWindow(
          new io.cordon.client.registration.RegistrationClient(connection), i18n, Clock.systemUTC(), Platform::runLater);
      feed.addListener(registrationWindow);
      mainWindow.addRegistrationMenuItem(registrationWindow::show);
    }
    stage.titleProperty().bind(i18n.text("app.title"));
    parkVm.loadCommand().execute();
    feed.startWithRecent(EventListViewModel.DEFAULT_CAPACITY);
    trackFeed.start();
    alarmFeed.start();
  }

  /** Live vehicles as the map sees them, once signed in (tests inspect it). */
  public LiveVehicleStore vehicles() {
    return vehicles;
  }

  /** The statistics window, once signed in (tests open it). */
  public io.cordon.app.statistics.StatisticsWindow statisticsWindow() {
    return statisticsWindow;
  }

  /** The reviewers' registration window, once a reviewer signed in (tests open it). */
  public io.cordon.app.registration.RegistrationWindow registrationWindow() {
    return registrationWindow;
  }

  /** The vehicle panel and trajectory replay, once signed in (tests open them). */
  /** The playback window (录像回放), once signed in (tests open it). */
  public io.cordon.app.playback.PlaybackWindow playbackWindow() {
    return playbackWindow;
  }

  public io.cordon.app.track.VehicleTracking vehicleTracking() {
    return vehicleTracking;
  }

  /** The timeline and incidents window, once signed in (tests open it; the lead plugs the playback into it). */
  public io.cordon.app.timeline.TimelineWindow timelineWindow() {
    return timelineWindow;
  }

  /** The one-click emergency control, once signed in (tests press it). */
  public io.cordon.app.gate.EmergencyButton emergencyButton() {
    return emergencyButton;
  }

  /** The main window, once signed in (tests inspect it). */
  public MainWindow mainWindow() {
    return mainWindow;
  }

  public I18n i18n() {
    return i18n;
  }

  /** The server this client talks to, once it is up (tests stop and restart the embedded one). */
  Backend backend() {
    return backend;
  }

  /** Leaves the app: saves the layout and closes every window; {@link #stop()} follows. */
  private void exit() {
    if (mainWindow != null) {
      mainWindow.close();
    }
    stage.hide();
    Platform.exit();
  }

  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (mainWindow != null) {
      mainWindow.close();
    }
    if (registrationWindow != null) {
      registrationWindow.close();
    }
    if (statisticsWindow != null) {
      statisticsWindow.close();
    }
    if (vehicleTracking != null) {
      vehicleTracking.close();
    }
    if (timelineWindow != null) {
      timelineWindow.close();
    }
    if (playbackWindow != null) {
      playbackWindow.close(); // its players, before libVLC goes
    }
    if (timelineVideo != null) {
      timelineVideo.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (trackFeed != null) {
      trackFeed.close();
    }
    if (alarmFeed != null) {
      alarmFeed.close();
    }
    if (vlc != null) {
      vlc.close(); // after the main window released every player
    }
    if (gateStates != null) {
      gateStates.close();
    }
    if (emergencyVm != null) {
      emergencyVm.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (backend != null) {
      backend.close();
    }
    if (background != null) {
      background.shutdownNow();
      try {
        background.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "cordon-client-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
