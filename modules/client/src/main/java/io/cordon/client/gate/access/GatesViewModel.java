package io.cordon.client.gate.access;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import io.cordon.client.gate.AccessBackend;
import io.cordon.client.gate.GateBackend;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.park.Gate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates view: every gate with its lanes, barrier states, mode and agent, and the latest
 * passages with filters. It lists the gates' status and the latest access records whenever the
 * event feed (re)connects, then follows the feed: {@code gate.access}, {@code gate.forced}, {@code
 * gate.tailgate} and {@code gate.passage} events change the passages at once (merged by record id,
 * so a list answer and live events may arrive in any order); barrier events change a lane at once,
 * and any event that may change a gate's status reloads the statuses, at most once per {@link
 * #STATUS_RELOAD_DELAY}. Everything observable changes on the UI executor only.
 */
public final class GatesViewModel implements EventFeed.Listener {

  public static final String ERROR_LOAD = "gate.view.error.load";
  /** How many passages the view keeps (the newest). */
  public static final int CAPACITY = 1000;
  /** How many the first list asks for. */
  public static final int INITIAL_RECORDS = 200;
  static final Duration STATUS_RELOAD_DELAY = Duration.ofMillis(700);

  private static final Logger log = LoggerFactory.getLogger(GatesViewModel.class);
  private static final Comparator<PassageRow> NEWEST_FIRST =
      Comparator.comparing(PassageRow::time).thenComparingLong(PassageRow::seq).reversed();

  private final GateBackend gateBackend;
  private final AccessBackend accessBackend;
  private final Executor ui;
  private final ScheduledExecutorService timer;

  private final ObservableList<GateCard> gates = FXCollections.observableArrayList();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final ObservableList<GateCard> gatesReadOnly = FXCollections.unmodifiableObservableList(gates);
  private final Map<String, Integer> gateIndex = new HashMap<>();
  /** Statuses that came before the park: applied when the gates are set. */
  private final Map<String, GateStatus> pendingStatus = new HashMap<>();
  private final ObservableList<PassageRow> all = FXCollections.observableArrayList();
  private final Map<String, PassageRow> byRecord = new HashMap<>();
  private final FilteredList<PassageRow> filtered = new FilteredList<>(all);
  private final SortedList<PassageRow> passages = new SortedList<>(filtered, NEWEST_FIRST);

  private final javafx.collections.ObservableMap<String, PassageRow> latest = FXCollections.observableHashMap();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final javafx.collections.ObservableMap<String, PassageRow> latestReadOnly = FXCollections.unmodifiableObservableMap(latest);
  private final ObjectProperty<String> gateFilter = new SimpleObjectProperty<>(this, "gateFilter");
  private final ObjectProperty<PassageDirection> directionFilter = new SimpleObjectProperty<>(this, "directionFilter");
  private final ObjectProperty<PassageOutcome> outcomeFilter =
      new SimpleObjectProperty<>(this, "outcomeFilter", PassageOutcome.ANY);
  private final StringProperty holderFilter = new SimpleStringProperty(this, "holderFilter", "");
  private final ObjectProperty<String> classFilter = new SimpleObjectProperty<>(this, "classFilter");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");

  private final Object lock = new Object();
  // guarded by lock
  private boolean statusReloadPending;

  /**
   * @param ui where every observable change happens (the FX thread; a same-thread executor in tests)
   * @param timer where the debounced status reloads wait
   */
  public GatesViewModel(GateBackend gateBackend, AccessBackend accessBackend, Executor ui,
      ScheduledExecutorService timer) {
    this.gateBackend = Objects.requireNonNull(gateBackend, "gateBackend");
    this.accessBackend = Objects.requireNonNull(accessBackend, "accessBackend");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    ObjectBinding<Predicate<PassageRow>> predicate = Bindings.createObjectBinding(this::predicate,
        gateFilter, directionFilter, outcomeFilter, holderFilter, classFilter);
    filtered.predicateProperty().bind(predicate);
  }

  /** Every gate of the park in park order; call on the UI thread when the park is (re)loaded. */
  public void setGates(List<Gate> parkGates) {
    Map<String, GateCard> known = new HashMap<>();
    gates.forEach(c -> known.put(c.id(), c));
    List<GateCard> cards = new ArrayList<>();
    gateIndex.clear();
    for (Gate gate : parkGates) {
      GateCard card = GateCard.unknown(gate);
      GateStatus pending = pendingStatus.remove(gate.id().value());
      if (pending != null) {
        card = card.with(pending);
      } else if (known.containsKey(gate.id().value())) {
        card = known.get(gate.id().value());
      }
      gateIndex.put(card.id(), cards.size());
      cards.add(card);
    }
    gates.setAll(cards);
  }

  /** Every gate in park order, read-only; replaced card by card as they change. */
  public ObservableList<GateCard> gates() {
    return gatesReadOnly;
  }

  public Optional<GateCard> gate(String gateId) {
    Integer i = gateIndex.get(gateId);
    return i == null ? Optional.empty() : Optional.of(gates.get(i));
  }

  /** The passages that pass the filters, newest first. */
  public ObservableList<PassageRow> passages() {
    return passages;
  }

  /** How many passages are kept, before filtering. */
  public int passageCount() {
    return all.size();
  }

  /** One gate's passages only; null = every gate. */
  public ObjectProperty<String> gateFilterProperty() {
    return gateFilter;
  }

  /** ENTRY or EXIT only; null = both. */
  public ObjectProperty<PassageDirection> directionFilterProperty() {
    return directionFilter;
  }

  public ObjectProperty<PassageOutcome> outcomeFilterProperty() {
    return outcomeFilter;
  }

  /** Part of the plate, person id, credential or name (case-insensitive); empty = any. */
  public StringProperty holderFilterProperty() {
    return holderFilter;
  }

  /** One holder class (PERSON, HAZMAT, …); null = any. */
  public ObjectProperty<String> classFilterProperty() {
    return classFilter;
  }

  /** {@link #ERROR_LOAD} after a failed load, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** Loads the gates' status and the latest access records. */
  public void reload() {
    reloadStatuses();
    ListAccessRecordsRequest request = ListAccessRecordsRequest.newBuilder().setLimit(INITIAL_RECORDS).build();
    answer(() -> accessBackend.listAccessRecords(request)).whenComplete((response, failure) -> ui.execute(() -> {
      if (failure != null) {
        log.warn("Cannot list access records: {}", failure.toString());
        errorKey.set(ERROR_LOAD);
        return;
      }
      mergeRecords(response);
    }));
  }

  private void reloadStatuses() {
    answer(gateBackend::listStates).whenComplete((list, failure) -> ui.execute(() -> {
      if (failure != null) {
        log.warn("Cannot list gate states: {}", failure.toString());
        errorKey.set(ERROR_LOAD);
        return;
      }
      errorKey.set("");
      list.forEach(this::applyStatus);
    }));
  }

  private static <T> CompletableFuture<T> answer(java.util.function.Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void applyStatus(GateStatus status) {
    Integer i = gateIndex.get(status.getGateId());
    if (i == null) {
      pendingStatus.put(status.getGateId(), status);
      return;
    }
    GateCard changed = gates.get(i).with(status);
    if (!changed.equals(gates.get(i))) {
      gates.set(i, changed);
    }
  }

  private void mergeRecords(ListAccessRecordsResponse response) {
    List<PassageRow> rows = response.getRecordsList().stream().map(PassageRow::of).toList();
    for (PassageRow row : rows) {
      PassageRow known = byRecord.get(row.recordId());
      if (known == null) {
        add(row);
      } else {
        // the list is complete; keep what live events already added (a passage, an alarm)
        PassageRow merged = row.withAlarm(known.forced(), known.tailgate());
        if (merged.passageTime() == null && known.passageTime() != null) {
          merged = merged.withPassage(known.passageTime());
        }
        replace(known, merged);
      }
    }
    trim();
  }

  @Override
  public void onEvents(List<Event> batch) {
    boolean statusChanged = false;
    for (Event e : batch) {
      String type = e.getType();
      if (type.equals(GateEvents.ACCESS) || type.equals(GateEvents.FORCED) || type.equals(GateEvents.TAILGATE)) {
        PassageRow.ofEvent(e).ifPresent(this::applyLive);
      } else if (type.equals(GateEvents.PASSAGE)) {
        applyPassage(e);
      }
      if (type.equals(GateEvents.BARRIER)) {
        applyBarrier(e);
      }
      statusChanged |= GateEvents.changesGateStatus(type);
    }
    trim();
    if (statusChanged) {
      reloadStatusesSoon();
    }
  }

  @Override
  public void onStateChanged(ConnectionState state) {
    if (state == ConnectionState.CONNECTED) {
      reload();
    }
  }

  private void applyLive(PassageRow row) {
    PassageRow known = byRecord.get(row.recordId());
    if (known == null) {
      add(row);
    } else if (row.alarm()) {
      replace(known, known.withAlarm(row.forced(), row.tailgate())
          .withPassage(known.passageTime() != null ? known.passageTime() : row.passageTime()));
    } else if (row.seq() > known.seq()) {
      replace(known, row.withAlarm(known.forced(), known.tailgate()).withPassage(known.passageTime()));
    }
  }

  private void applyPassage(Event e) {
    PassageRow known = byRecord.get(e.getAttributesOrDefault("record_id", ""));
    if (known != null && known.passageTime() == null && e.hasTime()) {
      replace(known, known.withPassage(PassageRow.instant(e.getTime())));
    }
  }

  private void applyBarrier(Event e) {
    if (e.getSubjectsCount() == 0) {
      return;
    }
    Integer i = gateIndex.get(e.getSubjects(0).getId());
    LaneCard.Barrier barrier = LaneCard.barrier(e.getAttributesOrDefault("state", ""));
    String lane = e.getAttributesOrDefault("lane", "");
    if (i == null || barrier == null || lane.isEmpty()) {
      return;
    }
    Instant at = e.hasTime() ? PassageRow.instant(e.getTime()) : null;
    gates.set(i, gates.get(i).withLane(lane, barrier, at));
  }

  private void reloadStatusesSoon() {
    synchronized (lock) {
      if (statusReloadPending) {
        return;
      }
      statusReloadPending = true;
    }
    try {
      timer.schedule(() -> {
        synchronized (lock) {
          statusReloadPending = false;
        }
        reloadStatuses();
      }, STATUS_RELOAD_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      log.debug("Not reloading gate statuses: the timer is shut down");
    }
  }

  private void add(PassageRow row) {
    byRecord.put(row.recordId(), row);
    all.add(row);
    noteLatest(row);
  }

  private void replace(PassageRow known, PassageRow now) {
    byRecord.put(now.recordId(), now);
    int i = all.indexOf(known);
    if (i >= 0) {
      all.set(i, now);
    }
    noteLatest(now);
  }

  /** Drops the oldest passages beyond {@link #CAPACITY}. */
  private void trim() {
    if (all.size() <= CAPACITY) {
      return;
    }
    List<PassageRow> newest = new ArrayList<>(all);
    newest.sort(NEWEST_FIRST);
    List<PassageRow> dropped = newest.subList(CAPACITY, newest.size());
    dropped.forEach(r -> byRecord.remove(r.recordId()));
    all.setAll(newest.subList(0, CAPACITY));
  }

  private Predicate<PassageRow> predicate() {
    String gate = gateFilter.get();
    PassageDirection direction = directionFilter.get();
    PassageOutcome outcome = outcomeFilter.get() == null ? PassageOutcome.ANY : outcomeFilter.get();
    String text = holderFilter.get() == null ? "" : holderFilter.get().strip().toLowerCase(Locale.ROOT);
    String holderClass = classFilter.get();
    return row -> (gate == null || gate.equals(row.gateId()))
        && (direction == null || direction == row.direction())
        && outcome.matches(row)
        && (holderClass == null || holderClass.equals(row.holderClass()))
        && (text.isEmpty() || row.holder().toLowerCase(Locale.ROOT).contains(text)
            || row.holderName().toLowerCase(Locale.ROOT).contains(text));
  }

  /** Each gate's newest passage (of those kept), for the gate cards; read-only. */
  public javafx.collections.ObservableMap<String, PassageRow> latestByGate() {
    return latestReadOnly;
  }

  private void noteLatest(PassageRow row) {
    PassageRow newest = latest.get(row.gateId());
    if (newest == null || newest.recordId().equals(row.recordId()) || NEWEST_FIRST.compare(row, newest) < 0) {
      latest.put(row.gateId(), row);
    }
  }
}
