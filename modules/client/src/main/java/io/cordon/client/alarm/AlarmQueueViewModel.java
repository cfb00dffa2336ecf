package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.cordon.domain.alarm.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's alarm queue: the store's alarms, filtered, grouped by incident (one row per
 * incident, standing for its most urgent alarm, with the incident's size as a badge) and sorted by
 * {@link AlarmProtos#priority} — severity × zone class, then how long it waits unacknowledged —
 * with the older of two equal alarms first.
 *
 * <p>The store's changes do not re-sort the queue each time: they mark it dirty and one re-sort
 * follows within {@link #REFRESH_INTERVAL}, so a storm costs a few sorts a second. A filter change
 * re-sorts at once. {@link #tick()}, called about once a second by the view's clock, moves {@link
 * #nowProperty()} (SLA countdowns) and re-sorts every {@link #AGE_REFRESH} as waiting alarms climb.
 *
 * <p>All state lives on the UI executor (the store notifies there).
 */
public final class AlarmQueueViewModel implements AlarmStore.Listener {

  /** At most this often the queue is re-sorted because alarms changed. */
  public static final Duration REFRESH_INTERVAL = Duration.ofMillis(250);
  /** Without changes the queue is re-sorted this often: waiting alarms gain a point a minute. */
  public static final Duration AGE_REFRESH = Duration.ofSeconds(15);

  /** A new critical alarm arrived, or alarms were escalated; the view sounds and flashes. */
  public record Alert(List<Alarm> newCritical, List<Alarm> escalated) {
    public Alert {
      newCritical = List.copyOf(newCritical);
      escalated = List.copyOf(escalated);
    }
  }

  private static final Comparator<AlarmRow> MOST_URGENT_FIRST =
      Comparator.comparingLong(AlarmRow::priority).reversed()
          .thenComparing(row -> AlarmProtos.instant(row.alarm().getFirstAt()))
          .thenComparing(AlarmRow::id);

  private final AlarmStore store;
  private final Session session;
  private final Clock clock;
  private final Executor ui;
  private final BiConsumer<Runnable, Duration> later;

  private final ObservableList<AlarmRow> rows = FXCollections.observableArrayList();
  private final ObservableList<AlarmRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final ObservableList<String> zones = FXCollections.observableArrayList();
  private final ObjectProperty<AlarmType> typeFilter = new SimpleObjectProperty<>(this, "typeFilter");
  private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severityFilter");
  private final StringProperty zoneFilter = new SimpleStringProperty(this, "zoneFilter", "");
  private final ObjectProperty<AlarmState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
  private final BooleanProperty mineOnly = new SimpleBooleanProperty(this, "mineOnly");
  private final BooleanProperty hideClosed = new SimpleBooleanProperty(this, "hideClosed", true);
  private final BooleanProperty groupIncidents = new SimpleBooleanProperty(this, "groupIncidents", true);
  private final StringProperty selectedAlarmId = new SimpleStringProperty(this, "selectedAlarmId");
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private final ReadOnlyObjectWrapper<ConnectionState> feedState =
      new ReadOnlyObjectWrapper<>(this, "feedState", ConnectionState.DISCONNECTED);
  private final Map<Severity, ReadOnlyIntegerWrapper> openCounts = new EnumMap<>(Severity.class);
  private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(this, "unacknowledged");
  private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
  private final BooleanBinding connected = Bindings.equal(ConnectionState.CONNECTED, feedState);
  private final List<Consumer<Alert>> alertListeners = new CopyOnWriteArrayList<>();

  /** Ids seen so far, so that only really new alarms alert (not those of a snapshot after a reconnect). */
  private final Set<String> seen = new HashSet<>();
  private final Set<String> seenEscalated = new HashSet<>();
  /**
   * False until the store first spoke: the snapshot the client starts with holds what was raised
   * before it ran (open critical alarms of earlier runs too), so it alerts nothing — it used to fly
   * the map to one of them and open its card at start-up, with nobody asking.
   */
  private boolean heard;
  private boolean refreshScheduled;
  private Instant lastRefresh = Instant.MIN;

  /** Re-sorts on {@code executors.ui()}, waits between re-sorts on {@code executors.background()}. */
  public AlarmQueueViewModel(AlarmStore store, Session session, Clock clock, ClientExecutors executors) {
    this(store, session, clock, executors.ui(),
        (task, delay) -> {
          try {
            executors.background().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the client is shutting down: a store change after that needs no re-sort
          }
        });
  }

  /**
   * @param later runs a task after a delay, off the UI thread (tests run it when they like)
   */
  public AlarmQueueViewModel(AlarmStore store, Session session, Clock clock, Executor ui,
      BiConsumer<Runnable, Duration> later) {
    this.store = Objects.requireNonNull(store, "store");
    this.session = Objects.requireNonNull(session, "session");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.later = Objects.requireNonNull(later, "later");
    for (Severity severity : Severity.values()) {
      openCounts.put(severity, new ReadOnlyIntegerWrapper(this, "open" + severity.name()));
    }
    now.set(clock.instant());
    typeFilter.addListener(o -> refreshNow());
    severityFilter.addListener(o -> refreshNow());
    zoneFilter.addListener(o -> refreshNow());
    stateFilter.addListener(o -> refreshNow());
    mineOnly.addListener(o -> refreshNow());
    hideClosed.addListener(o -> refreshNow());
    groupIncidents.addListener(o -> refreshNow());
    store.addListener(this);
  }

  /** The queue, most urgent first; replaced as a whole on every re-sort. */
  public ObservableList<AlarmRow> rows() {
    return readOnlyRows;
  }

  /** The zone ids that alarms lie in, for the zone filter. */
  public ObservableList<String> zones() {
    return zones;
  }

  /** Only this type; null for all. */
  public ObjectProperty<AlarmType> typeFilterProperty() {
    return typeFilter;
  }

  /** Only this severity; null for all. */
  public ObjectProperty<Severity> severityFilterProperty() {
    return severityFilter;
  }

  /** Only alarms in this zone id; empty for all. */
  public StringProperty zoneFilterProperty() {
    return zoneFilter;
  }

  /** Only this state; null for all. */
  public ObjectProperty<AlarmState> stateFilterProperty() {
    return stateFilter;
  }

  /** Only alarms taken by the signed-in user. */
  public BooleanProperty mineOnlyProperty() {
    return mineOnly;
  }

  /** Leaves out closed alarms (on by default). */
  public BooleanProperty hideClosedProperty() {
    return hideClosed;
  }

  /** One row per incident (on by default); off: one row per alarm. */
  public BooleanProperty groupIncidentsProperty() {
    return groupIncidents;
  }

  /** The alarm the detail pane shows and the actions act on; the view sets it on selection. */
  public StringProperty selectedAlarmIdProperty() {
    return selectedAlarmId;
  }

  /** The time the countdowns count to, moved by {@link #tick()}. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** How the alarm stream stands; feed it with {@code alarmFeed.addStateListener(queue::onFeedState)}. */
  public ReadOnlyObjectProperty<ConnectionState> feedStateProperty() {
    return feedState.getReadOnlyProperty();
  }

  /** True while the alarm stream is connected (the actions' {@code connected}). */
  public ObservableBooleanValue connectedBinding() {
    return connected;
  }

  public void onFeedState(ConnectionState state) {
    feedState.set(state);
  }

  /** Open (not yet resolved) alarms of one severity, over the whole store, filters aside. */
  public ReadOnlyIntegerProperty openCountProperty(Severity severity) {
    return openCounts.get(severity).getReadOnlyProperty();
  }

  /** Alarms still NEW (nobody has taken them), filters aside. */
  public ReadOnlyIntegerProperty unacknowledgedProperty() {
    return unacknowledged.getReadOnlyProperty();
  }

  /** Alarms in the store, filters aside. */
  public ReadOnlyIntegerProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** Called on the UI executor when new critical alarms arrive or alarms are escalated. */
  public void addAlertListener(Consumer<Alert> listener) {
    alertListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The signed-in user, for "mine". */
  public Session session() {
    return session;
  }

  @Override
  public void onAlarmsChanged(AlarmStore.Changes changes) {
    boolean startSnapshot = !heard && changes.replaced();
    heard = true;
    List<Alarm> newCritical = new ArrayList<>();
    List<Alarm> escalated = new ArrayList<>();
    if (changes.replaced()) { // forget what is gone, keep what was seen so a reconnect does not alert again
      Set<String> ids = new HashSet<>();
      changes.changed().forEach(a -> ids.add(a.getAlarmId()));
      seen.retainAll(ids);
      seenEscalated.retainAll(ids);
    }
    for (Alarm alarm : changes.changed()) {
      boolean first = seen.add(alarm.getAlarmId());
      if (startSnapshot) {
        if (alarm.getEscalated() && AlarmProtos.isOpen(alarm.getState())) {
          seenEscalated.add(alarm.getAlarmId());
        }
        continue;
      }
      if (first && alarm.getState() == AlarmState.ALARM_STATE_NEW
          && AlarmProtos.severity(alarm.getSeverity()) == Severity.CRITICAL) {
        newCritical.add(alarm);
      }
      if (alarm.getEscalated() && AlarmProtos.isOpen(alarm.getState()) && seenEscalated.add(alarm.getAlarmId())) {
        escalated.add(alarm);
      }
    }
    requestRefresh();
    if (!newCritical.isEmpty() || !escalated.isEmpty()) {
      Alert alert = new Alert(newCritical, escalated);
      alertListeners.forEach(l -> l.accept(alert));
    }
  }

  /** Moves the countdown clock; re-sorts when the last sort is {@link #AGE_REFRESH} old. */
  public void tick() {
    Instant t = clock.instant();
    now.set(t);
    if (Duration.between(lastRefresh, t).compareTo(AGE_REFRESH) >= 0) {
      refreshNow();
    }
  }

  private void requestRefresh() {
    if (refreshScheduled) {
      return;
    }
    refreshScheduled = true;
    later.accept(() -> ui.execute(() -> {
      refreshScheduled = false;
      refreshNow();
    }), REFRESH_INTERVAL);
  }

  /** Filters, groups and sorts the store's alarms now (and updates the counters). */
  public void refreshNow() {
    Instant t = clock.instant();
    lastRefresh = t;
    now.set(t);
    List<Alarm> all = store.all();
    updateCounts(all);
    updateZones(all);
    Map<String, List<Alarm>> groups = new LinkedHashMap<>();
    for (Alarm alarm : all) {
      if (passes(alarm)) {
        String key = groupIncidents.get() && !alarm.getIncidentId().isEmpty() ? alarm.getIncidentId()
            : alarm.getAlarmId();
        groups.computeIfAbsent(key, k -> new ArrayList<>(1)).add(alarm);
      }
    }
    List<AlarmRow> sorted = new ArrayList<>(groups.size());
    for (List<Alarm> members : groups.values()) {
      AlarmRow lead = null;
      for (Alarm member : members) {
        AlarmRow candidate = new AlarmRow(member, AlarmProtos.priority(member, t), members.size());
        if (lead == null || MOST_URGENT_FIRST.compare(candidate, lead) < 0) {
          lead = candidate;
        }
      }
      sorted.add(lead);
    }
    sorted.sort(MOST_URGENT_FIRST);
    if (!sorted.equals(rows)) {
      rows.setAll(sorted);
    }
  }

  private boolean passes(Alarm alarm) {
    if (hideClosed.get() && alarm.getState() == AlarmState.ALARM_STATE_CLOSED) {
      return false;
    }
    if (typeFilter.get() != null && alarm.getType() != typeFilter.get()) {
      return false;
    }
    if (severityFilter.get() != null && AlarmProtos.severity(alarm.getSeverity()) != severityFilter.get()) {
      return false;
    }
    String zone = zoneFilter.get();
    if (zone != null && !zone.isEmpty() && !zone.equals(alarm.getLocation().getZoneId())) {
      return false;
    }
    if (stateFilter.get() != null && alarm.getState() != stateFilter.get()) {
      return false;
    }
    return !mineOnly.get() || session.username().equals(alarm.getAssignee());
  }

  private void updateCounts(List<Alarm> all) {
    int[] open = new int[Severity.values().length];
    int fresh = 0;
    for (Alarm alarm : all) {
      if (AlarmProtos.isOpen(alarm.getState())) {
        open[AlarmProtos.severity(alarm.getSeverity()).ordinal()]++;
      }
      if (alarm.getState() == AlarmState.ALARM_STATE_NEW) {
        fresh++;
      }
    }
    for (Severity severity : Severity.values()) {
      openCounts.get(severity).set(open[severity.ordinal()]);
    }
    unacknowledged.set(fresh);
    total.set(all.size());
  }

  private void updateZones(List<Alarm> all) {
    TreeSet<String> ids = new TreeSet<>();
    for (Alarm alarm : all) {
      if (!alarm.getLocation().getZoneId().isEmpty()) {
        ids.add(alarm.getLocation().getZoneId());
      }
    }
    if (!zones.equals(new ArrayList<>(ids))) {
      zones.setAll(ids);
    }
  }
}
