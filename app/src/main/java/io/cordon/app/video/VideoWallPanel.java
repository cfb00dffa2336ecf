package io.cordon.app.video;

import io.cordon.api.v1.CameraVideoStreams;
import io.cordon.api.v1.StreamInfo;
import io.cordon.app.alarm.AlarmVideoWall;
import io.cordon.app.i18n.I18n;
import io.cordon.client.video.VideoClient;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.geo.Wgs84;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamProfile;
import io.cordon.video.camera.StreamUnavailableException;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayoutCodec;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.vlc.VlcRuntime;
import io.cordon.video.wall.AlarmMode;
import io.cordon.video.wall.VideoWall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video wall as a main view: a layout chooser, the park's cameras grouped by control zone (drag
 * one onto a tile), the wall itself, and the alarm linkage — an alarm's linked cameras take the
 * alarm area of the wall until the operator closes it. The wall's layout and cameras are saved per
 * workstation ({@link #layoutSetting()}, {@link #camerasSetting()}).
 */
public final class VideoWallPanel implements AlarmVideoWall, AutoCloseable {

  public static final String LAYOUT_SETTING = "video.wall.layout";
  public static final String CAMERAS_SETTING = "video.wall.cameras";
  private static final Logger log = LoggerFactory.getLogger(VideoWallPanel.class);
  /** A camera this close to a gate is listed under the gate. */
  private static final double GATE_CAMERA_METRES = 120;
  /** Streams appear as cameras come online (the demo's start after the server): the list is asked again. */
  private static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(20);
  /** Where tile snapshots go (PNG with camera and time in its metadata). */
  static final java.nio.file.Path SNAPSHOTS =
      java.nio.file.Path.of(System.getProperty("user.home"), "Cordon", "snapshots");

  private final VideoClient client;
  private final I18n i18n;
  private final VideoWall wall;
  private final BorderPane root = new BorderPane();
  private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("cameras"));
  private final Label status = new Label();
  private final Map<String, WallCamera> playable = new LinkedHashMap<>();
  private final Runnable onChange;
  private Park park;
  private int playableBefore;
  private javafx.animation.Timeline refresher;
  private Optional<String> savedCameras;

  public VideoWallPanel(VlcRuntime vlc, VideoClient client, I18n i18n, Optional<String> savedLayout,
      Optional<String> savedCameras, Runnable onChange) {
    this.client = client;
    this.i18n = i18n;
    this.onChange = onChange;
    this.savedCameras = savedCameras;
    this.wall = new VideoWall(vlc, (camera, profile) -> url(camera, profile), VideoTexts.of(i18n.getLocale()));
    wall.setId("video-wall");
    savedLayout.flatMap(VideoWallPanel::decode).ifPresent(wall::setWallLayout);
    wall.wallLayoutProperty().addListener(o -> onChange.run());

    ComboBox<WallLayout> layouts = new ComboBox<>(FXCollections.observableArrayList(WallLayouts.builtIn()));
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
    Label layoutLabel = new Label();
    layoutLabel.textProperty().bind(i18n.text("video.layout"));
    ComboBox<AlarmMode> alarmMode = new ComboBox<>(FXCollections.observableArrayList(AlarmMode.values()));
    alarmMode.setId("video-alarm-mode");
    alarmMode.setMinWidth(Region.USE_PREF_SIZE);
    alarmMode.setButtonCell(modeCell());
    alarmMode.setCellFactory(v -> modeCell());
    alarmMode.valueProperty().bindBidirectional(wall.alarmModeProperty());
    Button closeAlarm = new Button();
    closeAlarm.setId("video-close-alarm");
    closeAlarm.textProperty().bind(i18n.text("video.alarm.close"));
    closeAlarm.visibleProperty().bind(wall.alarmShownProperty());
    closeAlarm.managedProperty().bind(wall.alarmShownProperty());
    closeAlarm.setOnAction(e -> wall.closeAlarm());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    javafx.scene.control.Tooltip hint = new javafx.scene.control.Tooltip();
    hint.textProperty().bind(i18n.text("video.hint"));
    javafx.scene.control.Tooltip.install(wall, hint);
    layoutLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox bar = new HBox(8, layoutLabel, layouts, alarmMode, closeAlarm, spacer);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.getStyleClass().add("video-bar");

    tree.setShowRoot(false);
    tree.setId("video-cameras");
    tree.setCellFactory(v -> cameraCell());
    BorderPane side = new BorderPane(tree);
    side.setBottom(status);
    status.setWrapText(true);
    status.getStyleClass().add("video-status");
    side.setMinWidth(150);
    wall.setOnDragOver(e -> {
      if (e.getDragboard().hasContent(javafx.scene.input.DataFormat.PLAIN_TEXT)
          && playable.containsKey(e.getDragboard().getString())) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    wall.setOnDragDropped(e -> {
      WallCamera camera = playable.get(e.getDragboard().getString());
      int cell = wall.cellAt(e.getX(), e.getY());
      if (camera != null && cell >= 0) {
        wall.assign(cell, camera);
        onChange.run();
      }
      e.setDropCompleted(camera != null && cell >= 0);
      e.consume();
    });
    // right-click a tile: snapshot or enlarge; F11 puts the wall's window in full screen and back
    wall.setOnContextMenuRequested(e -> {
      int cell = wall.cellAt(e.getX(), e.getY());
      if (cell >= 0 && wall.cameraAt(cell).isPresent()) {
        tileMenu(cell).show(wall, e.getScreenX(), e.getScreenY());
      }
      e.consume();
    });
    root.setOnKeyPressed(e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.F11 && root.getScene() != null
          && root.getScene().getWindow() instanceof javafx.stage.Stage window) {
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

  public Node root() {
    return root;
  }

  public VideoWall wall() {
    return wall;
  }

  /** Fills the camera tree once the park plan is in, then asks the server which streams exist, now and then. */
  public void setPark(Park park) {
    boolean first = this.park == null;
    this.park = park;
    refresh();
    if (first) {
      javafx.animation.Timeline again = new javafx.animation.Timeline(
          new javafx.animation.KeyFrame(javafx.util.Duration.millis(REFRESH.toMillis()), e -> refresh()));
      again.setCycleCount(javafx.animation.Animation.INDEFINITE);
      again.play();
      refresher = again;
    }
  }

  private void refresh() {
    client.listStreams().whenComplete((streams, failure) -> Platform.runLater(() -> {
      if (failure != null) {
        status.textProperty().unbind();
        status.setText(i18n.format("video.cameras.error", rootCause(failure).getMessage()));
        log.warn("Cannot list camera streams", failure);
        return;
      }
      status.textProperty().unbind();
      status.setText("");
      fill(streams);
    }));
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
    boolean firstFill = playableBefore == 0 && tree.getRoot().getChildren().isEmpty();
    Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
    for (Camera camera : park.cameras()) {
      Optional<ControlZone> zone = park.zoneAt(camera.position());
      String zoneName = zone.map(ControlZone::name).orElse("");
      List<StreamProfile> profiles = byCamera.getOrDefault(camera.id().value(), List.of());
      if (!profiles.isEmpty()) {
        playable.put(camera.id().value(), new WallCamera(camera.id(), camera.name(), zoneName, profiles));
      }
      // gate cameras under their gate, the others under their control zone
      String group = nearestGate(camera).map(Gate::name).orElse(zoneName.isEmpty() ? i18n.get("video.cameras")
          : zoneName);
      groups.computeIfAbsent(group, n -> new TreeItem<>(n)).getChildren().add(new TreeItem<>(camera));
    }
    tree.getRoot().getChildren().setAll(groups.values());
    tree.getRoot().getChildren().forEach(g -> g.setExpanded(true));
    if (firstFill || (playableBefore == 0 && !playable.isEmpty() && wall.assignedCameras().isEmpty())) {
      restoreCameras();
    }
    playableBefore = playable.size();
  }

  private Optional<Gate> nearestGate(Camera camera) {
    return park.gates().stream()
        .filter(g -> Wgs84.distanceMetres(g.position().getCoordinate(), camera.position().getCoordinate())
            < GATE_CAMERA_METRES)
        .min(java.util.Comparator.comparingDouble(
            g -> Wgs84.distanceMetres(g.position().getCoordinate(), camera.position().getCoordinate())));
  }

  private void restoreCameras() {
    if (savedCameras.isEmpty()) {
      // a first start: the playable cameras in order fill the wall
      List<WallCamera> first = new ArrayList<>(playable.values());
      for (int cell = 0; cell < Math.min(first.size(), wall.getWallLayout().cells().size()); cell++) {
        wall.assign(cell, first.get(cell));
      }
    } else {
      String[] ids = savedCameras.get().split(",", -1);
      for (int cell = 0; cell < ids.length; cell++) {
        WallCamera camera = playable.get(ids[cell]);
        if (camera != null) {
          wall.assign(cell, camera);
        }
      }
    }
    savedCameras = Optional.empty();
  }

  private javafx.scene.control.ContextMenu tileMenu(int cell) {
    javafx.scene.control.MenuItem snapshot = new javafx.scene.control.MenuItem(i18n.get("video.snapshot"));
    snapshot.setOnAction(e -> {
      try {
        Optional<java.nio.file.Path> saved = wall.snapshot(cell, SNAPSHOTS);
        status.textProperty().unbind();
        status.setText(saved.map(p -> i18n.format("video.snapshot.saved", p)).orElse(i18n.get("video.snapshot.none")));
      } catch (java.io.IOException ex) {
        log.warn("Snapshot failed", ex);
        status.textProperty().unbind();
        status.setText(i18n.format("video.snapshot.failed", ex.getMessage()));
      }
    });
    javafx.scene.control.MenuItem enlarge = new javafx.scene.control.MenuItem(i18n.get("video.enlarge"));
    enlarge.setOnAction(e -> wall.toggleMaximised(cell));
    return new javafx.scene.control.ContextMenu(snapshot, enlarge);
  }

  /** The wall's layout for the workstation file. */
  public String layoutSetting() {
    return WallLayoutCodec.encode(wall.getWallLayout());
  }

  /** The cameras per cell for the workstation file (empty cells empty). */
  public String camerasSetting() {
    List<String> ids = new ArrayList<>();
    for (int cell = 0; cell < wall.getWallLayout().cells().size(); cell++) {
      ids.add(wall.cameraAt(cell).map(c -> c.id().value()).orElse(""));
    }
    return String.join(",", ids);
  }

  @Override
  public void showCameras(String alarmId, List<String> cameraIds) {
    List<WallCamera> cameras = cameraIds.stream().map(playable::get).filter(java.util.Objects::nonNull).toList();
    if (!cameras.isEmpty()) {
      log.info("Alarm {}: showing {} on the video wall", alarmId, cameras.stream().map(c -> c.id().value()).toList());
      wall.showAlarm(cameras);
    }
  }

  @Override
  public void close() {
    if (refresher != null) {
      refresher.stop();
    }
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
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
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

  private TreeCell<Object> cameraCell() {
    TreeCell<Object> cell = new TreeCell<>() {
      @Override
      protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("video-camera-off");
        if (empty || item == null) {
          setText(null);
        } else if (item instanceof Camera camera) {
          boolean streams = playable.containsKey(camera.id().value());
          setText(streams ? camera.name() : i18n.format("video.cameras.noStream", camera.name()));
          if (!streams) {
            getStyleClass().add("video-camera-off");
          }
        } else {
          setText(item.toString());
        }
      }
    };
    cell.setOnDragDetected(e -> {
      if (cell.getItem() instanceof Camera camera && playable.containsKey(camera.id().value())) {
        Dragboard board = cell.startDragAndDrop(TransferMode.COPY);
        ClipboardContent content = new ClipboardContent();
        content.putString(camera.id().value());
        board.setContent(content);
        e.consume();
      }
    });
    // a double-click puts the camera on the first empty tile (or the maximised one)
    cell.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && cell.getItem() instanceof Camera camera) {
        WallCamera wallCamera = playable.get(camera.id().value());
        if (wallCamera != null) {
          int target = firstEmptyCell();
          wall.assign(target, wallCamera);
          onChange.run();
        }
      }
    });
    return cell;
  }

  private int firstEmptyCell() {
    for (int cell = 0; cell < wall.getWallLayout().cells().size(); cell++) {
      if (wall.cameraAt(cell).isEmpty()) {
        return cell;
      }
    }
    return 0;
  }

  /** For tests: the cameras that have streams. */
  Map<String, WallCamera> playable() {
    return playable;
  }
}
