package io.cordon.client.track;

import io.cordon.api.v1.TrackEvent;
import io.cordon.api.v1.Trajectory;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Trajectory replay (轨迹回放): a plate and a time range (to after from, at most 24 h; the last
 * hour by default) load the stored fixes and the events along them ({@code TripService
 * .GetTrajectory}); then a cursor runs through the track — played at ×1…×16 of real time, paused,
 * dragged, stepped fix by fix or jumped to an event — and gives the interpolated position and
 * speed under it. Playing advances the cursor by the {@link Clock}'s elapsed time times the speed
 * on every {@link #TICK} of the timer, so tests drive both by hand. Observable state changes on the
 * UI executor only; every method is called there.
 */
public final class TrajectoryReplayViewModel {
  public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8, 16);
  public static final Duration MAX_RANGE = Duration.ofHours(24);
  public static final Duration DEFAULT_RANGE = Duration.ofHours(1);
  /** How often a playing replay moves its cursor. */
  public static final Duration TICK = Duration.ofMillis(100);
  public static final String ERROR_PLATE = "track.replay.error.plate";
  public static final String ERROR_ORDER = "track.replay.error.order";
  public static final String ERROR_TOO_LONG = "track.replay.error.tooLong";
  public static final String ERROR_EMPTY = "track.replay.error.empty";

  private final TripClient client;
  private final Executor ui;
  private final ScheduledExecutorService timer;
  private final Clock clock;

  private final StringProperty plate = new SimpleStringProperty(this, "plate", "");
  private final ObjectProperty<Instant> from = new SimpleObjectProperty<>(this, "from");
  private final ObjectProperty<Instant> to = new SimpleObjectProperty<>(this, "to");
  private final StringBinding validation;
  private final ReadOnlyObjectWrapper<ReplayTrack> track = new ReadOnlyObjectWrapper<>(this, "track", ReplayTrack.EMPTY);
  private final ReadOnlyStringWrapper loadedPlate = new ReadOnlyStringWrapper(this, "loadedPlate", "");
  private final ObservableList<ReplayEvent> events = FXCollections.observableArrayList();
  private final ObservableList<ReplayEvent> eventsReadOnly = FXCollections.unmodifiableObservableList(events);
  private final ReadOnlyBooleanWrapper thinned = new ReadOnlyBooleanWrapper(this, "thinned");
  private final ReadOnlyIntegerWrapper storedPoints = new ReadOnlyIntegerWrapper(this, "storedPoints");
  private final ReadOnlyDoubleWrapper distanceKm = new ReadOnlyDoubleWrapper(this, "distanceKm");
  private final ReadOnlyDoubleWrapper maxSpeedKmh = new ReadOnlyDoubleWrapper(this, "maxSpeedKmh");
  private final ReadOnlyObjectWrapper<Instant> cursor = new ReadOnlyObjectWrapper<>(this, "cursor");
  private final ReadOnlyObjectWrapper<ReplayPoint> atCursor = new ReadOnlyObjectWrapper<>(this, "atCursor");
  private final ReadOnlyIntegerWrapper eventAtCursor = new ReadOnlyIntegerWrapper(this, "eventAtCursor", -1);
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
  private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 1);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final Command loadCommand;
  private final Command playCommand;

  // UI thread only
  private long generation;
  private ScheduledFuture<?> nextTick;
  private long lastTickMillis;

  /**
   * @param timer where a playing replay waits for its next tick
   * @param clock real time: the default range ends now, and playing advances by its elapsed time
   */
  public TrajectoryReplayViewModel(TripClient client, Executor ui, ScheduledExecutorService timer, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.clock = Objects.requireNonNull(clock, "clock");
    lastHour();
    validation = Bindings.createStringBinding(this::validate, plate, from, to);
    loadCommand = SimpleCommand.of(this::load,
        Bindings.createBooleanBinding(() -> validation.get().isEmpty() && !loading.get(), validation, loading));
    playCommand = SimpleCommand.of(this::togglePlay,
        Bindings.createBooleanBinding(() -> track.get().size() > 1, track));
    speed.addListener((o, was, now) -> {
      if (!SPEEDS.contains(now.intValue())) {
        speed.set(was.intValue()); // only the offered speeds
      }
    });
  }

  /** Sets the range to the hour before now. */
  public void lastHour() {
    Instant now = clock.instant();
    to.set(now);
    from.set(now.minus(DEFAULT_RANGE));
  }

  private String validate() {
    if (plate.get() == null || plate.get().isBlank()) {
      return ERROR_PLATE;
    }
    Instant a = from.get();
    Instant b = to.get();
    if (a == null || b == null || !b.isAfter(a)) {
      return ERROR_ORDER;
    }
    return Duration.between(a, b).compareTo(MAX_RANGE) > 0 ? ERROR_TOO_LONG : "";
  }

  /** Loads the trajectory of the plate in the range; does nothing while the input is invalid. */
  public void load() {
    if (!validation.get().isEmpty()) {
      return;
    }
    pause();
    String wanted = plate.get().strip();
    long gen = ++generation;
    loading.set(true);
    errorKey.set("");
    client.getTrajectory(wanted, from.get(), to.get(), 0).whenComplete((trajectory, error) -> ui.execute(() -> {
      if (gen != generation) {
        return;
      }
      loading.set(false);
      if (error != null) {
        errorKey.set(TrackErrors.keyOf(error));
        return;
      }
      show(wanted, trajectory);
    }));
  }

  private void show(String shownPlate, Trajectory trajectory) {
    ReplayTrack loaded = ReplayTrack.of(trajectory.getPointsList());
    List<ReplayEvent> along = new ArrayList<>(trajectory.getEventsCount());
    for (TrackEvent e : trajectory.getEventsList()) {
      along.add(new ReplayEvent(TripClient.instant(e.getTime()), e.getKind(), e.getRule(), e.getText(),
          e.hasPosition(), e.getPosition().getLon(), e.getPosition().getLat(), e.getAlarmId()));
    }
    along.sort((a, b) -> a.time().compareTo(b.time()));
    loadedPlate.set(trajectory.getPlate().isEmpty() ? shownPlate : trajectory.getPlate());
    thinned.set(trajectory.getThinned());
    storedPoints.set(trajectory.getStoredPoints());
    distanceKm.set(trajectory.getDistanceKm());
    maxSpeedKmh.set(trajectory.getMaxSpeedKmh());
    events.setAll(along);
    track.set(loaded);
    errorKey.set(loaded.isEmpty() ? ERROR_EMPTY : "");
    moveCursor(loaded.isEmpty() ? null : Instant.ofEpochMilli(loaded.startMillis()));
  }

  // --- playing ---------------------------------------------------------------------------------

  /** Plays from the cursor (from the start when it is at the end), or pauses. */
  public void togglePlay() {
    if (playing.get()) {
      pause();
    } else {
      play();
    }
  }

  public void play() {
    ReplayTrack t = track.get();
    if (playing.get() || t.size() < 2) {
      return;
    }
    if (cursor.get() == null || cursor.get().toEpochMilli() >= t.endMillis()) {
      moveCursor(Instant.ofEpochMilli(t.startMillis()));
    }
    playing.set(true);
    lastTickMillis = clock.millis();
    scheduleTick();
  }

  public void pause() {
    playing.set(false);
    if (nextTick != null) {
      nextTick.cancel(false);
      nextTick = null;
    }
  }

  private void scheduleTick() {
    long gen = generation;
    nextTick = timer.schedule(() -> ui.execute(() -> tick(gen)), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick(long gen) {
    if (!playing.get() || gen != generation) {
      return;
    }
    long now = clock.millis();
    long elapsed = Math.max(0, now - lastTickMillis);
    lastTickMillis = now;
    long end = track.get().endMillis();
    long next = cursor.get().toEpochMilli() + elapsed * speed.get();
    if (next >= end) {
      moveCursor(Instant.ofEpochMilli(end));
      pause();
      return;
    }
    moveCursor(Instant.ofEpochMilli(next));
    scheduleTick();
  }

  // --- moving the cursor -----------------------------------------------------------------------

  /** Puts the cursor at a time, clamped to the track (a slider drag); playing goes on from there. */
  public void seek(Instant time) {
    ReplayTrack t = track.get();
    if (t.isEmpty() || time == null) {
      return;
    }
    long millis = Math.max(t.startMillis(), Math.min(t.endMillis(), time.toEpochMilli()));
    moveCursor(Instant.ofEpochMilli(millis));
  }

  /** Pauses and puts the cursor at the event's time. */
  public void jumpTo(ReplayEvent event) {
    pause();
    seek(event.time());
  }

  /** Pauses and moves the cursor to the next stored fix. */
  public void stepForward() {
    pause();
    ReplayTrack t = track.get();
    if (t.isEmpty() || cursor.get() == null) {
      return;
    }
    int i = t.indexAt(cursor.get().toEpochMilli());
    int next = Math.min(t.size() - 1, i + 1);
    moveCursor(Instant.ofEpochMilli(t.points().get(next).epochMillis()));
  }

  /** Pauses and moves the cursor to the previous stored fix (to the fix under it when between two). */
  public void stepBack() {
    pause();
    ReplayTrack t = track.get();
    if (t.isEmpty() || cursor.get() == null) {
      return;
    }
    long at = cursor.get().toEpochMilli();
    int i = t.indexAt(at);
    int previous = i < 0 ? 0 : t.points().get(i).epochMillis() < at ? i : Math.max(0, i - 1);
    moveCursor(Instant.ofEpochMilli(t.points().get(previous).epochMillis()));
  }

  private void moveCursor(Instant time) {
    cursor.set(time);
    atCursor.set(time == null ? null : track.get().sampleAt(time.toEpochMilli()));
    int last = -1;
    if (time != null) {
      for (int i = 0; i < events.size() && !events.get(i).time().isAfter(time); i++) {
        last = i;
      }
    }
    eventAtCursor.set(last);
  }

  // --- properties ------------------------------------------------------------------------------

  /** The plate to load ("终端:&lt;number&gt;" for an unbound terminal). */
  public StringProperty plateProperty() {
    return plate;
  }

  /** Start of the range, inclusive. */
  public ObjectProperty<Instant> fromProperty() {
    return from;
  }

  /** End of the range, exclusive. */
  public ObjectProperty<Instant> toProperty() {
    return to;
  }

  /** Why the input cannot be loaded ({@link #ERROR_PLATE}, {@link #ERROR_ORDER}, {@link #ERROR_TOO_LONG}); empty when it can. */
  public StringBinding validationProperty() {
    return validation;
  }

  public Command loadCommand() {
    return loadCommand;
  }

  /** Play or pause; executable once a track of two fixes or more is loaded. */
  public Command playCommand() {
    return playCommand;
  }

  /** The loaded fixes; empty before a load. */
  public ReadOnlyObjectProperty<ReplayTrack> trackProperty() {
    return track.getReadOnlyProperty();
  }

  /** The plate of the loaded track. */
  public ReadOnlyStringProperty loadedPlateProperty() {
    return loadedPlate.getReadOnlyProperty();
  }

  /** The events along the loaded track, oldest first. */
  public ObservableList<ReplayEvent> events() {
    return eventsReadOnly;
  }

  public ReadOnlyBooleanProperty thinnedProperty() {
    return thinned.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty storedPointsProperty() {
    return storedPoints.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty distanceKmProperty() {
    return distanceKm.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty maxSpeedKmhProperty() {
    return maxSpeedKmh.getReadOnlyProperty();
  }

  /** The replayed time; null before a track is loaded. Move it with {@link #seek}. */
  public ReadOnlyObjectProperty<Instant> cursorProperty() {
    return cursor.getReadOnlyProperty();
  }

  /** The interpolated position, heading, speed and limit at the cursor; null before a track is loaded. */
  public ReadOnlyObjectProperty<ReplayPoint> atCursorProperty() {
    return atCursor.getReadOnlyProperty();
  }

  /** Index in {@link #events()} of the last event at or before the cursor; -1 if none. */
  public ReadOnlyIntegerProperty eventAtCursorProperty() {
    return eventAtCursor.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  /** Replay speed, one of {@link #SPEEDS}; other values are refused. */
  public IntegerProperty speedProperty() {
    return speed;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the last load failed ({@link TrackErrors}, or {@link #ERROR_EMPTY} for a range without fixes). */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** Stops playing; call when the view closes. */
  public void close() {
    generation++;
    pause();
  }
}
