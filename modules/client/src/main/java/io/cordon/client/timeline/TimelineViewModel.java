package io.cordon.client.timeline;

import io.cordon.api.v1.PositionAt;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's timeline (事件时间轴, issue 9): a window (the last hour, today, or any range of at
 * most 24 h), subject filters — plates, a person, gates, zones, ORed as the server does — and lane
 * switches make a {@code TimelineRequest}; the answer is laid out in lanes on a time axis that zooms
 * and pans; a cursor runs through it and gives the entries at that moment and where every vehicle
 * was (interpolated from the timeline's tracks, or asked with {@code GetPositionsAt} when the tracks
 * were not requested). Observable state changes on the UI executor only; every method is called there.
 */
public final class TimelineViewModel {
  public static final Duration MAX_RANGE = Duration.ofHours(24);
  public static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");
  public static final int MAX_ENTRIES = 5000;
  public static final int MAX_TRACK_POINTS = 2000;
  /** A mark this many pixels from the cursor counts as "at the cursor". */
  public static final double NEAR_CURSOR_PX = 6;
  public static final String ERROR_ORDER = "timeline.error.order";
  public static final String ERROR_TOO_LONG = "timeline.error.tooLong";
  public static final String ERROR_NO_LANE = "timeline.error.noLane";
  public static final String ERROR_EMPTY = "timeline.error.empty";

  private final TimelineClient client;
  private final Executor ui;
  private final Clock clock;

  private final ObjectProperty<Instant> from = new SimpleObjectProperty<>(this, "from");
  private final ObjectProperty<Instant> to = new SimpleObjectProperty<>(this, "to");
  private final ReadOnlyObjectWrapper<TimelinePreset> preset =
      new ReadOnlyObjectWrapper<>(this, "preset", TimelinePreset.LAST_HOUR);
  private final StringProperty plates = new SimpleStringProperty(this, "plates", "");
  private final StringProperty personId = new SimpleStringProperty(this, "personId", "");
  private final StringProperty gateIds = new SimpleStringProperty(this, "gateIds", "");
  private final StringProperty zoneIds = new SimpleStringProperty(this, "zoneIds", "");
  private final StringProperty incidentId = new SimpleStringProperty(this, "incidentId", "");
  private final BooleanProperty includeTracks = new SimpleBooleanProperty(this, "includeTracks", true);
  private final Map<TimelineLane, BooleanProperty> laneShown = new EnumMap<>(TimelineLane.class);
  private final StringBinding validation;
  private final Command loadCommand;

  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper(this, "truncated");
  private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
  private final ObservableList<TimelineLaneRow> lanes = FXCollections.observableArrayList();
  private final ObservableList<TimelineTrack> tracks = FXCollections.observableArrayList();
  private final ObservableList<String> cameraIds = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<TimeAxis> axis = new ReadOnlyObjectWrapper<>(this, "axis");
  private final ReadOnlyObjectWrapper<Instant> cursor = new ReadOnlyObjectWrapper<>(this, "cursor");
  private final ObservableList<TimelineMark> atCursor = FXCollections.observableArrayList();
  private final ObservableList<VehicleAtCursor> vehiclesAtCursor = FXCollections.observableArrayList();
  private final ObjectProperty<TimelineMark> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObservableList<TimelineLaneRow> lanesReadOnly = FXCollections.unmodifiableObservableList(lanes);
  private final ObservableList<TimelineTrack> tracksReadOnly = FXCollections.unmodifiableObservableList(tracks);
  private final ObservableList<String> cameraIdsReadOnly = FXCollections.unmodifiableObservableList(cameraIds);
  private final ObservableList<TimelineMark> atCursorReadOnly = FXCollections.unmodifiableObservableList(atCursor);
  private final ObservableList<VehicleAtCursor> vehiclesAtCursorReadOnly = FXCollections.unmodifiableObservableList(vehiclesAtCursor);

  // UI thread only
  private long generation;
  private double axisWidth = 1000;
  private boolean tracksRequested = true;
  private List<String> requestedPlates = List.of();
  private boolean positionsInFlight;
  private Instant positionsWanted;
  private boolean applyingPreset;

  /** @param clock real time: the presets end now */
  public TimelineViewModel(TimelineClient client, Executor ui, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<Observable> inputs = new ArrayList<>(List.of(from, to));
    for (TimelineLane lane : TimelineLanes.ALL) {
      BooleanProperty shown = new SimpleBooleanProperty(this, "lane" + lane, true);
      laneShown.put(lane, shown);
      inputs.add(shown);
    }
    applyPreset(TimelinePreset.LAST_HOUR);
    from.addListener(o -> customUnlessPreset());
    to.addListener(o -> customUnlessPreset());
    validation = Bindings.createStringBinding(this::validate, inputs.toArray(Observable[]::new));
    loadCommand = SimpleCommand.of(this::load,
        Bindings.createBooleanBinding(() -> validation.get().isEmpty() && !loading.get(), validation, loading));
  }

  // --- the query -------------------------------------------------------------------------------

  /** Sets the window from a preset, ending now; CUSTOM keeps it as it is (the user edits it). */
  public void applyPreset(TimelinePreset value) {
    applyingPreset = true;
    Instant now = clock.instant();
    if (value == TimelinePreset.LAST_HOUR) {
      from.set(now.minus(Duration.ofHours(1)));
      to.set(now);
    } else if (value == TimelinePreset.TODAY) {
      from.set(now.atZone(PARK_ZONE).toLocalDate().atStartOfDay(PARK_ZONE).toInstant());
      to.set(now);
    }
    preset.set(value);
    applyingPreset = false;
  }

  private void customUnlessPreset() {
    if (!applyingPreset) {
      preset.set(TimelinePreset.CUSTOM);
    }
  }

  private String validate() {
    Instant a = from.get();
    Instant b = to.get();
    if (a == null || b == null || !b.isAfter(a)) {
      return ERROR_ORDER;
    }
    if (Duration.between(a, b).compareTo(MAX_RANGE) > 0) {
      return ERROR_TOO_LONG;
    }
    return laneShown.values().stream().anyMatch(BooleanProperty::get) ? "" : ERROR_NO_LANE;
  }

  /** "苏A12345, 苏E1234挂 G3" → the ids; commas (also Chinese), semicolons and spaces separate. */
  static List<String> ids(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("[,，;；、\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** The request the current inputs make (the server ORs the filters; none at all is the whole park). */
  public TimelineRequest request() {
    TimelineRequest.Builder b = TimelineRequest.newBuilder()
        .setFrom(TimelineClient.timestamp(from.get()))
        .setTo(TimelineClient.timestamp(to.get()))
        .setIncludeTracks(includeTracks.get())
        .setMaxEntries(MAX_ENTRIES)
        .setMaxTrackPoints(MAX_TRACK_POINTS);
    for (String plate : ids(plates.get())) {
      b.addSubjects(SubjectRef.newBuilder().setKind("vehicle").setId(plate));
    }
    for (String person : ids(personId.get())) {
      b.addSubjects(SubjectRef.newBuilder().setKind("person").setId(person));
    }
    b.addAllGateIds(ids(gateIds.get()));
    b.addAllZoneIds(ids(zoneIds.get()));
    List<TimelineLane> shown = TimelineLanes.ALL.stream().filter(l -> laneShown.get(l).get()).toList();
    if (shown.size() < TimelineLanes.ALL.size()) {
      b.addAllLanes(shown); // all lanes: leave it to the server's default
    }
    if (!incidentId.get().isBlank()) {
      b.setIncidentId(incidentId.get().strip());
    }
    return b.build();
  }

  /**
   * Loads the timeline of the current inputs; does nothing while they are invalid. A preset window
   * (最近1小时, 今天) is relative to now, so each load first moves it to the clock; a window the user
   * set stays where it is.
   */
  public void load() {
    if (preset.get() != TimelinePreset.CUSTOM) {
      applyPreset(preset.get());
    }
    if (!validation.get().isEmpty()) {
      return;
    }
    TimelineRequest request = request();
    long gen = ++generation;
    loading.set(true);
    errorKey.set("");
    client.getTimeline(request).whenComplete((answer, error) -> ui.execute(() -> {
      if (gen != generation) {
        return; // a newer load was asked for
      }
      loading.set(false);
      if (error != null) {
        errorKey.set(TimelineErrors.keyOf(error));
        return;
      }
      show(request, answer);
    }));
  }

  /** Opens an incident's timeline: its window and subjects come from the server. */
  public void loadIncident(String id, Instant windowFrom, Instant windowTo) {
    incidentId.set(id == null ? "" : id);
    if (windowFrom != null && windowTo != null && windowTo.isAfter(windowFrom)) {
      Instant end = windowTo;
      if (Duration.between(windowFrom, end).compareTo(MAX_RANGE) > 0) {
        end = windowFrom.plus(MAX_RANGE);
      }
      from.set(windowFrom);
      to.set(end);
      preset.set(TimelinePreset.CUSTOM); // the incident's window is fixed, even if it equals the preset's
    }
    load();
  }

  /**
   * Shows a timeline the server answered to {@code request} (the request says whether tracks were
   * asked for, and which plates GetPositionsAt should follow without them).
   */
  public void show(TimelineRequest request, Timeline answer) {
    tracksRequested = request.getIncludeTracks();
    requestedPlates = request.getSubjectsList().stream().filter(s -> s.getKind().equals("vehicle"))
        .map(SubjectRef::getId).toList();
    Instant windowFrom = answer.hasFrom() ? TimelineClient.instant(answer.getFrom()) : TimelineClient.instant(request.getFrom());
    Instant windowTo = answer.hasTo() ? TimelineClient.instant(answer.getTo()) : TimelineClient.instant(request.getTo());
    if (!windowTo.isAfter(windowFrom)) {
      windowTo = windowFrom.plusSeconds(1);
    }
    List<TimelineLaneRow> rows = TimelineLanes.group(answer.getEntriesList());
    selected.set(null);
    truncated.set(answer.getTruncated());
    tracks.setAll(answer.getTracksList().stream().map(TimelineTrack::of).toList());
    cameraIds.setAll(answer.getCameraIdsList());
    lanes.setAll(rows);
    axis.set(TimeAxis.whole(windowFrom, windowTo, axisWidth));
    timeline.set(answer);
    errorKey.set(rows.isEmpty() && tracks.isEmpty() ? ERROR_EMPTY : "");
    seek(firstAlarm(rows).orElse(windowFrom));
  }

  private static java.util.Optional<Instant> firstAlarm(List<TimelineLaneRow> rows) {
    return rows.stream().filter(r -> r.lane() == TimelineLane.TIMELINE_LANE_ALARM).findFirst()
        .flatMap(r -> r.marks().stream().findFirst()).map(TimelineMark::time);
  }

  // --- the axis --------------------------------------------------------------------------------

  /** The lanes' drawing width in pixels (the view calls it when resized). */
  public void setAxisWidth(double px) {
    axisWidth = Math.max(1, px);
    if (axis.get() != null) {
      axis.set(axis.get().withWidth(axisWidth));
      refreshAtCursor();
    }
  }

  /** Mouse wheel: {@code factor} > 1 zooms in around the pixel. */
  public void zoomAt(double factor, double xPx) {
    if (axis.get() != null) {
      axis.set(axis.get().zoomAt(factor, xPx));
      refreshAtCursor();
    }
  }

  /** A drag on the lanes by {@code dxPx}. */
  public void panBy(double dxPx) {
    if (axis.get() != null) {
      axis.set(axis.get().panBy(dxPx));
    }
  }

  /** The whole window in view. */
  public void fitAxis() {
    if (axis.get() != null) {
      axis.set(axis.get().fit());
      refreshAtCursor();
    }
  }

  // --- the cursor ------------------------------------------------------------------------------

  /** Puts the cursor at a time, clamped to the loaded window; the map and the video follow it. */
  public void seek(Instant time) {
    TimeAxis a = axis.get();
    if (a == null || time == null) {
      return;
    }
    long millis = Math.max(a.minMillis(), Math.min(a.maxMillis(), time.toEpochMilli()));
    Instant at = Instant.ofEpochMilli(millis);
    cursor.set(at);
    axis.set(a.reveal(millis));
    refreshAtCursor();
    if (tracksRequested) {
      vehiclesAtCursor.setAll(positionsFromTracks(tracks, millis));
    } else {
      askPositions(at);
    }
  }

  /** Puts the cursor at the pixel of the axis (a click or a drag of the cursor line). */
  public void seekToPixel(double xPx) {
    if (axis.get() != null) {
      seek(axis.get().at(xPx));
    }
  }

  /** Selects a mark (a click on it) and puts the cursor at its time; null clears the selection. */
  public void select(TimelineMark mark) {
    selected.set(mark);
    if (mark != null) {
      seek(mark.time());
    }
  }

  /** Where each vehicle with a track was at {@code millis}, by plate; vehicles the tracks say nothing about are left out. */
  public static List<VehicleAtCursor> positionsFromTracks(List<TimelineTrack> tracks, long millis) {
    List<VehicleAtCursor> at = new ArrayList<>();
    for (TimelineTrack track : tracks) {
      VehicleAtCursor v = track.at(millis);
      if (v != null) {
        at.add(v);
      }
    }
    return at;
  }

  /** The marks within {@code toleranceMillis} of {@code t} (or whose span covers it), lane by lane. */
  public static List<TimelineMark> marksNear(List<TimelineLaneRow> rows, Instant t, long toleranceMillis) {
    List<TimelineMark> near = new ArrayList<>();
    for (TimelineLaneRow row : rows) {
      for (TimelineMark mark : row.marks()) {
        if (mark.isNear(t, toleranceMillis)) {
          near.add(mark);
        }
      }
    }
    return near;
  }

  private void refreshAtCursor() {
    Instant at = cursor.get();
    TimeAxis a = axis.get();
    if (at == null || a == null) {
      atCursor.clear();
      return;
    }
    long tolerance = Math.max(1000, Math.round(NEAR_CURSOR_PX * a.millisPerPixel()));
    atCursor.setAll(marksNear(lanes, at, tolerance));
  }

  /** GetPositionsAt for the cursor, one call at a time: a cursor dragged meanwhile is asked for next. */
  private void askPositions(Instant at) {
    positionsWanted = at;
    if (positionsInFlight) {
      return;
    }
    positionsInFlight = true;
    positionsWanted = null;
    long gen = generation;
    PositionsAtRequest request = PositionsAtRequest.newBuilder().setAt(TimelineClient.timestamp(at))
        .addAllPlates(requestedPlates).build();
    client.getPositionsAt(request).whenComplete((answer, error) -> ui.execute(() -> {
      positionsInFlight = false;
      if (gen == generation && error == null && positionsWanted == null) {
        vehiclesAtCursor.setAll(positionsOf(answer));
      } else if (gen == generation && error != null) {
        errorKey.set(TimelineErrors.keyOf(error));
      }
      if (positionsWanted != null && gen == generation) {
        askPositions(positionsWanted);
      }
    }));
  }

  static List<VehicleAtCursor> positionsOf(PositionsAt answer) {
    List<VehicleAtCursor> at = new ArrayList<>(answer.getVehiclesCount());
    for (PositionAt p : answer.getVehiclesList()) {
      at.add(new VehicleAtCursor(p.getPlate(), p.getVehicleClass(), p.getPoint().getPosition().getLon(),
          p.getPoint().getPosition().getLat(), p.getPoint().getHeadingDeg(), p.getPoint().getSpeedKmh(),
          TimelineClient.instant(p.getPoint().getTime()).toEpochMilli(), false));
    }
    return at;
  }

  // --- properties ------------------------------------------------------------------------------

  /** Start of the window, inclusive. */
  public ObjectProperty<Instant> fromProperty() {
    return from;
  }

  /** End of the window, exclusive. */
  public ObjectProperty<Instant> toProperty() {
    return to;
  }

  /** The preset the window came from; CUSTOM once edited. */
  public ReadOnlyObjectProperty<TimelinePreset> presetProperty() {
    return preset.getReadOnlyProperty();
  }

  /** Plates, separated by commas or spaces. */
  public StringProperty platesProperty() {
    return plates;
  }

  /** Resident ids (or registry person ids), separated by commas or spaces. */
  public StringProperty personIdProperty() {
    return personId;
  }

  /** Gate ids, e.g. "G3". */
  public StringProperty gateIdsProperty() {
    return gateIds;
  }

  /** Zone ids. */
  public StringProperty zoneIdsProperty() {
    return zoneIds;
  }

  /** The incident whose window and subjects the server adds; empty for none. */
  public StringProperty incidentIdProperty() {
    return incidentId;
  }

  /** Ask for the vehicles' tracks (on by default); off, the map asks GetPositionsAt at the cursor. */
  public BooleanProperty includeTracksProperty() {
    return includeTracks;
  }

  /** Whether a lane is asked for and drawn. */
  public BooleanProperty laneShownProperty(TimelineLane lane) {
    return laneShown.get(TimelineLanes.laneOf(lane));
  }

  /** Why the inputs cannot be loaded ({@link #ERROR_ORDER}, {@link #ERROR_TOO_LONG}, {@link #ERROR_NO_LANE}); empty when they can. */
  public StringBinding validationProperty() {
    return validation;
  }

  public Command loadCommand() {
    return loadCommand;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the last load failed ({@link TimelineErrors}, or {@link #ERROR_EMPTY}); empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** The server left entries out (more than {@link #MAX_ENTRIES}). */
  public ReadOnlyBooleanProperty truncatedProperty() {
    return truncated.getReadOnlyProperty();
  }

  /** The last timeline shown; null before the first. */
  public ReadOnlyObjectProperty<Timeline> timelineProperty() {
    return timeline.getReadOnlyProperty();
  }

  /** The rows drawn, one per lane with entries, alarms first. */
  public ObservableList<TimelineLaneRow> lanes() {
    return lanesReadOnly;
  }

  public ObservableList<TimelineTrack> tracks() {
    return tracksReadOnly;
  }

  /** Cameras linked to the entries, for the synchronised video. */
  public ObservableList<String> cameraIds() {
    return cameraIdsReadOnly;
  }

  /** The visible stretch of the axis; null before a timeline is shown. */
  public ReadOnlyObjectProperty<TimeAxis> axisProperty() {
    return axis.getReadOnlyProperty();
  }

  /** The moment under review; null before a timeline is shown. Move it with {@link #seek}. */
  public ReadOnlyObjectProperty<Instant> cursorProperty() {
    return cursor.getReadOnlyProperty();
  }

  /** The marks at (within {@link #NEAR_CURSOR_PX} of) the cursor, or whose span covers it. */
  public ObservableList<TimelineMark> marksAtCursor() {
    return atCursorReadOnly;
  }

  /** The vehicles at the cursor. */
  public ObservableList<VehicleAtCursor> vehiclesAtCursor() {
    return vehiclesAtCursorReadOnly;
  }

  /** The mark clicked; its details are shown. */
  public ObjectProperty<TimelineMark> selectedProperty() {
    return selected;
  }

  /** Drops late answers; call when the view closes. */
  public void close() {
    generation++;
  }
}
