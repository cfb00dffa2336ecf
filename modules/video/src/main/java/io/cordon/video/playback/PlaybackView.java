package io.cordon.video.playback;

import io.cordon.video.VideoStyles;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.vlc.VlcRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * Playback of 1–4 cameras on one clock ({@link PlaybackGroup}): date and time to go to, speed ×1/2/4/8, pause,
 * frame step, back to live, and a time bar over the chosen day that shows what is recorded and moves with the
 * position (drag or click it to seek). The mouse wheel zooms the bar around the pointer (down to a minute), a drag
 * on the recorded strip pans it, a double click there shows the whole day again. FX thread only.
 */
public final class PlaybackView extends BorderPane implements AutoCloseable {
  public static final int MAX_CAMERAS = 4;
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** One wheel notch zooms by this much. */
  static final double ZOOM_STEP = 1.5;
  /** The bar zoomed in furthest spans this long (a few seconds a pixel would tell the operator nothing more). */
  static final Duration SHORTEST_WINDOW = Duration.ofMinutes(1);
  /** The slider's thumb keeps this many pixels at both ends off the track; the recorded strip lines up with it. */
  private static final double TRACK_INSET = 8;

  private final VlcRuntime vlc;
  private final PlaybackUrls recordings;
  private final StreamUrls live;
  private final RecordingIndex index;
  private final VideoTexts texts;
  private final ZoneId zone;
  private final PlaybackGroup group;
  private final List<PlaybackTile> tiles = new ArrayList<>();
  private final GridPane grid = new GridPane();
  private final Label empty = new Label();
  private final DatePicker date = new DatePicker();
  private final TextField time = new TextField();
  private final Label position = new Label();
  private final Label message = new Label();
  private final Slider slider = new Slider(0, 1, 0);
  private final RecordedBar recordedBar = new RecordedBar();
  private final Button pause = new Button();
  private final ToggleGroup rates = new ToggleGroup();
  /** The chosen day; {@link #window} is the part of it the bar shows. */
  private TimeWindow day;
  private TimeWindow window;
  private boolean following;
  private double panFromX;
  private TimeWindow panFrom;

  public PlaybackView(VlcRuntime vlc, PlaybackUrls recordings, StreamUrls live, RecordingIndex index,
      VideoTexts texts, ZoneId zone) {
    this(vlc, recordings, live, index, texts, zone, new PlaybackGroup());
  }

  PlaybackView(VlcRuntime vlc, PlaybackUrls recordings, StreamUrls live, RecordingIndex index, VideoTexts texts,
      ZoneId zone, PlaybackGroup group) {
    this.vlc = Objects.requireNonNull(vlc, "vlc");
    this.recordings = Objects.requireNonNull(recordings, "recordings");
    this.live = Objects.requireNonNull(live, "live");
    this.index = Objects.requireNonNull(index, "index");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.group = group;
    VideoStyles.addStylesheet(this);
    getStyleClass().add(VideoStyles.PLAYBACK_VIEW);
    setId("playback-view");
    day = TimeWindow.day(LocalDate.now(zone), zone);
    window = day;
    date.setValue(LocalDate.now(zone));
    setTop(controls());
    empty.setText(texts.get("playback.noCameras"));
    empty.getStyleClass().add(VideoStyles.MESSAGE);
    StackPane center = new StackPane(grid, empty);
    center.getStyleClass().add(VideoStyles.WALL);
    grid.setHgap(2);
    grid.setVgap(2);
    setCenter(center);
    setBottom(timeBar());
    group.positionProperty().addListener((o, was, now) -> {
      if (was != null && now != null && window.contains(was) && !window.contains(now) && day.contains(now)
          && panFrom == null && !slider.isValueChanging()) {
        showWindow(window.showing(now, day)); // playing on past the zoomed-in part: the bar moves with it
      } else {
        showPosition(now);
      }
    });
    group.pausedProperty().addListener(o -> pause.setText(texts.get(group.pausedProperty().get()
        ? "playback.play" : "playback.pause")));
  }

  private Region controls() {
    date.setId("playback-date");
    date.setPrefWidth(130);
    date.valueProperty().addListener((o, was, now) -> {
      if (now != null) {
        setDay(TimeWindow.day(now, zone));
      }
    });
    time.setId("playback-time");
    time.setPromptText(texts.get("playback.timeHint"));
    time.setPrefColumnCount(7);
    Button go = button("playback-goto", "playback.goto");
    go.setDefaultButton(false);
    go.setOnAction(e -> goToTyped());
    time.setOnAction(e -> goToTyped());
    HBox speeds = new HBox(2);
    for (double r : PlaybackGroup.RATES) {
      ToggleButton b = new ToggleButton("×" + (long) r);
      b.setId("playback-rate-" + (long) r);
      b.setToggleGroup(rates);
      b.setUserData(r);
      b.setSelected(r == 1.0);
      b.setMinWidth(Region.USE_PREF_SIZE);
      speeds.getChildren().add(b);
    }
    rates.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        was.setSelected(true); // one speed is always chosen
      } else {
        group.setRate((Double) now.getUserData());
      }
    });
    pause.setId("playback-pause");
    pause.setText(texts.get("playback.pause"));
    pause.setMinWidth(Region.USE_PREF_SIZE);
    pause.setOnAction(e -> group.togglePaused());
    Button step = button("playback-step", "playback.step");
    step.setOnAction(e -> group.stepAll());
    Button toLive = button("playback-live", "playback.live");
    toLive.setOnAction(e -> group.goLive());
    position.setId("playback-position");
    position.getStyleClass().add(VideoStyles.PLAYBACK_POSITION);
    message.setId("playback-message");
    message.getStyleClass().add("video-playback-message");
    speeds.setMinWidth(Region.USE_PREF_SIZE);
    // wraps instead of overflowing: the view also sits in narrow slots (the timeline window's video area)
    FlowPane bar = new FlowPane(8, 4, group(label("playback.date"), date), group(label("playback.time"), time, go),
        group(label("playback.speed"), speeds), group(pause, step, toLive), message, position);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(VideoStyles.PLAYBACK_BAR);
    return bar;
  }

  private Region timeBar() {
    slider.setId("playback-slider");
    slider.setShowTickMarks(true);
    slider.setShowTickLabels(true);
    slider.setMajorTickUnit(1.0 / 8);
    slider.setMinorTickCount(2);
    slider.setLabelFormatter(labels());
    slider.valueChangingProperty().addListener((o, was, changing) -> {
      if (!changing) {
        seekAll(window.at(slider.getValue()));
      }
    });
    slider.valueProperty().addListener((o, was, now) -> {
      if (!following && !slider.isValueChanging()) {
        seekAll(window.at(now.doubleValue()));
      }
    });
    recordedBar.setId("playback-recorded");
    recordedBar.setPickOnBounds(true); // grabbed anywhere, not only on the green stretches
    recordedBar.setPrefHeight(10);
    recordedBar.setMinHeight(10);
    recordedBar.setOnMousePressed(e -> {
      panFromX = e.getX();
      panFrom = window;
    });
    recordedBar.setOnMouseDragged(e -> {
      if (panFrom != null) {
        // the strip follows the pointer: dragged left, later hours come into view
        showWindow(panFrom.panned(-(e.getX() - panFromX) / trackWidth(recordedBar.getWidth()), day));
      }
    });
    recordedBar.setOnMouseReleased(e -> panFrom = null);
    recordedBar.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        showWindow(day);
      }
    });
    VBox box = new VBox(2, recordedBar, slider);
    box.setId("playback-time-bar");
    box.getStyleClass().add(VideoStyles.PLAYBACK_TIME_BAR);
    box.setOnScroll(e -> {
      if (e.getDeltaY() != 0) {
        double pivot = (e.getX() - TRACK_INSET) / trackWidth(box.getWidth());
        showWindow(window.zoomed(e.getDeltaY() > 0 ? 1 / ZOOM_STEP : ZOOM_STEP, pivot, day, SHORTEST_WINDOW));
        e.consume();
      }
    });
    Tooltip.install(box, new Tooltip(texts.get("playback.zoomHint")));
    return box;
  }

  /** Controls that stay on one line together when the bar wraps. */
  private static HBox group(Node... nodes) {
    HBox box = new HBox(6, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(Region.USE_PREF_SIZE);
    return box;
  }

  private static double trackWidth(double width) {
    return Math.max(1, width - 2 * TRACK_INSET);
  }

  /** Hours and minutes on the bar's ticks; seconds too once it spans less than ten minutes. */
  private StringConverter<Double> labels() {
    boolean seconds = window.length().compareTo(Duration.ofMinutes(10)) < 0;
    return new StringConverter<>() {
      @Override
      public String toString(Double f) {
        String hms = HMS.format(window.at(f).atZone(zone));
        return seconds ? hms : hms.substring(0, 5);
      }

      @Override
      public Double fromString(String s) {
        return 0.0;
      }
    };
  }

  private Button button(String id, String key) {
    Button b = new Button(texts.get(key));
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  private Label label(String key) {
    Label l = new Label(texts.get(key));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** The shared clock: the incident timeline drives it ({@link PlaybackGroup#seekAll}) and follows its position. */
  public PlaybackGroup group() {
    return group;
  }

  public List<PlaybackTile> tiles() {
    return List.copyOf(tiles);
  }

  /**
   * Plays these cameras (the first {@link #MAX_CAMERAS}) in sync from the group's position, or from
   * {@code startAt} before the first seek.
   */
  public void setCameras(List<WallCamera> cameras, Instant startAt) {
    tiles.forEach(t -> {
      group.remove(t.player());
      t.close();
    });
    tiles.clear();
    grid.getChildren().clear();
    grid.getColumnConstraints().clear();
    grid.getRowConstraints().clear();
    List<WallCamera> shown = cameras.subList(0, Math.min(MAX_CAMERAS, cameras.size()));
    int columns = shown.size() <= 1 ? 1 : 2;
    int rows = shown.size() <= 2 ? 1 : 2;
    for (int c = 0; c < columns; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100.0 / columns);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < rows; r++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(100.0 / rows);
      grid.getRowConstraints().add(rc);
    }
    int targetW = columns == 1 ? 1280 : 640;
    int targetH = columns == 1 ? 720 : 360;
    Instant at = Optional.ofNullable(group.positionProperty().get()).orElse(startAt);
    for (int i = 0; i < shown.size(); i++) {
      PlaybackPlayer player = new PlaybackPlayer(vlc, shown.get(i), recordings, live, targetW, targetH);
      PlaybackTile tile = new PlaybackTile(player, texts, zone, "");
      tile.setId("playback-tile-" + i);
      GridPane.setHgrow(tile, Priority.ALWAYS);
      GridPane.setVgrow(tile, Priority.ALWAYS);
      grid.add(tile, i % columns, i / columns);
      tiles.add(tile);
      group.add(player);
    }
    empty.setVisible(shown.isEmpty());
    refreshRecorded();
    if (!shown.isEmpty() && at != null) {
      seekAll(at);
    }
  }

  /** Every camera to {@code at} (the time bar moves to its day). */
  public void seekAll(Instant at) {
    if (!day.contains(at)) {
      following = true;
      date.setValue(at.atZone(zone).toLocalDate()); // sets the day through its listener
      following = false;
    } else if (!window.contains(at)) {
      showWindow(window.showing(at, day));
    }
    message.setText("");
    group.seekAll(at);
  }

  private void goToTyped() {
    try {
      LocalTime t = LocalTime.parse(time.getText().strip());
      LocalDate day = date.getValue() == null ? LocalDate.now(zone) : date.getValue();
      seekAll(day.atTime(t).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      message.setText(texts.get("playback.badTime"));
    }
  }

  private void setDay(TimeWindow next) {
    day = next;
    refreshRecorded();
    showWindow(next);
  }

  /** The bar spans {@code next} (a part of the day): labels, recorded strip and thumb follow. */
  private void showWindow(TimeWindow next) {
    window = next;
    slider.setLabelFormatter(labels()); // a new formatter makes the slider label its ticks again
    recordedBar.show(window, recordedBar.ranges);
    showPosition(group.positionProperty().get());
  }

  /** The part of the day the time bar spans now (the whole day unless zoomed in). */
  public TimeWindow shownWindow() {
    return window;
  }

  private void showPosition(Instant at) {
    if (at == null) {
      position.setText("");
      return;
    }
    position.setText(texts.format("playback.position", SHOWN.format(at.atZone(zone))));
    if (!slider.isValueChanging() && window.contains(at)) {
      following = true;
      slider.setValue(window.fractionOf(at));
      following = false;
    }
  }

  /** Asks which parts of the day are recorded, for every camera shown; the bar paints their union. */
  private void refreshRecorded() {
    TimeWindow asked = day;
    List<CompletableFuture<List<RecordedRange>>> asks = tiles.stream()
        .map(t -> index.recorded(t.player().camera().id(), asked.start(), asked.end()).toCompletableFuture()
            .exceptionally(e -> List.of()))
        .toList();
    CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      List<RecordedRange> all = new ArrayList<>();
      asks.forEach(a -> all.addAll(a.getNow(List.of())));
      Platform.runLater(() -> {
        if (asked.equals(day)) {
          recordedBar.show(window, RecordedRange.merged(all));
        }
      });
    });
  }

  /** The recorded ranges on the bar, for tests. */
  public List<RecordedRange> recordedShown() {
    return recordedBar.ranges;
  }

  /** Stops the clock and releases every player. */
  @Override
  public void close() {
    group.close();
    tiles.forEach(PlaybackTile::close);
    tiles.clear();
  }

  /** Green stretches where something is recorded, aligned with the slider's track. */
  private static final class RecordedBar extends Pane {
    private List<RecordedRange> ranges = List.of();
    private TimeWindow window;

    void show(TimeWindow w, List<RecordedRange> merged) {
      window = w;
      ranges = merged;
      getChildren().clear();
      for (int i = 0; i < merged.size(); i++) {
        Rectangle r = new Rectangle();
        r.getStyleClass().add(VideoStyles.PLAYBACK_RECORDED);
        getChildren().add(r);
      }
      requestLayout();
    }

    @Override
    protected void layoutChildren() {
      double inset = TRACK_INSET;
      double width = Math.max(0, getWidth() - 2 * inset);
      for (int i = 0; i < ranges.size() && i < getChildren().size(); i++) {
        RecordedRange range = ranges.get(i);
        Rectangle r = (Rectangle) getChildren().get(i);
        // zoomed in, a stretch outside the shown part would sit as a sliver at the bar's end
        r.setVisible(range.end().isAfter(window.start()) && range.start().isBefore(window.end()));
        double x0 = inset + window.fractionOf(range.start()) * width;
        double x1 = inset + window.fractionOf(range.end()) * width;
        r.setX(x0);
        r.setY(0);
        r.setWidth(Math.max(1, x1 - x0));
        r.setHeight(getHeight());
      }
    }
  }
}
