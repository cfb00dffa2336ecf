package io.cordon.app.track;

import io.cordon.client.track.ReplayEvent;
import io.cordon.client.track.ReplayPoint;
import io.cordon.client.track.ReplayTrack;
import io.cordon.client.track.TrajectoryReplayViewModel;
import io.cordon.domain.park.Park;
import io.cordon.map.ParkMapView;
import io.cordon.map.replay.ReplayCursor;
import io.cordon.map.replay.ReplayMarker;
import io.cordon.map.replay.ReplayPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * 轨迹回放: a plate, a range (the last hour by default, at most 24 h) and a load button above; the
 * park map with the speed-coloured track, the events and the vehicle at the cursor in the middle;
 * the events along the track on the right (a click jumps there); play/pause, the speed (×1…×16),
 * steps and a time slider below, with the time, speed and limit at the cursor.
 */
public final class ReplayView {
  public static final String PLATE_ID = "replay-plate";
  public static final String LOAD_ID = "replay-load";
  public static final String PLAY_ID = "replay-play";
  public static final String SPEED_ID = "replay-speed";
  public static final String SLIDER_ID = "replay-slider";
  public static final String EVENTS_ID = "replay-events";
  public static final String CURSOR_ID = "replay-cursor";
  public static final String MESSAGE_ID = "replay-message";
  public static final String MAP_ID = "replay-map";

  private final TrajectoryReplayViewModel vm;
  private final TrackTexts texts;
  private final ParkMapView map = new ParkMapView();
  private final Slider slider = new Slider(0, 1, 0);
  private final ListView<ReplayEvent> events = new ListView<>();
  private final BorderPane root = new BorderPane();
  /** For each event with a position, its index among the map's markers; -1 without one. */
  private int[] markerOfEvent = new int[0];
  private boolean movingSlider;
  private boolean selectingEvent;

  public ReplayView(TrajectoryReplayViewModel vm, ObservableValue<Park> park, TrackTexts texts) {
    this.vm = vm;
    this.texts = texts;
    map.setId(MAP_ID);
    map.parkProperty().bind(park);
    map.state().localeProperty().bind(texts.i18n().localeProperty());

    root.setTop(inputs());
    root.setCenter(map);
    root.setRight(eventList());
    root.setBottom(controls());
    root.getStyleClass().add("track-replay");
    root.setPrefSize(1280, 800);

    vm.trackProperty().addListener((o, was, now) -> showTrack(now));
    vm.events().addListener((ListChangeListener<ReplayEvent>) c -> showEvents());
    vm.atCursorProperty().addListener((o, was, now) -> showCursor(now));
    vm.cursorProperty().addListener((o, was, now) -> moveSlider(now));
    vm.eventAtCursorProperty().addListener((o, was, now) -> showCurrentEvent(now.intValue()));
  }

  public Region root() {
    return root;
  }

  public ParkMapView map() {
    return map;
  }

  public TrajectoryReplayViewModel viewModel() {
    return vm;
  }

  private Region inputs() {
    TextField plate = new TextField();
    plate.setId(PLATE_ID);
    plate.setPrefColumnCount(12);
    plate.textProperty().bindBidirectional(vm.plateProperty());
    plate.promptTextProperty().bind(texts.i18n().text("track.replay.plate.prompt"));
    plate.setOnAction(e -> vm.loadCommand().execute());
    InstantPicker from = new InstantPicker(vm.fromProperty(), "replay-from");
    InstantPicker to = new InstantPicker(vm.toProperty(), "replay-to");
    Button lastHour = new Button();
    lastHour.textProperty().bind(texts.i18n().text("track.replay.lastHour"));
    lastHour.setOnAction(e -> vm.lastHour());
    Button load = new Button();
    load.setId(LOAD_ID);
    load.getStyleClass().add("primary");
    load.textProperty().bind(texts.i18n().text("track.replay.load"));
    load.disableProperty().bind(vm.loadCommand().executableProperty().not());
    load.setOnAction(e -> vm.loadCommand().execute());
    Label message = new Label();
    message.setId(MESSAGE_ID);
    message.getStyleClass().add("dialog-error");
    message.textProperty().bind(Bindings.createStringBinding(() -> {
      if (vm.loadingProperty().get()) {
        return texts.get("track.replay.loading");
      }
      String error = vm.errorKeyProperty().get();
      return error.isEmpty() ? texts.error(vm.validationProperty().get()) : texts.error(error);
    }, vm.loadingProperty(), vm.errorKeyProperty(), vm.validationProperty(), texts.i18n().localeProperty()));
    HBox row = new HBox(8, label("track.replay.plate"), plate, label("track.replay.from"), from.root(),
        label("track.replay.to"), to.root(), lastHour, load, message);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(8));
    row.getStyleClass().add("track-replay-inputs");
    return row;
  }

  private Region eventList() {
    events.setId(EVENTS_ID);
    events.setPrefWidth(320);
    events.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(ReplayEvent event, boolean empty) {
        super.updateItem(event, empty);
        getStyleClass().remove("track-event-violation");
        if (empty || event == null) {
          setText(null);
          return;
        }
        setText(TrackTexts.time(event.time()) + "  " + eventText(event));
        if (event.kind().equals("violation.started")) {
          getStyleClass().add("track-event-violation");
        }
      }
    });
    events.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null && !selectingEvent) {
        vm.jumpTo(now);
      }
    });
    Label title = label("track.replay.events");
    title.getStyleClass().add("track-section");
    Label summary = new Label();
    summary.getStyleClass().add("dialog-note");
    summary.setWrapText(true);
    summary.textProperty().bind(Bindings.createStringBinding(() -> vm.trackProperty().get().isEmpty() ? ""
        : texts.format(vm.thinnedProperty().get() ? "track.replay.summaryThinned" : "track.replay.summary",
            vm.trackProperty().get().size(), vm.storedPointsProperty().get(),
            String.format(Locale.ROOT, "%.1f", vm.distanceKmProperty().get()),
            String.format(Locale.ROOT, "%.0f", vm.maxSpeedKmhProperty().get())),
        vm.trackProperty(), vm.thinnedProperty(), texts.i18n().localeProperty()));
    VBox box = new VBox(6, title, summary, events);
    VBox.setVgrow(events, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private String eventText(ReplayEvent event) {
    if (!event.text().isEmpty()) {
      return event.text();
    }
    String kind = texts.i18n().getOrDefault("track.event." + event.kind(), event.kind());
    return event.rule().isEmpty() ? kind : kind + " " + texts.rule(event.rule());
  }

  private Region controls() {
    Button play = new Button();
    play.setId(PLAY_ID);
    play.getStyleClass().add("primary");
    play.textProperty().bind(Bindings.createStringBinding(
        () -> texts.get(vm.playingProperty().get() ? "track.replay.pause" : "track.replay.play"),
        vm.playingProperty(), texts.i18n().localeProperty()));
    play.disableProperty().bind(vm.playCommand().executableProperty().not());
    play.setOnAction(e -> vm.playCommand().execute());
    Button back = new Button();
    back.textProperty().bind(texts.i18n().text("track.replay.stepBack"));
    back.setOnAction(e -> vm.stepBack());
    back.disableProperty().bind(play.disableProperty());
    Button forward = new Button();
    forward.textProperty().bind(texts.i18n().text("track.replay.stepForward"));
    forward.setOnAction(e -> vm.stepForward());
    forward.disableProperty().bind(play.disableProperty());
    ComboBox<Integer> speed = new ComboBox<>();
    speed.setId(SPEED_ID);
    speed.getItems().setAll(TrajectoryReplayViewModel.SPEEDS);
    speed.setValue(vm.speedProperty().get());
    speed.setButtonCell(speedCell());
    speed.setCellFactory(list -> speedCell());
    speed.valueProperty().addListener((o, was, now) -> {
      if (now != null) {
        vm.speedProperty().set(now);
      }
    });
    vm.speedProperty().addListener((o, was, now) -> speed.setValue(now.intValue()));
    slider.setId(SLIDER_ID);
    slider.disableProperty().bind(play.disableProperty());
    slider.valueProperty().addListener((o, was, now) -> {
      if (!movingSlider) {
        vm.seek(Instant.ofEpochMilli(vm.trackProperty().get().startMillis() + Math.round(now.doubleValue())));
      }
    });
    HBox.setHgrow(slider, Priority.ALWAYS);
    Label cursor = new Label();
    cursor.setId(CURSOR_ID);
    cursor.getStyleClass().add("track-cursor");
    cursor.setMinWidth(Region.USE_PREF_SIZE);
    cursor.textProperty().bind(Bindings.createStringBinding(this::cursorText, vm.atCursorProperty(),
        vm.cursorProperty(), texts.i18n().localeProperty()));
    HBox row = new HBox(8, back, play, forward, label("track.replay.speed"), speed, slider, cursor);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(8));
    row.getStyleClass().add("track-replay-controls");
    return row;
  }

  private static ListCell<Integer> speedCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Integer item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : "×" + item);
      }
    };
  }

  private String cursorText() {
    ReplayPoint at = vm.atCursorProperty().get();
    if (at == null) {
      return "—";
    }
    String time = TrackTexts.dayTime(vm.cursorProperty().get());
    String speed = String.format(Locale.ROOT, "%.0f", at.speedKmh());
    if (at.gap()) {
      return texts.format("track.replay.cursorGap", time);
    }
    return at.speedLimitKmh() > 0
        ? texts.format("track.replay.cursorWithLimit", time, speed, String.format(Locale.ROOT, "%.0f", at.speedLimitKmh()))
        : texts.format("track.replay.cursor", time, speed);
  }

  private Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(texts.i18n().text(key));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private void showTrack(ReplayTrack track) {
    List<ReplayPath.Fix> fixes = new ArrayList<>(track.size());
    for (ReplayPoint p : track.points()) {
      fixes.add(new ReplayPath.Fix(p.lon(), p.lat(), p.speedKmh(), p.speedLimitKmh(), p.epochMillis()));
    }
    map.state().replay().pathProperty().set(new ReplayPath(fixes));
    movingSlider = true;
    slider.setMax(Math.max(1, track.endMillis() - track.startMillis()));
    slider.setValue(0);
    movingSlider = false;
  }

  private void showEvents() {
    List<ReplayMarker> markers = new ArrayList<>();
    markerOfEvent = new int[vm.events().size()];
    for (int i = 0; i < vm.events().size(); i++) {
      ReplayEvent e = vm.events().get(i);
      if (!e.hasPosition()) {
        markerOfEvent[i] = -1;
        continue;
      }
      markerOfEvent[i] = markers.size();
      ReplayMarker.Kind kind = e.kind().equals("violation.started") ? ReplayMarker.Kind.VIOLATION_STARTED
          : e.kind().equals("violation.ended") ? ReplayMarker.Kind.VIOLATION_ENDED : ReplayMarker.Kind.OTHER;
      markers.add(new ReplayMarker(kind, e.lon(), e.lat(), eventText(e)));
    }
    map.state().replay().markers().setAll(markers);
    events.getItems().setAll(vm.events());
    showCurrentEvent(vm.eventAtCursorProperty().get());
  }

  private void showCursor(ReplayPoint at) {
    map.state().replay().cursorProperty().set(at == null ? null
        : new ReplayCursor(at.lon(), at.lat(), at.headingDeg(), at.speedKmh(), at.speedLimitKmh()));
  }

  private void moveSlider(Instant cursor) {
    if (cursor == null || slider.isValueChanging()) {
      return;
    }
    movingSlider = true;
    slider.setValue(cursor.toEpochMilli() - vm.trackProperty().get().startMillis());
    movingSlider = false;
  }

  private void showCurrentEvent(int index) {
    boolean valid = index >= 0 && index < markerOfEvent.length;
    map.state().replay().currentMarkerProperty().set(valid ? markerOfEvent[index] : -1);
    selectingEvent = true;
    if (valid && index < events.getItems().size()) {
      events.getSelectionModel().select(index);
      events.scrollTo(Math.max(0, index - 3));
    } else {
      events.getSelectionModel().clearSelection();
    }
    selectingEvent = false;
  }
}
