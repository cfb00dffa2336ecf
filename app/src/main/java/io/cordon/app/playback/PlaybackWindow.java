package io.cordon.app.playback;

import io.cordon.api.v1.AlarmEvidence;
import io.cordon.api.v1.CameraEvidence;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.video.RecordingClient;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.playback.PlaybackUrls;
import io.cordon.video.playback.PlaybackView;
import io.cordon.video.playback.RecordedRange;
import io.cordon.video.playback.RecordingIndex;
import io.cordon.video.vlc.VlcRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 回放: its own window with the playback view and the cameras to play (tick up to four; they play in sync).
 * Opened from the View menu, from a wall tile's menu and from an alarm ("从告警前1分钟回放": the alarm's evidence
 * from raised − 60 s). Recordings come from the server (ListSegments, playback URLs with tickets).
 */
public final class PlaybackWindow implements AutoCloseable {
  /** Before anything is chosen the view starts this long before now (the last minutes are the usual question). */
  static final Duration DEFAULT_BACK = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(PlaybackWindow.class);

  private final I18n i18n;
  private final RecordingClient recordings;
  private final Supplier<List<WallCamera>> playable;
  private final Function<String, Optional<WallCamera>> camera;
  private final Window owner;
  private final PlaybackView view;
  private final ObservableList<WallCamera> choices = FXCollections.observableArrayList();
  private final List<WallCamera> chosen = new ArrayList<>();
  private final Label hint = new Label();
  private Stage stage;

  /**
   * @param playable the cameras with streams now (the video wall knows them)
   * @param camera one camera by id, if it has streams
   */
  public PlaybackWindow(VlcRuntime vlc, RecordingClient recordings, StreamUrls live, I18n i18n,
      Supplier<List<WallCamera>> playable, Function<String, Optional<WallCamera>> camera, Window owner) {
    this.i18n = i18n;
    this.recordings = recordings;
    this.playable = playable;
    this.camera = camera;
    this.owner = owner;
    this.view = newView(vlc, recordings, live, i18n);
  }

  /** A playback view over the server's recordings (this window's, or one embedded elsewhere: the timeline's). */
  public static PlaybackView newView(VlcRuntime vlc, RecordingClient recordings, StreamUrls live, I18n i18n) {
    PlaybackUrls urls = (id, from) -> recordings.playbackUrl(id.value(), from);
    RecordingIndex index = (id, from, to) -> recordings.segments(id.value(), from, to).thenApply(list -> list.stream()
        .map(s -> new RecordedRange(RecordingClient.instant(s.getStart()), RecordingClient.instant(s.getEnd())))
        .toList());
    return new PlaybackView(vlc, urls, live, index, VideoTexts.of(i18n.getLocale()), ZoneId.of("Asia/Shanghai"));
  }

  public PlaybackView view() {
    return view;
  }

  /** Shows the window with what it played last (the first camera and now − 5 min the first time). */
  public void show() {
    ensureStage();
    refreshChoices();
    if (chosen.isEmpty() && !choices.isEmpty()) {
      play(List.of(choices.get(0)), Instant.now().minus(DEFAULT_BACK));
    }
    stage.show();
    stage.toFront();
  }

  /** Plays these cameras (by id; those without streams are left out) from {@code from}. */
  public void show(List<String> cameraIds, Instant from) {
    ensureStage();
    refreshChoices();
    List<WallCamera> cameras = cameraIds.stream().map(camera).flatMap(Optional::stream).limit(PlaybackView.MAX_CAMERAS)
        .toList();
    play(cameras, from);
    stage.show();
    stage.toFront();
  }

  /** 从告警前1分钟回放: the alarm's linked cameras from its raised time − 60 s (its evidence). */
  public void showAlarm(String alarmId) {
    recordings.evidence(alarmId).whenComplete((evidence, error) -> Platform.runLater(() -> {
      if (error != null) {
        log.warn("No evidence for alarm {}: {}", alarmId, error.toString());
        show();
        hint.setText(i18n.format("playback.alarm.none", alarmId));
        return;
      }
      showEvidence(evidence);
    }));
  }

  private void showEvidence(AlarmEvidence evidence) {
    List<String> ids = evidence.getCamerasList().stream().map(CameraEvidence::getCameraId).toList();
    show(ids, RecordingClient.instant(evidence.getFrom()));
    hint.setText(i18n.format("playback.alarm.shown", evidence.getAlarmId()));
  }

  private void play(List<WallCamera> cameras, Instant from) {
    chosen.clear();
    chosen.addAll(cameras);
    view.setCameras(List.copyOf(chosen), from);
    if (!view.tiles().isEmpty()) {
      view.seekAll(from);
    }
    refreshChoices();
  }

  private void refreshChoices() {
    List<WallCamera> now = new ArrayList<>(playable.get());
    chosen.stream().filter(c -> !now.contains(c)).forEach(now::add);
    choices.setAll(now);
  }

  private void toggle(WallCamera camera, boolean on) {
    if (on && !chosen.contains(camera)) {
      if (chosen.size() >= PlaybackView.MAX_CAMERAS) {
        hint.setText(i18n.get("playback.max"));
        refreshChoices();
        return;
      }
      chosen.add(camera);
    } else if (!on) {
      chosen.remove(camera);
    }
    Instant at = Optional.ofNullable(view.group().positionProperty().get()).orElse(Instant.now().minus(DEFAULT_BACK));
    view.setCameras(List.copyOf(chosen), at);
  }

  private void ensureStage() {
    if (stage != null) {
      return;
    }
    ListView<WallCamera> list = new ListView<>(choices);
    list.setId("playback-cameras");
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(WallCamera item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setGraphic(null);
          setText(null);
          return;
        }
        CheckBox box = new CheckBox(item.name());
        box.setSelected(chosen.contains(item));
        box.selectedProperty().addListener((o, was, on) -> toggle(item, on));
        setGraphic(box);
        setText(null);
      }
    });
    Label title = new Label();
    title.textProperty().bind(i18n.text("playback.cameras"));
    title.getStyleClass().add("playback-cameras-title");
    hint.setWrapText(true);
    hint.getStyleClass().add("playback-hint");
    VBox side = new VBox(6, title, list, hint);
    side.setPadding(new Insets(6));
    side.setPrefWidth(220);
    VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
    BorderPane root = new BorderPane(view);
    root.setLeft(side);
    root.setId("playback-window");
    stage = new Stage();
    stage.titleProperty().bind(i18n.text("playback.title"));
    if (owner != null) {
      stage.initOwner(owner);
    }
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(860, screen.getHeight()));
    Styles.apply(scene);
    stage.setScene(scene);
    // hidden: the players stop (the native players are released); shown again, they start where they were
    stage.setOnHidden(e -> view.group().setPaused(true));
  }

  @Override
  public void close() {
    view.close();
    if (stage != null) {
      stage.close();
    }
  }
}
