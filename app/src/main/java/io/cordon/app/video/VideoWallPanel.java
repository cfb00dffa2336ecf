package io.cordon.app.video;

import io.cordon.api.v1.CameraVideoStreams;
import io.cordon.api.v1.StreamInfo;
import io.cordon.app.alarm.AlarmVideoWall;
import io.cordon.app.i18n.I18n;
import io.cordon.client.video.VideoClient;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Park;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamProfile;
import io.cordon.video.camera.StreamUnavailableException;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayoutCodec;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.tour.CameraGroup;
import io.cordon.video.tour.WallTour;
import io.cordon.video.vlc.VlcRuntime;
import io.cordon.video.wall.AlarmMode;
import io.cordon.video.wall.VideoWall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One video wall with its controls: a layout chooser, the camera tree (drag a camera or a group
 * onto a tile, or from the map), tours of a camera group, and the alarm linkage — an alarm's linked
 * cameras take the alarm area of the wall until the operator closes it. Its settings
 * ({@link #settings()}: layout, cameras per cell, running tour, alarm linkage) are saved per
 * workstation by {@link VideoWalls}.
 */
public final class VideoWallPanel implements AlarmVideoWall, AutoCloseable {
  static final String LAYOUT = "layout";
  static final String CAMERAS = "cameras";
  static final String TOUR = "tour";
  static final String ALARMS = "alarms";
  private static final Logger log = LoggerFactory.getLogger(VideoWallPanel.class);
  /** Streams appear as cameras come online (the demo's start after the server): the list is asked again. */
  private static final Duration REFRESH = Duration.ofSeconds(20);
  /** Where tile snapshots go (PNG with camera and time in its metadata). */
  static final Path SNAPSHOTS = Path.of(System.getProperty("user.home"), "Cordon", "snapshots");

  private final VideoClient client;
  private final I18n i18n;
  private final CameraGroups groups;
  private final CustomLayouts customLayouts;
  private final VideoWall wall;
  private final WallTour tour;
  private final CameraTree tree;
  private final BorderPane root = new BorderPane();
  /** Wraps onto a second row when the docked wall is narrow, so no control is cut off. */
  private final FlowPane bar = new FlowPane(8, 4);
  private final Label status = new Label();
  private final Map<String, WallCamera> playable = new LinkedHashMap<>();
  private final BooleanProperty alarmLinked = new SimpleBooleanProperty(true);
  private final Runnable onChange;
  private Park park;
  private int playableBefore;
  private Timeline refresher;
  private Optional<String> savedCameras;
  private Optional<String> savedTour;
  private Duration tourInterval = CameraTree.TOUR_INTERVALS.get(0);
  /** Evidence and playback URLs for the alarm pop-up's pre-alarm slot; null: no slot. */
  private io.cordon.client.video.RecordingClient recordings;
  /** Opens the playback window: cameras and from when (a tile's menu). */
  private java.util.function.BiConsumer<List<String>, java.time.Instant> openPlayback = (ids, at) -> { };
  /** Opens the playback window at an alarm's evidence (从告警前1分钟回放). */
  private java.util.function.Consumer<String> openAlarmPlayback = id -> { };
  /** The alarm on the wall now, or null. */
  private String shownAlarmId;

  /**
   * @param saved this wall's saved settings by key ({@link #LAYOUT}, {@link #CAMERAS}, {@link #TOUR},
   *     {@link #ALARMS})
   */
  public VideoWallPanel(VlcRuntime vlc, VideoClient client, I18n i18n, CameraGroups groups,
      CustomLayouts customLayouts, Function<String, Optional<String>> saved, Runnable onChange) {
    this.client = client;
    this.i18n = i18n;
    this.groups = groups;
    this.customLayouts = customLayouts;
    this.onChange = onChange;
    this.savedCameras = saved.apply(CAMERAS);
    this.savedTour = saved.apply(TOUR);
    this.wall = new VideoWall(vlc, this::url, VideoTexts.of(i18n.getLocale()));
    this.tour = new WallTour(wall, id -> Optional.ofNullable(playable.get(id)));
    this.tree = new CameraTree(i18n, groups, new TreeActions());
    wall.setId("video-wall");
    saved.apply(LAYOUT).flatMap(VideoWallPanel::decode).ifPresent(wall::setWallLayout);
    saved.apply(ALARMS).ifPresent(text -> alarmLinked.set(Boolean.parseBoolean(text)));
    wall.wallLayoutProperty().addListener(o -> onChange.run());
    alarmLinked.addListener(o -> onChange.run());
    tour.groupProperty().addListener(o -> onChange.run());

    buildBar();
    BorderPane side = new BorderPane(tree.view());
    side.setBottom(status);
    status.setWrapText(true);
    status.getStyleClass().add("video-status");
    side.setMinWidth(150);
    acceptDrops();
    // right-click a tile: snapshot or enlarge; F11 puts the wall's window in full screen and back
    wall.setOnContextMenuRequested(e -> {
      int cell = wall.cellAt(e.getX(), e.getY());
      if (cell >= 0 && wall.cameraAt(cell).isPresent()) {
        tileMenu(cell).show(wall, e.getScreenX(), e.getScreenY());
      }
      e.consume();
    });
    root.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.F11 && root.getScene() != null
          && root.getScene().getWindow() instanceof Stage window) {
        window.setFullScreen(!window.isFullScreen());
        e.consume();
      }
    });
    SplitPane split = new SplitPane(side, wall);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.18);
    SplitPane.setResizableWithParent(side, false);
    root.setTop(bar);
    root.setCenter(split);
    status.textProperty().bind(i18n.text("video.cameras.loading"));
  }

  private void buildBar() {
    ComboBox<WallLayout> layouts = new ComboBox<>(FXCollections.observableArrayList(offeredLayouts()));
    customLayouts.list().addListener((javafx.collections.ListChangeListener<WallLayout>) c -> {
      WallLayout shown = wall.getWallLayout();
      layouts.getItems().setAll(offeredLayouts());
      layouts.setValue(shown);
    });
    layouts.setId("video-layout");
    layouts.setMinWidth(Region.USE_PREF_SIZE);
    layouts.setConverter(new StringConverter<>() {
      @Override
      public String toString(WallLayout layout) {
        return layout == null ? "" : layout.name();
      }

      @Override
      public WallLayout fromString(String text) {
        return null;
      }
    });
    layouts.setValue(wall.getWallLayout());
    layouts.valueProperty().addListener((o, was, now) -> {
      if (now != null && !now.equals(wall.getWallLayout())) {
        wall.setWallLayout(now);
      }
    });
    wall.wallLayoutProperty().addListener((o, was, now) -> layouts.setValue(now));
    MenuButton layoutMenu = layoutMenu();
    Label layoutLabel = new Label();
    layoutLabel.textProperty().bind(i18n.text("video.layout"));
    layoutLabel.setMinWidth(Region.USE_PREF_SIZE);
    ComboBox<AlarmMode> alarmMode = new ComboBox<>(FXCollections.observableArrayList(AlarmMode.values()));
    alarmMode.setId("video-alarm-mode");
    alarmMode.setMinWidth(Region.USE_PREF_SIZE);
    alarmMode.setButtonCell(modeCell());
    alarmMode.setCellFactory(v -> modeCell());
    alarmMode.valueProperty().bindBidirectional(wall.alarmModeProperty());
    CheckBox linked = new CheckBox();
    linked.setId("video-alarm-linked");
    linked.setMinWidth(Region.USE_PREF_SIZE);
    linked.textProperty().bind(i18n.text("video.alarm.linked"));
    linked.selectedProperty().bindBidirectional(alarmLinked);
    alarmMode.disableProperty().bind(alarmLinked.not());
    Button closeAlarm = new Button();
    closeAlarm.setId("video-close-alarm");
    closeAlarm.textProperty().bind(i18n.text("video.alarm.close"));
    showOnlyWhen(closeAlarm, wall.alarmShownProperty());
    closeAlarm.setOnAction(e -> {
      shownAlarmId = null;
      wall.closeAlarm();
    });
    Button saveGroup = new Button();
    saveGroup.setId("video-save-group");
    saveGroup.setMinWidth(Region.USE_PREF_SIZE);
    saveGroup.textProperty().bind(i18n.text("video.group.save"));
    saveGroup.setOnAction(e -> saveWallAsGroup());
    Label touring = new Label();
    touring.setId("video-tour-state");
    touring.getStyleClass().add("video-tour-state");
    touring.textProperty().bind(Bindings.createStringBinding(
        () -> tour.groupProperty().get() == null ? "" : i18n.format("video.tour.running",
            tour.groupProperty().get().name(), tour.pageProperty().get() + 1, tour.pageCountProperty().get()),
        tour.groupProperty(), tour.pageProperty(), tour.pageCountProperty(), i18n.localeProperty()));
    Button stopTour = new Button();
    stopTour.setId("video-tour-stop");
    stopTour.textProperty().bind(i18n.text("video.tour.stop"));
    stopTour.setOnAction(e -> tour.stop());
    showOnlyWhen(touring, tour.groupProperty().isNotNull());
    showOnlyWhen(stopTour, tour.groupProperty().isNotNull());
    Tooltip hint = new Tooltip();
    hint.textProperty().bind(i18n.text("video.hint"));
    Tooltip.install(wall, hint);
    bar.getChildren().setAll(layoutLabel, layouts, layoutMenu, linked, alarmMode, closeAlarm, saveGroup, touring, stopTour);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setRowValignment(javafx.geometry.VPos.CENTER);
    bar.getStyleClass().add("video-bar");
  }

  private List<WallLayout> offeredLayouts() {
    List<WallLayout> offered = new ArrayList<>(WallLayouts.builtIn());
    offered.addAll(customLayouts.list());
    return offered;
  }

  /** Design a layout of one's own, or delete the custom layout on the wall. */
  private MenuButton layoutMenu() {
    MenuItem design = new MenuItem(i18n.get("video.layout.custom"));
    design.setOnAction(e -> CustomLayoutDialog.ask(i18n, root.getScene() == null ? null : root.getScene().getWindow())
        .ifPresent(layout -> {
          customLayouts.save(layout);
          wall.setWallLayout(layout);
        }));
    MenuItem delete = new MenuItem(i18n.get("video.layout.custom.delete"));
    delete.setOnAction(e -> {
      WallLayout shown = wall.getWallLayout();
      wall.setWallLayout(WallLayouts.smallestGridFor(shown.tileCount()));
      customLayouts.remove(shown);
    });
    MenuButton menu = new MenuButton("⋯", null, design, delete);
    menu.setId("video-layout-menu");
    menu.setOnShowing(e -> delete.setDisable(!customLayouts.list().contains(wall.getWallLayout())));
    return menu;
  }

  private static void showOnlyWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(condition);
  }

  /** Cameras and groups dropped from the camera tree or the map. */
  private void acceptDrops() {
    wall.setOnDragOver(e -> {
      if (e.getDragboard().hasContent(DataFormat.PLAIN_TEXT) && dropped(e.getDragboard().getString()) != null) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    wall.setOnDragDropped(e -> {
      Object what = dropped(e.getDragboard().getString());
      int cell = wall.cellAt(e.getX(), e.getY());
      if (what instanceof WallCamera camera && cell >= 0) {
        assignByHand(cell, camera);
      } else if (what instanceof CameraGroup group) {
        tour.showOnce(group);
      }
      e.setDropCompleted(what != null);
      e.consume();
    });
  }

  private Object dropped(String text) {
    if (text == null) {
      return null;
    }
    if (text.startsWith(CameraTree.GROUP_DRAG_PREFIX)) {
      return groups.named(text.substring(CameraTree.GROUP_DRAG_PREFIX.length())).orElse(null);
    }
    return playable.get(text);
  }

  /** The operator's own choice of camera ends a tour that would overwrite it. */
  private void assignByHand(int cell, WallCamera camera) {
    tour.stop();
    wall.assign(cell, camera);
    onChange.run();
  }

  private final class TreeActions implements CameraTree.Actions {
    @Override
    public void showCamera(String cameraId) {
      WallCamera camera = playable.get(cameraId);
      if (camera != null) {
        assignByHand(firstEmptyCell(), camera);
      }
    }

    @Override
    public void showGroup(CameraGroup group) {
      tour.showOnce(group);
      onChange.run();
    }

    @Override
    public void tourGroup(CameraGroup group, Duration interval) {
      startTour(group, interval);
    }
  }

  private void saveWallAsGroup() {
    List<String> ids = wall.assignedCameras().stream().filter(Objects::nonNull).map(c -> c.id().value()).toList();
    if (ids.isEmpty()) {
      showStatus(i18n.get("video.group.empty"));
      return;
    }
    TextInputDialog ask = new TextInputDialog(i18n.format("video.group.defaultName", groups.list().size() + 1));
    ask.setTitle(i18n.get("video.group.save"));
    ask.setHeaderText(i18n.format("video.group.saveHeader", ids.size()));
    ask.setContentText(i18n.get("video.group.name"));
    if (root.getScene() != null) {
      ask.initOwner(root.getScene().getWindow());
      ask.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
    }
    ask.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(name -> {
      groups.save(new CameraGroup(name, ids));
      showStatus(i18n.format("video.group.saved", name, ids.size()));
      onChange.run();
    });
  }

  public Node root() {
    return root;
  }

  public VideoWall wall() {
    return wall;
  }

  WallTour tour() {
    return tour;
  }

  /** Adds a control at the end of the wall's bar (a detached wall's screen choice). */
  void addBarItem(Node item) {
    bar.getChildren().add(item);
  }

  /** Whether alarms bring their cameras onto this wall. */
  public BooleanProperty alarmLinkedProperty() {
    return alarmLinked;
  }

  /** Fills the camera tree once the park plan is in, then asks the server which streams exist, now and then. */
  public void setPark(Park plan) {
    boolean first = this.park == null;
    this.park = plan;
    refresh();
    if (first) {
      refresher = new Timeline(new KeyFrame(javafx.util.Duration.millis(REFRESH.toMillis()), e -> refresh()));
      refresher.setCycleCount(Animation.INDEFINITE);
      refresher.play();
    }
  }

  /** Asks the server which cameras have streams now (also done every {@link #REFRESH}). */
  public void refresh() {
    if (park == null) {
      return;
    }
    client.listStreams().whenComplete((streams, failure) -> Platform.runLater(() -> {
      if (failure != null) {
        showStatus(i18n.format("video.cameras.error", rootCause(failure).getMessage()));
        log.warn("Cannot list camera streams", failure);
        return;
      }
      showStatus("");
      fill(streams);
    }));
  }

  private void showStatus(String text) {
    status.textProperty().unbind();
    status.setText(text);
  }

  private void fill(List<CameraVideoStreams> streams) {
    playable.clear();
    Map<String, List<StreamProfile>> byCamera = new LinkedHashMap<>();
    for (CameraVideoStreams camera : streams) {
      List<StreamProfile> profiles = new ArrayList<>();
      for (StreamInfo info : camera.getStreamsList()) {
        if (info.getWidth() > 0 && info.getHeight() > 0) {
          profiles.add(new StreamProfile(info.getProfile(), info.getWidth(), info.getHeight()));
        }
      }
      byCamera.put(camera.getCameraId(), profiles);
    }
    for (Camera camera : park.cameras()) {
      List<StreamProfile> profiles = byCamera.getOrDefault(camera.id().value(), List.of());
      if (!profiles.isEmpty()) {
        String zoneName = park.zoneAt(camera.position()).map(ControlZone::name).orElse("");
        playable.put(camera.id().value(), new WallCamera(camera.id(), camera.name(), zoneName, profiles));
      }
    }
    tree.fill(park, playable::containsKey);
    if (playableBefore == 0 && !playable.isEmpty()) {
      restoreCameras();
    }
    playableBefore = playable.size();
  }

  private void restoreCameras() {
    if (savedTour.flatMap(this::tourFromSetting).isPresent()) {
      savedCameras = Optional.empty();
    } else if (savedCameras.isEmpty()) {
      if (wall.assignedCameras().stream().allMatch(Objects::isNull)) {
        // a first start: the playable cameras in order fill the wall
        wall.fill(List.copyOf(playable.values()));
      }
    } else {
      String[] ids = savedCameras.get().split(",", -1);
      for (int cell = 0; cell < ids.length; cell++) {
        WallCamera camera = playable.get(ids[cell]);
        if (camera != null) {
          wall.assign(cell, camera);
        }
      }
      savedCameras = Optional.empty();
    }
    savedTour = Optional.empty();
  }

  /** Starts the tour a saved {@code name|seconds} names, if its group still exists. */
  private Optional<CameraGroup> tourFromSetting(String text) {
    int bar = text.lastIndexOf('|');
    if (bar <= 0) {
      return Optional.empty();
    }
    try {
      Duration interval = Duration.ofSeconds(Long.parseLong(text.substring(bar + 1)));
      Optional<CameraGroup> group = groups.named(text.substring(0, bar));
      group.ifPresent(g -> startTour(g, interval));
      return group;
    } catch (RuntimeException e) {
      log.warn("Ignoring a saved tour that cannot be read: {}", text);
      return Optional.empty();
    }
  }

  private ContextMenu tileMenu(int cell) {
    MenuItem snapshot = new MenuItem(i18n.get("video.snapshot"));
    snapshot.setOnAction(e -> {
      try {
        Optional<Path> saved = wall.snapshot(cell, SNAPSHOTS);
        showStatus(saved.map(p -> i18n.format("video.snapshot.saved", p)).orElse(i18n.get("video.snapshot.none")));
      } catch (java.io.IOException ex) {
        log.warn("Snapshot failed", ex);
        showStatus(i18n.format("video.snapshot.failed", ex.getMessage()));
      }
    });
    MenuItem enlarge = new MenuItem(i18n.get("video.enlarge"));
    enlarge.setOnAction(e -> wall.toggleMaximised(cell));
    ContextMenu menu = new ContextMenu(snapshot, enlarge);
    wall.cameraAt(cell).ifPresent(camera -> {
      MenuItem playback = new MenuItem(i18n.get("playback.tile.play"));
      playback.setId("video-tile-playback");
      playback.setOnAction(e -> openPlayback.accept(List.of(camera.id().value()),
          java.time.Instant.now().minus(Duration.ofMinutes(5))));
      menu.getItems().add(playback);
    });
    if (shownAlarmId != null && wall.alarmShownProperty().get()) {
      String alarmId = shownAlarmId;
      MenuItem alarmPlayback = new MenuItem(i18n.get("playback.alarm.menu"));
      alarmPlayback.setId("video-tile-alarm-playback");
      alarmPlayback.setOnAction(e -> openAlarmPlayback.accept(alarmId));
      menu.getItems().add(alarmPlayback);
    }
    return menu;
  }

  /** This wall's settings for the workstation file, by key. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(LAYOUT, WallLayoutCodec.encode(wall.getWallLayout()));
    List<String> ids = new ArrayList<>();
    for (int cell = 0; cell < wall.getWallLayout().cells().size(); cell++) {
      ids.add(wall.cameraAt(cell).map(c -> c.id().value()).orElse(""));
    }
    // until the server lists streams, the saved cameras and tour are not on the wall yet: keep them
    settings.put(CAMERAS, savedCameras.orElse(String.join(",", ids)));
    CameraGroup touring = tour.groupProperty().get();
    settings.put(TOUR, savedTour.orElse(touring == null ? "" : touring.name() + "|" + tourInterval.toSeconds()));
    settings.put(ALARMS, Boolean.toString(alarmLinked.get()));
    return settings;
  }

  @Override
  public void showCameras(String alarmId, List<String> cameraIds) {
    if (!alarmLinked.get()) {
      return;
    }
    List<WallCamera> cameras = cameraIds.stream().map(playable::get).filter(Objects::nonNull).toList();
    if (!cameras.isEmpty()) {
      log.info("Alarm {}: showing {} on the video wall", alarmId, cameras.stream().map(c -> c.id().value()).toList());
      shownAlarmId = alarmId;
      wall.showAlarm(cameras);
      fillPreAlarmSlot(alarmId, cameras, 0);
    }
  }

  /** Evidence is taken in by the server within seconds of the alarm: asked again a few times. */
  private static final int EVIDENCE_TRIES = 10;
  private static final Duration EVIDENCE_RETRY = Duration.ofMillis(1500);

  /**
   * The pop-up's pre-alarm slot: GetAlarmEvidence, then the first linked camera on the wall plays from the
   * alarm's raised time − 60 s beside the live pictures.
   */
  private void fillPreAlarmSlot(String alarmId, List<WallCamera> cameras, int attempt) {
    if (recordings == null) {
      return;
    }
    recordings.evidence(alarmId).whenComplete((evidence, failure) -> Platform.runLater(() -> {
      if (!alarmId.equals(shownAlarmId) || !wall.alarmShownProperty().get()) {
        return; // closed or replaced meanwhile
      }
      if (failure != null || !evidence.hasFrom()) {
        if (attempt + 1 < EVIDENCE_TRIES) {
          javafx.animation.PauseTransition again =
              new javafx.animation.PauseTransition(javafx.util.Duration.millis(EVIDENCE_RETRY.toMillis()));
          again.setOnFinished(e -> fillPreAlarmSlot(alarmId, cameras, attempt + 1));
          again.play();
        } else {
          log.info("Alarm {}: no evidence for the pre-alarm slot ({})", alarmId,
              failure == null ? "no time" : rootCause(failure).getMessage());
        }
        return;
      }
      List<String> linked = evidence.getCamerasList().stream().map(c -> c.getCameraId()).toList();
      WallCamera first = cameras.stream().filter(c -> linked.contains(c.id().value())).findFirst()
          .orElse(cameras.get(0));
      io.cordon.client.video.RecordingClient r = recordings;
      wall.showAlarm(cameras, new io.cordon.video.wall.PreAlarm(first,
          io.cordon.client.video.RecordingClient.instant(evidence.getFrom()),
          (id, at) -> r.playbackUrl(id.value(), at)));
    }));
  }

  /** Recordings for the pre-alarm slot (null: none), and how a tile's menu opens the playback window. */
  public void setPlayback(io.cordon.client.video.RecordingClient recordings,
      java.util.function.BiConsumer<List<String>, java.time.Instant> openPlayback,
      java.util.function.Consumer<String> openAlarmPlayback) {
    this.recordings = recordings;
    this.openPlayback = Objects.requireNonNull(openPlayback, "openPlayback");
    this.openAlarmPlayback = Objects.requireNonNull(openAlarmPlayback, "openAlarmPlayback");
  }

  /** The cameras with streams now, in the park's order. */
  public List<WallCamera> playableCameras() {
    return List.copyOf(playable.values());
  }

  @Override
  public void close() {
    if (refresher != null) {
      refresher.stop();
    }
    tour.close();
    wall.close();
  }

  private CompletableFuture<java.net.URI> url(CameraId camera, String profile) {
    return client.open(camera.value(), profile).handle((url, failure) -> {
      if (failure != null) {
        throw new StreamUnavailableException(rootCause(failure).getMessage());
      }
      return url;
    });
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static Optional<WallLayout> decode(String text) {
    try {
      return Optional.of(WallLayoutCodec.decode(text));
    } catch (RuntimeException e) {
      log.warn("Ignoring a saved wall layout that cannot be read: {}", text);
      return Optional.empty();
    }
  }

  private ListCell<AlarmMode> modeCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(AlarmMode mode, boolean empty) {
        super.updateItem(mode, empty);
        setText(empty || mode == null ? "" : i18n.get(mode == AlarmMode.AREA ? "video.alarm.mode.area"
            : "video.alarm.mode.whole"));
      }
    };
  }

  private int firstEmptyCell() {
    for (int cell = 0; cell < wall.getWallLayout().cells().size(); cell++) {
      if (wall.cameraAt(cell).isEmpty()) {
        return cell;
      }
    }
    return 0;
  }

  /** How many of the park's cameras have streams now. */
  public int playableCount() {
    return playable.size();
  }

  /** The camera as this wall plays it, if it has streams. */
  public Optional<WallCamera> camera(String cameraId) {
    return Optional.ofNullable(playable.get(cameraId));
  }

  /** Tours {@code group} over this wall, a page every {@code interval}. */
  public void startTour(CameraGroup group, Duration interval) {
    tour.start(group, interval);
    tourInterval = interval;
  }

  /** The group this wall tours, if any. */
  public Optional<CameraGroup> touringGroup() {
    return Optional.ofNullable(tour.groupProperty().get());
  }
}
