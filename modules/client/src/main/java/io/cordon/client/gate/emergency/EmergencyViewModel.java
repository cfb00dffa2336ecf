package io.cordon.client.gate.emergency;

import com.google.rpc.BadRequest;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.gate.EmergencyBackend;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 一键开启应急卡口 (guideline §5.2.9). The control that is always visible binds its enabled state to
 * {@link #availableProperty()} (connected, and the user is an operator or supervisor). Clicking it
 * shows the request: a reason, the {@link Scope} and optionally a second person with their
 * password; {@link #openCommand()} sends it. From then on the view model follows {@code
 * WatchEmergency} — reopened by itself when it breaks — and shows every gate's progress (commanded,
 * queued, confirmed, failed with a retry, restored), the time since the click ({@link #tick()}),
 * and ends with {@link #endCommand()} and a reason. A send that fails keeps its request id, so
 * trying again never opens a second emergency. Observable state changes on the UI executor only.
 */
public final class EmergencyViewModel implements AutoCloseable {

  /** What the opening does. */
  public enum Scope {
    /** Open the emergency gates only. */
    EMERGENCY_GATES,
    /** And switch every other gate to evacuation mode: exits free, entries for emergency vehicles only. */
    EVACUATION
  }

  public static final int MIN_REASON_LENGTH = 2;
  public static final int MAX_REASON_LENGTH = 200;
  public static final List<Role> AUTHORISED_ROLES = List.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR);

  public static final String ERROR_DENIED = "emergency.error.denied";
  public static final String ERROR_ACTIVE = "emergency.error.active";
  public static final String ERROR_SECOND_PERSON = "emergency.error.secondPerson";
  public static final String ERROR_INVALID = "emergency.error.invalid";
  public static final String ERROR_UNAVAILABLE = "emergency.error.unavailable";
  public static final String ERROR_FAILED = "emergency.error.failed";

  private static final Logger log = LoggerFactory.getLogger(EmergencyViewModel.class);

  private final EmergencyBackend backend;
  private final Clock clock;
  private final Executor ui;
  private final EmergencyWatch watch;

  private final ReadOnlyBooleanWrapper authorised = new ReadOnlyBooleanWrapper(this, "authorised");
  private final BooleanBinding available;
  private final ReadOnlyObjectWrapper<ConnectionState> watchState =
      new ReadOnlyObjectWrapper<>(this, "watchState", ConnectionState.DISCONNECTED);

  private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
  private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.EMERGENCY_GATES);
  private final StringProperty secondPerson = new SimpleStringProperty(this, "secondPerson", "");
  private final StringProperty secondPassword = new SimpleStringProperty(this, "secondPassword", "");
  private final StringProperty endReason = new SimpleStringProperty(this, "endReason", "");

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");

  private final ReadOnlyStringWrapper emergencyId = new ReadOnlyStringWrapper(this, "emergencyId", "");
  private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
  private final ReadOnlyObjectWrapper<Scope> activeScope = new ReadOnlyObjectWrapper<>(this, "activeScope");
  private final ReadOnlyStringWrapper activeReason = new ReadOnlyStringWrapper(this, "activeReason", "");
  private final ReadOnlyStringWrapper openedBy = new ReadOnlyStringWrapper(this, "openedBy", "");
  private final ReadOnlyStringWrapper confirmedBy = new ReadOnlyStringWrapper(this, "confirmedBy", "");
  private final ReadOnlyObjectWrapper<Instant> openedAt = new ReadOnlyObjectWrapper<>(this, "openedAt");
  private final ReadOnlyObjectWrapper<Instant> endedAt = new ReadOnlyObjectWrapper<>(this, "endedAt");
  private final ReadOnlyStringWrapper endedBy = new ReadOnlyStringWrapper(this, "endedBy", "");
  private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(this, "elapsed", Duration.ZERO);
  private final ReadOnlyObjectWrapper<Duration> allConfirmedAfter =
      new ReadOnlyObjectWrapper<>(this, "allConfirmedAfter");
  private final ReadOnlyIntegerWrapper confirmedCount = new ReadOnlyIntegerWrapper(this, "confirmedCount");
  private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper(this, "failedCount");
  private final ObservableList<EmergencyGateRow> gates = FXCollections.observableArrayList();
  /** One wrapper for every caller: listeners on a wrapper live as long as it. */
  private final ObservableList<EmergencyGateRow> gatesReadOnly = FXCollections.unmodifiableObservableList(gates);
  private final Map<String, EmergencyGateRow> rows = new HashMap<>();

  private final Command openCommand;
  private final Command endCommand;
  // UI thread only
  private long seq;
  private String openRequestId;
  private String endRequestId;

  /**
   * @param connected true while the client is connected
   * @param timer where the reopening of a broken watch waits
   */
  public EmergencyViewModel(EmergencyBackend backend, Session session, ObservableBooleanValue connected, Clock clock,
      Executor ui, ScheduledExecutorService timer) {
    this(backend, session, connected, clock, ui, timer, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5)));
  }

  public EmergencyViewModel(EmergencyBackend backend, Session session, ObservableBooleanValue connected, Clock clock,
      Executor ui, ScheduledExecutorService timer, Backoff backoff) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ui = Objects.requireNonNull(ui, "ui");
    Objects.requireNonNull(connected, "connected");
    authorised.set(AUTHORISED_ROLES.stream().anyMatch(Objects.requireNonNull(session, "session")::hasRole));
    available = Bindings.createBooleanBinding(() -> connected.get() && authorised.get(), connected, authorised);
    watch = new EmergencyWatch(backend, ui, timer, backoff, this::apply, watchState::set);

    reason.addListener((o, a, b) -> forgetOpenRequest());
    scope.addListener((o, a, b) -> forgetOpenRequest());
    secondPerson.addListener((o, a, b) -> forgetOpenRequest());
    secondPassword.addListener((o, a, b) -> forgetOpenRequest());
    endReason.addListener((o, a, b) -> {
      if (!busy.get()) {
        endRequestId = null;
      }
    });
    BooleanBinding requestValid = Bindings.createBooleanBinding(
        () -> isValidReason(reason.get()) && scope.get() != null
            && (blank(secondPerson.get()) || !secondPassword.get().isEmpty()),
        reason, scope, secondPerson, secondPassword);
    openCommand = SimpleCommand.of(this::open, Bindings.createBooleanBinding(
        () -> available.get() && !active.get() && requestValid.get() && !busy.get(),
        available, active, requestValid, busy));
    endCommand = SimpleCommand.of(this::end, Bindings.createBooleanBinding(
        () -> available.get() && active.get() && isValidReason(endReason.get()) && !busy.get(),
        available, active, endReason, busy));
  }

  /** Starts following {@code WatchEmergency}; call once, after signing in. */
  public void start() {
    watch.start();
  }

  @Override
  public void close() {
    watch.close();
  }

  // --- the request ---------------------------------------------------------------------------

  /** Whether the one-click control is enabled: connected, and the user may open gates. */
  public BooleanBinding availableProperty() {
    return available;
  }

  public ReadOnlyBooleanProperty authorisedProperty() {
    return authorised.getReadOnlyProperty();
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public ObjectProperty<Scope> scopeProperty() {
    return scope;
  }

  /** The user name of a second person confirming; empty = none. */
  public StringProperty secondPersonProperty() {
    return secondPerson;
  }

  /** Their password: checked by the server, never stored; required once a second person is named. */
  public StringProperty secondPasswordProperty() {
    return secondPassword;
  }

  /** Sends the opening; executable while available, no emergency is active, and the request is complete. */
  public Command openCommand() {
    return openCommand;
  }

  public StringProperty endReasonProperty() {
    return endReason;
  }

  /** Ends the active emergency with {@link #endReasonProperty()}; restores every gate's normal mode. */
  public Command endCommand() {
    return endCommand;
  }

  /** Clears the request (the dialog opened again). */
  public void clearRequest() {
    if (busy.get()) {
      return;
    }
    reason.set("");
    scope.set(Scope.EMERGENCY_GATES);
    secondPerson.set("");
    secondPassword.set("");
    errorKey.set("");
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** One of the {@code ERROR_…} keys after a failure, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** The state of the emergency watch (RECONNECTING while it is being reopened). */
  public ReadOnlyObjectProperty<ConnectionState> watchStateProperty() {
    return watchState.getReadOnlyProperty();
  }

  // --- the emergency -------------------------------------------------------------------------

  public ReadOnlyBooleanProperty activeProperty() {
    return active.getReadOnlyProperty();
  }

  /** The emergency shown (the active one, or the last one that ended); empty when none. */
  public ReadOnlyStringProperty emergencyIdProperty() {
    return emergencyId.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Scope> activeScopeProperty() {
    return activeScope.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty activeReasonProperty() {
    return activeReason.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty openedByProperty() {
    return openedBy.getReadOnlyProperty();
  }

  /** The second person who confirmed the opening, empty if none. */
  public ReadOnlyStringProperty confirmedByProperty() {
    return confirmedBy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> openedAtProperty() {
    return openedAt.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> endedAtProperty() {
    return endedAt.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty endedByProperty() {
    return endedBy.getReadOnlyProperty();
  }

  /** Time since the click (to the end, once ended); updated by {@link #tick()} and every change. */
  public ReadOnlyObjectProperty<Duration> elapsedProperty() {
    return elapsed.getReadOnlyProperty();
  }

  /** From the click to the last gate's confirmation, once every gate is confirmed; null before. */
  public ReadOnlyObjectProperty<Duration> allConfirmedAfterProperty() {
    return allConfirmedAfter.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty confirmedCountProperty() {
    return confirmedCount.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty failedCountProperty() {
    return failedCount.getReadOnlyProperty();
  }

  /** Every gate the emergency commands, in park order, each updated in place. */
  public ObservableList<EmergencyGateRow> gates() {
    return gatesReadOnly;
  }

  /** Recomputes the elapsed time from the clock; the view calls it a few times a second. */
  public void tick() {
    Instant from = openedAt.get();
    if (from == null) {
      elapsed.set(Duration.ZERO);
      return;
    }
    Instant to = endedAt.get() != null ? endedAt.get() : clock.instant();
    Duration d = Duration.between(from, to);
    elapsed.set(d.isNegative() ? Duration.ZERO : d);
  }

  /** Applies one status from the watch or an answer; older ones of the same emergency are ignored. */
  void apply(EmergencyStatus status) {
    boolean sameEmergency = status.getEmergencyId().equals(emergencyId.get());
    if (sameEmergency && status.getSeq() != 0 && status.getSeq() < seq) {
      return;
    }
    if (!active.get() && !status.getActive() && status.getEmergencyId().isEmpty() && !emergencyId.get().isEmpty()) {
      return; // "none has ever been opened" never hides an emergency we showed
    }
    seq = status.getSeq();
    if (!sameEmergency) {
      gates.clear();
      rows.clear();
      allConfirmedAfter.set(null);
    }
    emergencyId.set(status.getEmergencyId());
    activeScope.set(status.getScope() == EmergencyScope.EMERGENCY_SCOPE_EVACUATION ? Scope.EVACUATION
        : status.getScope() == EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES ? Scope.EMERGENCY_GATES : null);
    activeReason.set(status.getReason());
    openedBy.set(status.getOpenedBy());
    confirmedBy.set(status.getSecondPerson());
    openedAt.set(status.hasOpenedAt() ? EmergencyGateRow.instant(status.getOpenedAt()) : null);
    endedAt.set(status.hasEndedAt() ? EmergencyGateRow.instant(status.getEndedAt()) : null);
    endedBy.set(status.getEndedBy());
    for (EmergencyGateProgress p : status.getGatesList()) {
      EmergencyGateRow row = rows.get(p.getGateId());
      if (row == null) {
        row = new EmergencyGateRow(p.getGateId(), available, this::retry);
        rows.put(p.getGateId(), row);
        gates.add(row);
      }
      row.update(p);
    }
    active.set(status.getActive());
    count();
    tick();
  }

  private void count() {
    int confirmed = 0;
    int failed = 0;
    Instant last = null;
    for (EmergencyGateRow row : gates) {
      if (row.progress() == GateProgress.CONFIRMED || row.progress() == GateProgress.RESTORED) {
        confirmed++;
        Instant at = row.confirmedAtProperty().get();
        if (at != null && (last == null || at.isAfter(last))) {
          last = at;
        }
      } else if (row.progress() == GateProgress.FAILED) {
        failed++;
      }
    }
    confirmedCount.set(confirmed);
    failedCount.set(failed);
    if (allConfirmedAfter.get() == null && !gates.isEmpty() && confirmed == gates.size() && last != null
        && openedAt.get() != null) {
      allConfirmedAfter.set(Duration.between(openedAt.get(), last));
    }
  }

  // --- sending -------------------------------------------------------------------------------

  private void forgetOpenRequest() {
    if (!busy.get()) {
      openRequestId = null;
    }
  }

  private void open() {
    if (openRequestId == null) {
      openRequestId = UUID.randomUUID().toString();
    }
    String sent = openRequestId;
    OpenEmergencyRequest.Builder request = OpenEmergencyRequest.newBuilder()
        .setRequestId(sent)
        .setReason(reason.get().strip())
        .setScope(scope.get() == Scope.EVACUATION ? EmergencyScope.EMERGENCY_SCOPE_EVACUATION
            : EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES);
    if (!blank(secondPerson.get())) {
      request.setSecondPerson(secondPerson.get().strip()).setSecondPassword(secondPassword.get());
    }
    send(() -> backend.openEmergency(request.build()), () -> {
      if (sent.equals(openRequestId)) {
        openRequestId = null;
      }
      secondPassword.set("");
    });
  }

  private void end() {
    if (endRequestId == null) {
      endRequestId = UUID.randomUUID().toString();
    }
    String sent = endRequestId;
    EndEmergencyRequest request = EndEmergencyRequest.newBuilder()
        .setRequestId(sent)
        .setEmergencyId(emergencyId.get())
        .setReason(endReason.get().strip())
        .build();
    send(() -> backend.endEmergency(request), () -> {
      if (sent.equals(endRequestId)) {
        endRequestId = null;
      }
      endReason.set("");
    });
  }

  private void retry(EmergencyGateRow row) {
    if (row.retryRequestId == null) {
      row.retryRequestId = UUID.randomUUID().toString();
    }
    RetryEmergencyGateRequest request = RetryEmergencyGateRequest.newBuilder()
        .setRequestId(row.retryRequestId)
        .setEmergencyId(emergencyId.get())
        .setGateId(row.gateId())
        .build();
    row.setRetrying(true);
    errorKey.set("");
    call(() -> backend.retryEmergencyGate(request)).whenCompleteAsync((status, failure) -> {
      row.setRetrying(false);
      if (failure != null) {
        errorKey.set(errorKeyOf(failure));
        return;
      }
      row.retryRequestId = null;
      apply(status);
    }, ui);
  }

  private void send(Supplier<CompletableFuture<EmergencyStatus>> call, Runnable succeeded) {
    busy.set(true);
    errorKey.set("");
    call(call).whenCompleteAsync((status, failure) -> {
      busy.set(false);
      if (failure != null) {
        log.warn("Emergency request failed: {}", failure.toString());
        errorKey.set(errorKeyOf(failure));
        return;
      }
      succeeded.run();
      apply(status);
    }, ui);
  }

  private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  static String errorKeyOf(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    if (namesSecondPerson(failure)) {
      return ERROR_SECOND_PERSON;
    }
    switch (status.getCode()) {
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return ERROR_DENIED;
      case FAILED_PRECONDITION:
      case ALREADY_EXISTS:
        return ERROR_ACTIVE;
      case INVALID_ARGUMENT:
      case NOT_FOUND:
        return ERROR_INVALID;
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return ERROR_UNAVAILABLE;
      default:
        return ERROR_FAILED;
    }
  }

  private static boolean namesSecondPerson(Throwable failure) {
    com.google.rpc.Status status = StatusProto.fromThrowable(failure);
    if (status == null) {
      return false;
    }
    for (com.google.protobuf.Any detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
              .anyMatch(v -> v.getField().startsWith("second"));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return false;
        }
      }
    }
    return false;
  }

  static boolean isValidReason(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.length() >= MIN_REASON_LENGTH && stripped.length() <= MAX_REASON_LENGTH
        && stripped.chars().noneMatch(Character::isISOControl);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
