package io.cordon.client.gate.presence;

import io.cordon.api.v1.EnterprisePresence;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import io.cordon.client.gate.AccessBackend;
import io.cordon.client.gate.access.GateEvents;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence panel: how many people and vehicles are inside the park (by vehicle class and by
 * enterprise) and who they are. The counts are fetched with {@code GetPresence} on every (re)connect,
 * on demand ({@link #refreshCommand()}) and after access events — debounced, at most one fetch per
 * {@link #REFRESH_DELAY} however busy the gates are. "Who is inside" is paged through {@code
 * ListInside} with kind and enterprise filters and can be written to CSV whole, for an
 * evacuation roll call. Observable state changes on the UI executor only.
 */
public final class PresenceViewModel implements EventFeed.Listener {

  /** Who to list. */
  public enum Kind { ANY, PERSON, VEHICLE }

  /** One vehicle class and how many of it are inside. */
  public record ClassCount(String vehicleClass, int count) {}

  /** One enterprise and its people and vehicles inside. */
  public record EnterpriseCount(String enterpriseId, String name, int people, int vehicles) {}

  public static final String ERROR_LOAD = "presence.error.load";
  public static final String ERROR_EXPORT = "presence.error.export";
  public static final Duration REFRESH_DELAY = Duration.ofSeconds(1);
  public static final int PAGE_SIZE = 200;
  static final int EXPORT_PAGE_SIZE = 1000;
  /** The order classes are shown in; others follow. */
  static final List<String> CLASS_ORDER =
      List.of("ORDINARY", "COMMUTER", "CONSTRUCTION", "HAZMAT", "HAZWASTE", "UNKNOWN");

  private static final Logger log = LoggerFactory.getLogger(PresenceViewModel.class);

  private final AccessBackend backend;
  private final Executor ui;
  private final ScheduledExecutorService timer;

  private final ReadOnlyIntegerWrapper people = new ReadOnlyIntegerWrapper(this, "people");
  private final ReadOnlyIntegerWrapper vehicles = new ReadOnlyIntegerWrapper(this, "vehicles");
  private final ReadOnlyIntegerWrapper dangerousVehicles = new ReadOnlyIntegerWrapper(this, "dangerousVehicles");
  private final ReadOnlyIntegerWrapper unknown = new ReadOnlyIntegerWrapper(this, "unknown");
  private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>(this, "asOf");
  private final ObservableList<ClassCount> byClass = FXCollections.observableArrayList();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final ObservableList<ClassCount> byClassReadOnly = FXCollections.unmodifiableObservableList(byClass);
  private final ObservableList<EnterpriseCount> byEnterprise = FXCollections.observableArrayList();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final ObservableList<EnterpriseCount> byEnterpriseReadOnly = FXCollections.unmodifiableObservableList(byEnterprise);
  private final Map<String, String> enterpriseNames = new HashMap<>();

  private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.ANY);
  private final StringProperty enterprise = new SimpleStringProperty(this, "enterprise", "");
  private final ObservableList<InsideRow> inside = FXCollections.observableArrayList();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final ObservableList<InsideRow> insideReadOnly = FXCollections.unmodifiableObservableList(inside);
  private final ReadOnlyIntegerWrapper insideTotal = new ReadOnlyIntegerWrapper(this, "insideTotal");
  private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
  private final ReadOnlyBooleanWrapper loadingInside = new ReadOnlyBooleanWrapper(this, "loadingInside");
  private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
  private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final Command refreshCommand;
  private final Command loadMoreCommand;

  // UI thread only
  private String nextPageToken = "";
  private long insideGeneration;

  private final Object lock = new Object();
  // guarded by lock
  private boolean refreshPending;

  /**
   * @param ui where every observable change happens
   * @param timer where the debounced refreshes wait
   */
  public PresenceViewModel(AccessBackend backend, Executor ui, ScheduledExecutorService timer) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    refreshCommand = SimpleCommand.of(this::refresh, refreshing.not());
    loadMoreCommand = SimpleCommand.of(this::loadMore, Bindings.createBooleanBinding(
        () -> hasMore.get() && !loadingInside.get(), hasMore, loadingInside));
    kind.addListener((o, a, b) -> reloadInside());
    enterprise.addListener((o, a, b) -> reloadInside());
  }

  public ReadOnlyIntegerProperty peopleProperty() {
    return people.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty vehiclesProperty() {
    return vehicles.getReadOnlyProperty();
  }

  /** Hazmat and hazwaste vehicles inside. */
  public ReadOnlyIntegerProperty dangerousVehiclesProperty() {
    return dangerousVehicles.getReadOnlyProperty();
  }

  /** Forced passages whose holder is not known. */
  public ReadOnlyIntegerProperty unknownProperty() {
    return unknown.getReadOnlyProperty();
  }

  /** When the server counted; null before the first answer. */
  public ReadOnlyObjectProperty<Instant> asOfProperty() {
    return asOf.getReadOnlyProperty();
  }

  /** Vehicles inside by class, in a fixed class order (classes with none are left out). */
  public ObservableList<ClassCount> vehiclesByClass() {
    return byClassReadOnly;
  }

  /** Enterprises with anyone inside, largest first. */
  public ObservableList<EnterpriseCount> enterprises() {
    return byEnterpriseReadOnly;
  }

  public String enterpriseName(String enterpriseId) {
    return enterpriseNames.getOrDefault(enterpriseId, enterpriseId);
  }

  public ObjectProperty<Kind> kindProperty() {
    return kind;
  }

  /** One enterprise's people and vehicles only; empty = every enterprise. */
  public StringProperty enterpriseProperty() {
    return enterprise;
  }

  /** The pages of "who is inside" loaded so far. */
  public ObservableList<InsideRow> inside() {
    return insideReadOnly;
  }

  /** How many match the filters in all (not only the pages loaded). */
  public ReadOnlyIntegerProperty insideTotalProperty() {
    return insideTotal.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasMoreProperty() {
    return hasMore.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty exportingProperty() {
    return exporting.getReadOnlyProperty();
  }

  /** {@link #ERROR_LOAD} or {@link #ERROR_EXPORT} after a failure, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** Fetches the counts now (and the first page of who is inside). */
  public Command refreshCommand() {
    return refreshCommand;
  }

  /** Appends the next page of who is inside. */
  public Command loadMoreCommand() {
    return loadMoreCommand;
  }

  @Override
  public void onEvents(List<Event> batch) {
    for (Event e : batch) {
      String type = e.getType();
      if (type.equals(GateEvents.ACCESS) || type.equals(GateEvents.PASSAGE) || type.equals(GateEvents.FORCED)) {
        refreshSoon();
        return;
      }
    }
  }

  @Override
  public void onStateChanged(ConnectionState state) {
    if (state == ConnectionState.CONNECTED) {
      refresh();
    }
  }

  /** The counts and the first page of who is inside, now. */
  public void refresh() {
    refreshing.set(true);
    call(backend::getPresence).whenComplete((summary, failure) -> ui.execute(() -> {
      refreshing.set(false);
      if (failure != null) {
        log.warn("Cannot get the presence: {}", failure.toString());
        errorKey.set(ERROR_LOAD);
        return;
      }
      errorKey.set("");
      show(summary);
    }));
    reloadInside();
  }

  private void refreshSoon() {
    synchronized (lock) {
      if (refreshPending) {
        return;
      }
      refreshPending = true;
    }
    try {
      timer.schedule(() -> {
        synchronized (lock) {
          refreshPending = false;
        }
        ui.execute(this::refresh);
      }, REFRESH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      log.debug("Not refreshing the presence: the timer is shut down");
    }
  }

  private void show(PresenceSummary s) {
    people.set(s.getPeople());
    vehicles.set(s.getVehicles());
    unknown.set(s.getUnknown());
    dangerousVehicles.set(s.getVehiclesByClassOrDefault("HAZMAT", 0) + s.getVehiclesByClassOrDefault("HAZWASTE", 0));
    asOf.set(s.hasAsOf() ? Instant.ofEpochSecond(s.getAsOf().getSeconds(), s.getAsOf().getNanos()) : null);
    List<ClassCount> classes = new ArrayList<>();
    for (String c : CLASS_ORDER) {
      int n = s.getVehiclesByClassOrDefault(c, 0);
      if (n > 0) {
        classes.add(new ClassCount(c, n));
      }
    }
    s.getVehiclesByClassMap().forEach((c, n) -> {
      if (!CLASS_ORDER.contains(c) && n > 0) {
        classes.add(new ClassCount(c, n));
      }
    });
    if (!classes.equals(byClass)) {
      byClass.setAll(classes);
    }
    List<EnterpriseCount> enterprises = new ArrayList<>();
    for (EnterprisePresence e : s.getEnterprisesList()) {
      enterprises.add(new EnterpriseCount(e.getEnterpriseId(), e.getName().isEmpty() ? e.getEnterpriseId() : e.getName(),
          e.getPeople(), e.getVehicles()));
      if (!e.getName().isEmpty()) {
        enterpriseNames.put(e.getEnterpriseId(), e.getName());
      }
    }
    if (!enterprises.equals(byEnterprise)) {
      byEnterprise.setAll(enterprises);
    }
  }

  /** Starts "who is inside" again from its first page (the filters changed, or a refresh). */
  public void reloadInside() {
    long generation = ++insideGeneration;
    nextPageToken = "";
    fetchPage(generation, true);
  }

  private void loadMore() {
    fetchPage(insideGeneration, false);
  }

  private void fetchPage(long generation, boolean first) {
    loadingInside.set(true);
    ListInsideRequest request = request(PAGE_SIZE, first ? "" : nextPageToken);
    call(() -> backend.listInside(request)).whenComplete((page, failure) -> ui.execute(() -> {
      if (generation != insideGeneration) {
        return; // the filters changed meanwhile: a newer first page is on its way
      }
      loadingInside.set(false);
      if (failure != null) {
        log.warn("Cannot list who is inside: {}", failure.toString());
        errorKey.set(ERROR_LOAD);
        return;
      }
      List<InsideRow> rows = page.getEntriesList().stream().map(InsideRow::of).toList();
      if (first) {
        inside.setAll(rows);
      } else {
        inside.addAll(rows);
      }
      nextPageToken = page.getNextPageToken();
      insideTotal.set(page.getTotal());
      hasMore.set(!nextPageToken.isEmpty());
    }));
  }

  private ListInsideRequest request(int pageSize, String token) {
    Kind k = kind.get() == null ? Kind.ANY : kind.get();
    return ListInsideRequest.newBuilder()
        .setKind(k == Kind.ANY ? "" : k.name())
        .setEnterpriseId(enterprise.get() == null ? "" : enterprise.get().strip())
        .setPageSize(pageSize)
        .setPageToken(token)
        .build();
  }

  /**
   * Writes everyone who matches the filters now — every page, not only those shown — to {@code
   * file} as CSV ({@link InsideCsv}); completes on the UI executor with how many rows it wrote,
   * exceptionally when listing or writing failed (then {@link #errorKeyProperty()} says so).
   *
   * @param header the column texts, one per {@link InsideCsv#COLUMNS} entry
   * @param className holder class → the operator's word for it
   */
  public CompletableFuture<Integer> exportCsv(Path file, List<String> header, Function<String, String> className,
      ZoneId zone) {
    exporting.set(true);
    errorKey.set("");
    Map<String, String> names = Map.copyOf(enterpriseNames);
    CompletableFuture<Integer> done = new CompletableFuture<>();
    allPages(new ArrayList<>(), "").thenApply(rows -> {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        InsideCsv.write(rows, header, names, className, zone, out);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
      return rows.size();
    }).whenComplete((count, failure) -> ui.execute(() -> {
      exporting.set(false);
      if (failure != null) {
        log.warn("Cannot export who is inside: {}", failure.toString());
        errorKey.set(ERROR_EXPORT);
        done.completeExceptionally(failure);
      } else {
        done.complete(count);
      }
    }));
    return done;
  }

  private CompletableFuture<List<InsideRow>> allPages(List<InsideRow> sofar, String token) {
    ListInsideRequest request = request(EXPORT_PAGE_SIZE, token);
    return call(() -> backend.listInside(request)).thenCompose((ListInsideResponse page) -> {
      page.getEntriesList().forEach(e -> sofar.add(InsideRow.of(e)));
      if (page.getNextPageToken().isEmpty() || page.getEntriesCount() == 0) {
        return CompletableFuture.completedFuture(sofar);
      }
      return allPages(sofar, page.getNextPageToken());
    });
  }

  private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
