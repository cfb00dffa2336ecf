package io.cordon.app.timeline;

import io.cordon.api.v1.Incident;
import io.cordon.api.v1.TimelineLane;
import io.cordon.app.i18n.I18n;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.client.timeline.TimelineLanes;
import io.cordon.client.timeline.TimelinePreset;
import io.cordon.client.timeline.TimelineViewModel;
import io.cordon.domain.park.Park;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * 事件时间轴 — the supervisor's timeline window: a filter bar (time range with presets, plates, person,
 * gate, zone, lane switches, tracks), the lanes on a time axis with a draggable cursor, and under
 * them the park map at the cursor (vehicles and the window's tracks) beside the video area, which
 * follows the cursor through {@link #setVideoSync}; on the right the details of the mark clicked
 * and the incidents. Everything it shows comes from the {@link TimelineViewModel}: a server's answer
 * drives it through {@link TimelineViewModel#show} only.
 */
public final class TimelineView {
  public static final String ROOT_ID = "timeline-view";
  public static final String PRESET_ID = "timeline-preset";
  public static final String FROM_ID = "timeline-from";
  public static final String TO_ID = "timeline-to";
  public static final String PLATE_ID = "timeline-plate";
  public static final String PERSON_ID = "timeline-person";
  public static final String GATE_ID = "timeline-gate";
  public static final String ZONE_ID = "timeline-zone";
  public static final String TRACKS_ID = "timeline-tracks";
  public static final String LOAD_ID = "timeline-load";
  public static final String FIT_ID = "timeline-fit";
  public static final String MESSAGE_ID = "timeline-message";
  public static final String VIDEO_ID = "timeline-video";
  public static final String LANE_TOGGLE_PREFIX = "timeline-toggle-";
  /** While the cursor is dragged, the video seeks at most this often. */
  static final long VIDEO_SEEK_EVERY_NANOS = 250_000_000L;
  static final long VIDEO_FOLLOW_MIN_MILLIS = 250;

  private final TimelineViewModel vm;
  private final TimelineTexts texts;
  private final TimelineLanesView lanes;
  private final TimelineMap map;
  private final TimelineDetails details;
  private final IncidentsPanel incidents;
  private final StackPane video = new StackPane();
  private final Label videoPlaceholder = new Label();
  private final BorderPane root = new BorderPane();
  private final TabPane side = new TabPane();
  private final Tab incidentsTab = new Tab();
  private Consumer<Instant> videoSync = t -> {};
  private long lastVideoSeekNanos;
  /** The cursor is moving with the video: no seek back to it. */
  private boolean followingVideo;

  /**
   * @param vm the timeline (one per window)
   * @param incidentsVm the incidents beside it
   * @param park the park plan, for the map
   */
  public TimelineView(TimelineViewModel vm, IncidentsViewModel incidentsVm, ObservableValue<Park> park, I18n i18n) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.texts = new TimelineTexts(Objects.requireNonNull(i18n, "i18n"));
    lanes = new TimelineLanesView(vm, texts);
    map = new TimelineMap(vm, park, texts);
    details = new TimelineDetails(vm, texts);
    incidents = new IncidentsPanel(incidentsVm, texts);
    incidents.setOnOpenTimeline(this::showIncident);

    root.setId(ROOT_ID);
    root.getStyleClass().add("timeline-view");
    root.setTop(filterBar(park));
    root.setCenter(centre());
    root.setRight(side());
    root.setPrefSize(1600, 1000);

    vm.cursorProperty().addListener((o, was, now) -> cursorMoved(now));
    lanes.draggingCursorProperty().addListener((o, was, dragging) -> {
      if (!dragging && vm.cursorProperty().get() != null) {
        videoSync.accept(vm.cursorProperty().get()); // where the drag ended, exactly
      }
    });
  }

  public Region root() {
    return root;
  }

  public TimelineViewModel viewModel() {
    return vm;
  }

  public TimelineLanesView lanes() {
    return lanes;
  }

  public TimelineMap map() {
    return map;
  }

  public IncidentsPanel incidents() {
    return incidents;
  }

  /**
   * Where the cursor's moments go: called on the FX thread whenever the cursor moves (at most every
   * 250 ms while it is dragged, and once where the drag ends) — e.g. {@code PlaybackGroup::seekAll}.
   */
  public void setVideoSync(Consumer<Instant> sync) {
    videoSync = Objects.requireNonNull(sync, "sync");
    if (vm.cursorProperty().get() != null) {
      sync.accept(vm.cursorProperty().get());
    }
  }

  /**
   * Moves the cursor with the playing video (the playback group's clock), so the map shows where the
   * vehicles were at the moment on screen; the video is not sought again. Ignored while the cursor is
   * dragged, and for steps under {@link #VIDEO_FOLLOW_MIN_MILLIS} (the group ticks often).
   */
  public void followVideo(Instant at) {
    Instant cursor = vm.cursorProperty().get();
    if (at == null || lanes.draggingCursorProperty().get()
        || (cursor != null && Math.abs(at.toEpochMilli() - cursor.toEpochMilli()) < VIDEO_FOLLOW_MIN_MILLIS)) {
      return;
    }
    followingVideo = true;
    try {
      vm.seek(at);
    } finally {
      followingVideo = false;
    }
  }

  /** Puts the synchronised video (the playback group's node) in the video area, replacing the placeholder. */
  public void setVideoContent(Node content) {
    video.getChildren().setAll(content == null ? videoPlaceholder : content);
  }

  /** The area the video goes in. */
  public StackPane videoArea() {
    return video;
  }

  /** Loads an incident's timeline (its window and subjects) and shows the incident beside it. */
  public void showIncident(Incident incident) {
    if (incident == null) {
      return;
    }
    incidents.viewModel().selectedProperty().set(incident);
    vm.loadIncident(incident.getId(),
        incident.hasWindowFrom() ? TimelineClient.instant(incident.getWindowFrom()) : null,
        incident.hasWindowTo() ? TimelineClient.instant(incident.getWindowTo()) : null);
  }

  /** Shows the incidents tab with a new incident's form filled with these alarms. */
  public void newIncidentFrom(List<String> alarmIds) {
    incidents.viewModel().alarmIds().clear();
    incidents.viewModel().useAlarms(alarmIds);
    side.getSelectionModel().select(incidentsTab);
  }

  private void cursorMoved(Instant now) {
    if (now == null || followingVideo) {
      return;
    }
    long t = System.nanoTime();
    if (!lanes.draggingCursorProperty().get() || t - lastVideoSeekNanos >= VIDEO_SEEK_EVERY_NANOS) {
      lastVideoSeekNanos = t;
      videoSync.accept(now);
    }
  }

  // --- layout ----------------------------------------------------------------------------------

  private Region filterBar(ObservableValue<Park> park) {
    I18n i18n = texts.i18n();
    ComboBox<TimelinePreset> preset = new ComboBox<>();
    preset.setId(PRESET_ID);
    preset.getItems().setAll(TimelinePreset.values());
    preset.setButtonCell(presetCell());
    preset.setCellFactory(l -> presetCell());
    preset.setValue(vm.presetProperty().get());
    preset.setOnAction(e -> {
      if (preset.getValue() != null && preset.getValue() != vm.presetProperty().get()) {
        vm.applyPreset(preset.getValue());
      }
    });
    vm.presetProperty().addListener((o, was, now) -> preset.setValue(now));
    i18n.localeProperty().addListener(o -> {
      preset.setButtonCell(presetCell());
      preset.setCellFactory(l -> presetCell());
    });
    DateTimeField from = new DateTimeField(vm.fromProperty(), FROM_ID);
    DateTimeField to = new DateTimeField(vm.toProperty(), TO_ID);

    TextField plate = field(PLATE_ID, "timeline.filter.plate.prompt", 10);
    plate.textProperty().bindBidirectional(vm.platesProperty());
    TextField person = field(PERSON_ID, "timeline.filter.person.prompt", 12);
    person.textProperty().bindBidirectional(vm.personIdProperty());
    ComboBox<String> gate = idChoice(GATE_ID, "timeline.filter.gate.prompt", vm.gateIdsProperty());
    ComboBox<String> zone = idChoice(ZONE_ID, "timeline.filter.zone.prompt", vm.zoneIdsProperty());
    park.addListener((o, was, now) -> fillChoices(now, gate, zone));
    fillChoices(park.getValue(), gate, zone);

    Button load = new Button();
    load.setId(LOAD_ID);
    load.getStyleClass().add("primary");
    load.textProperty().bind(i18n.text("timeline.load"));
    load.disableProperty().bind(vm.loadCommand().executableProperty().not());
    load.setOnAction(e -> vm.loadCommand().execute());
    plate.setOnAction(e -> vm.loadCommand().execute());
    person.setOnAction(e -> vm.loadCommand().execute());

    HBox first = new HBox(8, label("timeline.filter.range"), preset, from.field(), new Label("–"), to.field(),
        label("timeline.filter.plate"), plate, label("timeline.filter.person"), person,
        label("timeline.filter.gate"), gate, label("timeline.filter.zone"), zone, load);
    first.setAlignment(Pos.CENTER_LEFT);

    FlowPane toggles = new FlowPane(6, 6);
    toggles.setPrefWrapLength(760); // all eight lanes on one row on a 1600 px window
    toggles.getChildren().add(label("timeline.filter.lanes"));
    for (TimelineLane lane : TimelineLanes.ALL) {
      ToggleButton toggle = new ToggleButton();
      toggle.setId(LANE_TOGGLE_PREFIX + TimelineLanes.key(lane));
      toggle.getStyleClass().addAll("timeline-lane-toggle", "timeline-lane-" + TimelineLanes.key(lane).toLowerCase());
      toggle.textProperty().bind(i18n.binding(() -> texts.lane(lane)));
      toggle.selectedProperty().bindBidirectional(vm.laneShownProperty(lane));
      toggles.getChildren().add(toggle);
    }
    CheckBox tracks = new CheckBox();
    tracks.setId(TRACKS_ID);
    tracks.textProperty().bind(i18n.text("timeline.filter.tracks"));
    tracks.selectedProperty().bindBidirectional(vm.includeTracksProperty());
    Button fit = new Button();
    fit.setId(FIT_ID);
    fit.textProperty().bind(i18n.text("timeline.fit"));
    fit.disableProperty().bind(vm.axisProperty().isNull());
    fit.setOnAction(e -> vm.fitAxis());
    Label message = new Label();
    message.setId(MESSAGE_ID);
    message.getStyleClass().add("timeline-message");
    message.textProperty().bind(i18n.binding(this::messageText, vm.loadingProperty(), vm.errorKeyProperty(),
        vm.validationProperty(), vm.truncatedProperty(), vm.timelineProperty(), vm.incidentIdProperty()));
    Label hint = new Label();
    hint.getStyleClass().add("dialog-note");
    hint.textProperty().bind(i18n.text("timeline.hint"));
    HBox second = new HBox(12, toggles, tracks, fit, message, spacer(), hint);
    HBox.setHgrow(toggles, Priority.SOMETIMES);
    second.setAlignment(Pos.CENTER_LEFT);

    VBox bar = new VBox(8, first, second);
    bar.setPadding(new Insets(10, 12, 10, 12));
    bar.getStyleClass().add("timeline-filter-bar");
    return bar;
  }

  private String messageText() {
    if (vm.loadingProperty().get()) {
      return texts.get("timeline.loading");
    }
    String error = vm.errorKeyProperty().get();
    if (!error.isEmpty()) {
      return texts.error(error);
    }
    String invalid = vm.validationProperty().get();
    if (!invalid.isEmpty()) {
      return texts.error(invalid);
    }
    if (vm.timelineProperty().get() == null) {
      return "";
    }
    int count = vm.timelineProperty().get().getEntriesCount();
    String shown = texts.format("timeline.summary", Integer.toString(count),
        Integer.toString(vm.timelineProperty().get().getTracksCount()));
    if (!vm.incidentIdProperty().get().isBlank()) {
      shown = texts.format("timeline.summary.incident", vm.incidentIdProperty().get()) + " · " + shown;
    }
    return vm.truncatedProperty().get() ? shown + " · " + texts.get("timeline.truncated") : shown;
  }

  private ListCell<TimelinePreset> presetCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(TimelinePreset item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : texts.get("timeline.preset." + item.name()));
      }
    };
  }

  private static void fillChoices(Park park, ComboBox<String> gate, ComboBox<String> zone) {
    if (park == null) {
      return;
    }
    gate.getItems().setAll(park.gates().stream().map(g -> g.id().value()).sorted().toList());
    zone.getItems().setAll(park.zones().stream().map(z -> z.id().value()).sorted().toList());
  }

  private ComboBox<String> idChoice(String id, String promptKey, javafx.beans.property.StringProperty value) {
    ComboBox<String> box = new ComboBox<>();
    box.setId(id);
    box.setEditable(true);
    box.setPrefWidth(130);
    box.promptTextProperty().bind(texts.i18n().text(promptKey));
    box.getEditor().textProperty().bindBidirectional(value);
    box.valueProperty().addListener((o, was, now) -> {
      if (now != null && !now.equals(value.get())) {
        value.set(now);
      }
    });
    return box;
  }

  private Node centre() {
    lanes.setMinHeight(TimelineLanesView.AXIS_H + 2 * TimelineLanesView.LANE_H);
    ScrollPane laneScroll = new ScrollPane(lanes);
    laneScroll.setFitToWidth(true);
    laneScroll.setFitToHeight(true);
    laneScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    laneScroll.getStyleClass().add("timeline-lane-scroll");
    laneScroll.setMinHeight(120);

    video.setId(VIDEO_ID);
    video.getStyleClass().add("timeline-video");
    videoPlaceholder.getStyleClass().add("timeline-video-placeholder");
    videoPlaceholder.setWrapText(true);
    videoPlaceholder.textProperty().bind(texts.i18n().binding(() -> {
      String cameras = vm.cameraIds().isEmpty() ? "—" : String.join(", ", vm.cameraIds());
      return texts.format("timeline.video.placeholder", TimelineTexts.dayTime(vm.cursorProperty().get()), cameras);
    }, vm.cursorProperty(), vm.cameraIds()));
    video.getChildren().add(videoPlaceholder);
    video.setMinSize(200, 150);
    // the video may be wider than its slot while the divider moves: never over the map or the side pane
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(video.widthProperty());
    clip.heightProperty().bind(video.heightProperty());
    video.setClip(clip);

    SplitPane bottom = new SplitPane(map, video);
    bottom.setDividerPositions(0.6);
    SplitPane centre = new SplitPane(laneScroll, bottom);
    centre.setOrientation(Orientation.VERTICAL);
    centre.setDividerPositions(0.4);
    return centre;
  }

  private Node side() {
    Tab detailTab = new Tab();
    detailTab.textProperty().bind(texts.i18n().text("timeline.tab.details"));
    detailTab.setContent(details.root());
    detailTab.setClosable(false);
    incidentsTab.textProperty().bind(texts.i18n().text("incident.tab"));
    ScrollPane incidentScroll = new ScrollPane(incidents.root());
    incidentScroll.setFitToWidth(true);
    incidentScroll.setFitToHeight(true);
    incidentsTab.setContent(incidentScroll);
    incidentsTab.setClosable(false);
    side.getTabs().setAll(detailTab, incidentsTab);
    side.setPrefWidth(400);
    side.setMinWidth(320);
    side.getStyleClass().add("timeline-side");
    return side;
  }

  private TextField field(String id, String promptKey, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.promptTextProperty().bind(texts.i18n().text(promptKey));
    return f;
  }

  private Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(texts.i18n().text(key));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }

  /** Tests select the incidents tab. */
  TabPane sideTabs() {
    return side;
  }

  /** Stops late answers from reaching the view. */
  public void close() {
    vm.close();
  }
}
