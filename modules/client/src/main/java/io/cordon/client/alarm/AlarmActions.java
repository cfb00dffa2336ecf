package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.DispatchTask;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.client.auth.Session;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.domain.alarm.Severity;
import io.grpc.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * The operator's actions on the alarm in view ({@code alarm}, usually the detail's), as commands
 * whose enabled state is a binding on the alarm's state, the session's role, the connection and
 * the inputs: acknowledge (one click), dispatch, on site, resolve (only once the SOP's mandatory
 * steps are done — {@link #resolveBlockedKeyBinding()} says why not), close, answer or skip a SOP
 * step, forward, snooze the source, and a manual report.
 *
 * <p>Every action goes to {@code AlarmService.Act} with a fresh request id and the version of the
 * alarm the operator was looking at; the answer goes into the store. When someone else changed the
 * alarm first (FAILED_PRECONDITION) {@link #errorKeyProperty()} becomes {@link #ERROR_CONFLICT}
 * ("someone else changed this alarm") and the alarm is fetched again. Calls run through the
 * {@link AlarmBackend} (deadline, background executor); results land on the UI executor.
 *
 * <p>Once an alarm is taken only its assignee (or a supervisor) handles it further; admins read only.
 */
public final class AlarmActions {

  /** The roles that may act on alarms (the server's access policy says the same). */
  public static final List<Role> ACTING_ROLES = List.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR);

  public static final String ERROR_CONFLICT = "alarm.error.conflict";
  public static final String ERROR_DENIED = "alarm.error.denied";
  public static final String ERROR_NOT_FOUND = "alarm.error.notFound";
  public static final String ERROR_INVALID = "alarm.error.invalid";
  public static final String ERROR_UNAVAILABLE = "alarm.error.unavailable";
  public static final String ERROR_FAILED = "alarm.error.failed";
  /** Why resolve is disabled: mandatory SOP steps are still open. */
  public static final String BLOCKED_SOP = "alarm.action.resolve.blocked.sop";
  /** Why an action is disabled: another operator has taken the alarm. */
  public static final String BLOCKED_TAKEN = "alarm.action.blocked.taken";
  /** Why an action is disabled: the role may only read. */
  public static final String BLOCKED_ROLE = "alarm.action.blocked.role";

  public static final int MIN_TEXT = 2;
  public static final int MAX_REASON = 200;
  public static final int MAX_NOTE = 500;
  public static final int MAX_TEAM = 64;
  public static final int MAX_TASK_TEXT = 500;
  public static final int MAX_VOICE = 200;
  public static final int MAX_DETAIL = 256;
  public static final int MAX_FORWARD = 5;
  public static final int MIN_FORWARD_DELAY = 10;
  public static final int MAX_FORWARD_DELAY = 3600;
  public static final int MAX_SNOOZE_MINUTES = 1440;

  private final AlarmBackend backend;
  private final AlarmStore store;
  private final Session session;
  private final ObservableBooleanValue connected;
  private final ObservableValue<Alarm> alarm;
  private final Executor ui;
  private final boolean actingRole;
  private final boolean supervisor;

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail", "");

  private final StringProperty note = new SimpleStringProperty(this, "note", "");
  private final StringProperty team = new SimpleStringProperty(this, "team", "");
  private final StringProperty taskText = new SimpleStringProperty(this, "taskText", "");
  private final StringProperty voiceMessage = new SimpleStringProperty(this, "voiceMessage", "");
  private final ObjectProperty<AlarmVerdict> verdict = new SimpleObjectProperty<>(this, "verdict");
  private final StringProperty cause = new SimpleStringProperty(this, "cause", "");
  private final StringProperty skipReason = new SimpleStringProperty(this, "skipReason", "");
  private final StringProperty forwardTo = new SimpleStringProperty(this, "forwardTo", "");
  private final IntegerProperty forwardDelaySeconds = new SimpleIntegerProperty(this, "forwardDelaySeconds", 60);
  private final IntegerProperty snoozeMinutes = new SimpleIntegerProperty(this, "snoozeMinutes", 30);
  private final StringProperty snoozeReason = new SimpleStringProperty(this, "snoozeReason", "");
  private final ObjectProperty<AlarmType> manualType =
      new SimpleObjectProperty<>(this, "manualType", AlarmType.ALARM_TYPE_MANUAL);
  private final ObjectProperty<Severity> manualSeverity = new SimpleObjectProperty<>(this, "manualSeverity", Severity.MAJOR);
  private final ObjectProperty<LonLat> manualLocation = new SimpleObjectProperty<>(this, "manualLocation");
  private final StringProperty manualDetail = new SimpleStringProperty(this, "manualDetail", "");

  private final BooleanBinding canAcknowledge;
  private final BooleanBinding canDispatch;
  private final BooleanBinding canResolve;
  private final BooleanBinding canAnswerSop;
  private final BooleanBinding canForward;
  private final BooleanBinding canSnooze;
  private final StringBinding resolveBlockedKey;
  private final Command acknowledge;
  private final Command dispatch;
  private final Command onSite;
  private final Command resolve;
  private final Command close;
  private final Command forward;
  private final Command snooze;
  private final Command reportManual;

  /**
   * @param alarm the alarm the operator is looking at (e.g. the detail view model's alarm)
   * @param connected true while the alarm stream is connected
   */
  public AlarmActions(AlarmBackend backend, AlarmStore store, Session session, ObservableBooleanValue connected,
      ObservableValue<Alarm> alarm, Executor ui) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.store = Objects.requireNonNull(store, "store");
    this.session = Objects.requireNonNull(session, "session");
    this.connected = Objects.requireNonNull(connected, "connected");
    this.alarm = Objects.requireNonNull(alarm, "alarm");
    this.ui = Objects.requireNonNull(ui, "ui");
    actingRole = ACTING_ROLES.stream().anyMatch(session::hasRole);
    supervisor = session.hasRole(Role.ROLE_SUPERVISOR);

    canAcknowledge = when(() -> isNewAlarm(alarm.getValue()));
    canDispatch = when(() -> handles(alarm.getValue(), AlarmState.ALARM_STATE_ACKNOWLEDGED));
    BooleanBinding canOnSite = when(() -> handles(alarm.getValue(), AlarmState.ALARM_STATE_DISPATCHED));
    canResolve = when(() -> resolvable(alarm.getValue()) && AlarmDetailViewModel.isMandatoryDone(alarm.getValue()));
    BooleanBinding canClose = when(() -> handles(alarm.getValue(), AlarmState.ALARM_STATE_RESOLVED));
    canAnswerSop = when(() -> resolvable(alarm.getValue()));
    canForward = when(() -> alarm.getValue() != null && AlarmProtos.isOpen(alarm.getValue().getState())
        && mayHandle(alarm.getValue()));
    canSnooze = when(() -> alarm.getValue() != null && !alarm.getValue().getSourceKind().isEmpty()
        && !alarm.getValue().getSourceId().isEmpty());
    resolveBlockedKey = Bindings.createStringBinding(this::resolveBlocked, alarm);

    acknowledge = SimpleCommand.of(() -> send(alarm.getValue(), b -> b.setAcknowledge(
        AlarmActionRequest.Acknowledge.getDefaultInstance())), canAcknowledge);
    dispatch = SimpleCommand.of(this::sendDispatch, both(canDispatch, () -> isText(team.get(), 1, MAX_TEAM)
        && isText(taskText.get(), 1, MAX_TASK_TEXT) && isOptional(voiceMessage.get(), MAX_VOICE),
        team, taskText, voiceMessage));
    onSite = SimpleCommand.of(() -> send(alarm.getValue(), b -> b.setOnSite(
        AlarmActionRequest.OnSite.getDefaultInstance())), canOnSite);
    resolve = SimpleCommand.of(this::sendResolve, both(canResolve, () -> verdict.get() != null
        && verdict.get() != AlarmVerdict.ALARM_VERDICT_UNSPECIFIED && verdict.get() != AlarmVerdict.UNRECOGNIZED
        && isText(cause.get(), MIN_TEXT, MAX_REASON), verdict, cause));
    close = SimpleCommand.of(() -> send(alarm.getValue(), b -> b.setClose(
        AlarmActionRequest.Close.getDefaultInstance())), canClose);
    forward = SimpleCommand.of(this::sendForward, both(canForward, () -> {
      int n = recipients().size();
      int delay = forwardDelaySeconds.get();
      return n >= 1 && n <= MAX_FORWARD && delay >= MIN_FORWARD_DELAY && delay <= MAX_FORWARD_DELAY;
    }, forwardTo, forwardDelaySeconds));
    snooze = SimpleCommand.of(this::sendSnooze, both(canSnooze, () -> snoozeMinutes.get() >= 1
        && snoozeMinutes.get() <= MAX_SNOOZE_MINUTES && isText(snoozeReason.get(), MIN_TEXT, MAX_REASON),
        snoozeMinutes, snoozeReason));
    reportManual = SimpleCommand.of(this::sendManual, Bindings.createBooleanBinding(
        () -> actingRole && connected.get() && !busy.get() && manualLocation.get() != null
            && manualSeverity.get() != null && manualType.get() != null
            && isText(manualDetail.get(), MIN_TEXT, MAX_DETAIL),
        connected, busy, manualLocation, manualSeverity, manualType, manualDetail));
  }

  // ---- state ----------------------------------------------------------------------------------

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** One of the {@code ERROR_…} keys after a failure, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** The server's words with the last error (e.g. the alarm's current state and version). */
  public ReadOnlyStringProperty errorDetailProperty() {
    return errorDetail.getReadOnlyProperty();
  }

  /** Whether the session may act on alarms at all (views hide the actions otherwise). */
  public boolean isAuthorised() {
    return actingRole;
  }

  // ---- inputs ---------------------------------------------------------------------------------

  /** An optional note sent with the next action (≤ 500 chars). */
  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty teamProperty() {
    return team;
  }

  public StringProperty taskTextProperty() {
    return taskText;
  }

  public StringProperty voiceMessageProperty() {
    return voiceMessage;
  }

  public ObjectProperty<AlarmVerdict> verdictProperty() {
    return verdict;
  }

  public StringProperty causeProperty() {
    return cause;
  }

  public StringProperty skipReasonProperty() {
    return skipReason;
  }

  /** User names, separated by commas, semicolons or spaces, in the order they get the alarm. */
  public StringProperty forwardToProperty() {
    return forwardTo;
  }

  public IntegerProperty forwardDelaySecondsProperty() {
    return forwardDelaySeconds;
  }

  public IntegerProperty snoozeMinutesProperty() {
    return snoozeMinutes;
  }

  public StringProperty snoozeReasonProperty() {
    return snoozeReason;
  }

  public ObjectProperty<AlarmType> manualTypeProperty() {
    return manualType;
  }

  public ObjectProperty<Severity> manualSeverityProperty() {
    return manualSeverity;
  }

  public ObjectProperty<LonLat> manualLocationProperty() {
    return manualLocation;
  }

  public StringProperty manualDetailProperty() {
    return manualDetail;
  }

  // ---- availability (for keys and buttons that open a dialog) -----------------------------------

  public ObservableBooleanValue canAcknowledgeBinding() {
    return canAcknowledge;
  }

  public ObservableBooleanValue canDispatchBinding() {
    return canDispatch;
  }

  /** Resolve is possible now, inputs aside (false while mandatory SOP steps are open). */
  public ObservableBooleanValue canResolveBinding() {
    return canResolve;
  }

  public ObservableBooleanValue canAnswerSopBinding() {
    return canAnswerSop;
  }

  public ObservableBooleanValue canForwardBinding() {
    return canForward;
  }

  public ObservableBooleanValue canSnoozeBinding() {
    return canSnooze;
  }

  /** Why resolve is disabled ({@link #BLOCKED_SOP}, {@link #BLOCKED_TAKEN}, {@link #BLOCKED_ROLE}); empty otherwise. */
  public StringBinding resolveBlockedKeyBinding() {
    return resolveBlockedKey;
  }

  // ---- commands -------------------------------------------------------------------------------

  public Command acknowledgeCommand() {
    return acknowledge;
  }

  public Command dispatchCommand() {
    return dispatch;
  }

  public Command onSiteCommand() {
    return onSite;
  }

  public Command resolveCommand() {
    return resolve;
  }

  public Command closeCommand() {
    return close;
  }

  public Command forwardCommand() {
    return forward;
  }

  public Command snoozeCommand() {
    return snooze;
  }

  public Command reportManualCommand() {
    return reportManual;
  }

  /** Answers one SOP step ({@link SopStepRow#DONE_ANSWER} for a plain step); executable while it is next. */
  public Command answerCommand(String stepId, String answerId) {
    return SimpleCommand.of(() -> send(alarm.getValue(), b -> b.setAnswerStep(AlarmActionRequest.AnswerSopStep
        .newBuilder().setStepId(stepId).setAnswerId(answerId))), both(canAnswerSop, () -> isNextStep(stepId)));
  }

  /** Skips one SOP step with {@link #skipReasonProperty()} (the supervisors are told). */
  public Command skipCommand(String stepId) {
    return SimpleCommand.of(() -> send(alarm.getValue(), b -> b.setSkipStep(AlarmActionRequest.SkipSopStep
            .newBuilder().setStepId(stepId).setReason(skipReason.get().strip()))),
        both(canAnswerSop, () -> isNextStep(stepId) && isText(skipReason.get(), MIN_TEXT, MAX_REASON), skipReason));
  }

  /** Whether {@code row}'s alarm can be taken with one click (the queue's per-row button). */
  public boolean canAcknowledge(Alarm row) {
    return row != null && actingRole && connected.get() && !busy.get()
        && row.getState() == AlarmState.ALARM_STATE_NEW;
  }

  /** Takes {@code row}'s alarm (one click on its row), at the version the row shows. */
  public void acknowledge(Alarm row) {
    if (canAcknowledge(row)) {
      send(row, b -> b.setAcknowledge(AlarmActionRequest.Acknowledge.getDefaultInstance()));
    }
  }

  // ---- rules ----------------------------------------------------------------------------------

  private BooleanBinding when(Callable<Boolean> rule) {
    return Bindings.createBooleanBinding(() -> actingRole && connected.get() && !busy.get() && rule.call(),
        alarm, connected, busy);
  }

  private static BooleanBinding both(BooleanBinding first, Callable<Boolean> second, Observable... inputs) {
    Observable[] all = Arrays.copyOf(inputs, inputs.length + 1);
    all[inputs.length] = first;
    return Bindings.createBooleanBinding(() -> first.get() && second.call(), all);
  }

  /** Someone else's alarm is theirs to handle; a supervisor may step in. */
  private boolean mayHandle(Alarm a) {
    return supervisor || a.getAssignee().isEmpty() || a.getAssignee().equals(session.username());
  }

  private boolean handles(Alarm a, AlarmState state) {
    return a != null && a.getState() == state && mayHandle(a);
  }

  /** Taken and not yet resolved: the SOP can be worked and the alarm resolved (a false alarm needs no dispatch). */
  private boolean resolvable(Alarm a) {
    return a != null && mayHandle(a) && (a.getState() == AlarmState.ALARM_STATE_ACKNOWLEDGED
        || a.getState() == AlarmState.ALARM_STATE_DISPATCHED || a.getState() == AlarmState.ALARM_STATE_ON_SITE);
  }

  private boolean isNextStep(String stepId) {
    Alarm a = alarm.getValue();
    return a != null && a.getSop().getNextStepIdsList().contains(stepId);
  }

  private String resolveBlocked() {
    Alarm a = alarm.getValue();
    if (a == null) {
      return "";
    }
    if (!actingRole) {
      return BLOCKED_ROLE;
    }
    if (!mayHandle(a)) {
      return BLOCKED_TAKEN;
    }
    if (resolvable(a) && !AlarmDetailViewModel.isMandatoryDone(a)) {
      return BLOCKED_SOP;
    }
    return "";
  }

  private static boolean isNewAlarm(Alarm a) {
    return a != null && a.getState() == AlarmState.ALARM_STATE_NEW;
  }

  static boolean isText(String text, int min, int max) {
    String stripped = text == null ? "" : text.strip();
    return stripped.length() >= min && stripped.length() <= max;
  }

  private static boolean isOptional(String text, int max) {
    return text == null || text.strip().length() <= max;
  }

  /** The forward list as typed: names split on commas, semicolons and white space. */
  public List<String> recipients() {
    String text = forwardTo.get() == null ? "" : forwardTo.get();
    return Arrays.stream(text.split("[,;，；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // ---- sending --------------------------------------------------------------------------------

  private void sendDispatch() {
    DispatchTask.Builder task = DispatchTask.newBuilder().setTeam(team.get().strip()).setText(taskText.get().strip());
    if (voiceMessage.get() != null && !voiceMessage.get().isBlank()) {
      task.setVoiceMessage(voiceMessage.get().strip());
    }
    send(alarm.getValue(), b -> b.setDispatch(AlarmActionRequest.Dispatch.newBuilder().setTask(task)));
  }

  private void sendResolve() {
    send(alarm.getValue(), b -> b.setResolve(AlarmActionRequest.Resolve.newBuilder()
        .setVerdict(verdict.get()).setCause(cause.get().strip())));
  }

  private void sendForward() {
    send(alarm.getValue(), b -> b.setForward(AlarmActionRequest.Forward.newBuilder()
        .addAllTo(recipients()).setDelaySeconds(forwardDelaySeconds.get())));
  }

  private void sendSnooze() {
    Alarm a = alarm.getValue();
    SnoozeRequest request = SnoozeRequest.newBuilder()
        .setRequestId(newRequestId())
        .setSourceKind(a.getSourceKind())
        .setSourceId(a.getSourceId())
        .setMinutes(snoozeMinutes.get())
        .setReason(snoozeReason.get().strip())
        .build();
    run(null, backend.snooze(request), response -> {
      store.setSnoozes(response.getSnoozesList());
      snoozeReason.set("");
    });
  }

  private void sendManual() {
    ManualAlarmRequest request = ManualAlarmRequest.newBuilder()
        .setRequestId(newRequestId())
        .setType(manualType.get())
        .setSeverity(AlarmProtos.toProto(manualSeverity.get()))
        .setLocation(manualLocation.get())
        .setDetail(manualDetail.get().strip())
        .build();
    run(null, backend.reportManual(request), raised -> {
      store.put(raised);
      manualDetail.set("");
    });
  }

  /** Sends one lifecycle action on {@code target} at the version it has now. */
  private void send(Alarm target, Consumer<AlarmActionRequest.Builder> action) {
    AlarmActionRequest.Builder request = AlarmActionRequest.newBuilder()
        .setRequestId(newRequestId())
        .setAlarmId(target.getAlarmId())
        .setExpectedVersion(target.getVersion());
    if (note.get() != null && !note.get().isBlank()) {
      request.setNote(note.get().strip());
    }
    action.accept(request);
    AlarmActionRequest built = request.build();
    run(target.getAlarmId(), backend.act(built), answer -> {
      store.put(answer);
      clearInputsAfter(built.getActionCase());
    });
  }

  private <T> void run(String alarmId, CompletableFuture<T> call, Consumer<T> onSuccess) {
    busy.set(true);
    errorKey.set("");
    errorDetail.set("");
    call.whenCompleteAsync((answer, failure) -> {
      busy.set(false);
      if (failure == null) {
        onSuccess.accept(answer);
        return;
      }
      Status status = Status.fromThrowable(failure);
      errorDetail.set(status.getDescription() == null ? "" : status.getDescription());
      errorKey.set(errorKeyOf(status));
      if (status.getCode() == Status.Code.FAILED_PRECONDITION && alarmId != null) {
        refresh(alarmId);
      }
    }, ui);
  }

  /** Fetches the alarm as it is now, so the operator sees what the other one did. */
  private void refresh(String alarmId) {
    backend.get(alarmId).whenComplete((fresh, failure) -> {
      if (fresh != null) {
        store.put(fresh);
      }
    });
  }

  private void clearInputsAfter(AlarmActionRequest.ActionCase action) {
    note.set("");
    switch (action) {
      case DISPATCH:
        team.set("");
        taskText.set("");
        voiceMessage.set("");
        break;
      case RESOLVE:
        verdict.set(null);
        cause.set("");
        break;
      case SKIP_STEP:
        skipReason.set("");
        break;
      case FORWARD:
        forwardTo.set("");
        break;
      default:
        break;
    }
  }

  private static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  static String errorKeyOf(Status status) {
    switch (status.getCode()) {
      case FAILED_PRECONDITION:
      case ABORTED:
        return ERROR_CONFLICT;
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return ERROR_DENIED;
      case NOT_FOUND:
        return ERROR_NOT_FOUND;
      case INVALID_ARGUMENT:
        return ERROR_INVALID;
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return ERROR_UNAVAILABLE;
      default:
        return ERROR_FAILED;
    }
  }
}
