package io.cordon.client.gate;

import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.domain.park.Gate;
import io.grpc.Status;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Opens or closes one gate with a reason (the map's right-click on a gate, the gates view). The
 * view sets {@link #gateProperty()} and {@link #actionProperty()}, binds a text field to {@link
 * #reasonProperty()}, shows {@link #descriptionProperty()} as the confirmation (it is also what the
 * server audits) and runs {@link #sendCommand()}. The command is executable only while connected,
 * for an operator or supervisor, with a gate, an action and a reason of 2..200 characters, and not
 * while one is in flight. Retrying after a failure reuses the request id, so the server issues the
 * command at most once. Results and errors change on the UI executor.
 */
public final class GateCommandViewModel {

  /** What to do with the gate. */
  public enum Action { OPEN, CLOSE }

  public static final int MIN_REASON_LENGTH = 2;
  public static final int MAX_REASON_LENGTH = 200;
  /** The roles that may command a gate (the server's access policy says the same). */
  public static final List<Role> AUTHORISED_ROLES = List.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR);

  public static final String ERROR_DENIED = "gate.command.error.denied";
  public static final String ERROR_NOT_FOUND = "gate.command.error.notFound";
  public static final String ERROR_INVALID = "gate.command.error.invalid";
  public static final String ERROR_UNAVAILABLE = "gate.command.error.unavailable";
  public static final String ERROR_FAILED = "gate.command.error.failed";
  /** Message keys of the description, with the arguments gate id, gate name, reason. */
  public static final String DESCRIPTION_OPEN = "gate.command.open";
  public static final String DESCRIPTION_CLOSE = "gate.command.close";
  /** Message keys of the description of a one-lane command, with the arguments gate id, gate name, reason, lane. */
  public static final String DESCRIPTION_OPEN_LANE = "gate.command.open.lane";
  public static final String DESCRIPTION_CLOSE_LANE = "gate.command.close.lane";

  private final GateBackend backend;
  private final Executor ui;
  private final ObjectProperty<Gate> gate = new SimpleObjectProperty<>(this, "gate");
  private final ObjectProperty<Action> action = new SimpleObjectProperty<>(this, "action");
  private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
  /** One lane of the gate; null or empty = every lane. */
  private final StringProperty lane = new SimpleStringProperty(this, "lane");
  private final ReadOnlyBooleanWrapper authorised = new ReadOnlyBooleanWrapper(this, "authorised");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyLongWrapper lastCommandSeq = new ReadOnlyLongWrapper(this, "lastCommandSeq");
  private final ReadOnlyBooleanWrapper lastQueued = new ReadOnlyBooleanWrapper(this, "lastQueued");
  private final StringBinding description;
  private final Command sendCommand;
  /** The request id of the command being sent or last failed; null once the inputs change or it succeeded. */
  private String requestId;

  /**
   * @param connected true while the client is connected (e.g. the status view model's state is CONNECTED)
   */
  public GateCommandViewModel(GateBackend backend, Session session, ObservableBooleanValue connected, Executor ui) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.ui = Objects.requireNonNull(ui, "ui");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(connected, "connected");
    authorised.set(AUTHORISED_ROLES.stream().anyMatch(session::hasRole));
    description = Bindings.createStringBinding(this::describe, gate, action, reason, lane);
    // New inputs make a new command, except while one is in flight: its retry must stay the same command.
    gate.addListener((o, a, b) -> forgetRequestUnlessBusy());
    action.addListener((o, a, b) -> forgetRequestUnlessBusy());
    reason.addListener((o, a, b) -> forgetRequestUnlessBusy());
    lane.addListener((o, a, b) -> forgetRequestUnlessBusy());
    BooleanBinding reasonValid = Bindings.createBooleanBinding(() -> isValidReason(reason.get()), reason);
    sendCommand = SimpleCommand.of(this::send, Bindings.createBooleanBinding(
        () -> connected.get() && authorised.get() && gate.get() != null && action.get() != null
            && reasonValid.get() && !busy.get(),
        connected, authorised, gate, action, reasonValid, busy));
  }

  private void forgetRequestUnlessBusy() {
    if (!busy.get()) {
      requestId = null;
    }
  }

  public ObjectProperty<Gate> gateProperty() {
    return gate;
  }

  public ObjectProperty<Action> actionProperty() {
    return action;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  /** The lane to command (e.g. "L1"); null or empty commands every lane of the gate. */
  public StringProperty laneProperty() {
    return lane;
  }

  private boolean oneLane() {
    return lane.get() != null && !lane.get().isBlank();
  }

  /** Whether the session may command gates at all (views hide the actions otherwise). */
  public ReadOnlyBooleanProperty authorisedProperty() {
    return authorised.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** One of the {@code ERROR_…} keys after a failure, empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** The journal seq of the last command the server accepted, 0 before any. */
  public ReadOnlyLongProperty lastCommandSeqProperty() {
    return lastCommandSeq.getReadOnlyProperty();
  }

  /** True when the gate was not listening: the last command waits for it on the server. */
  public ReadOnlyBooleanProperty lastQueuedProperty() {
    return lastQueued.getReadOnlyProperty();
  }

  /**
   * The command in words, e.g. "Open gate G7 West emergency gate: fire drill" — the confirmation
   * text; localised views use {@link #descriptionKey()} with the gate id, name and reason.
   */
  public StringBinding descriptionProperty() {
    return description;
  }

  /**
   * {@link #DESCRIPTION_OPEN} or {@link #DESCRIPTION_CLOSE} (with a lane: {@link
   * #DESCRIPTION_OPEN_LANE} or {@link #DESCRIPTION_CLOSE_LANE}); empty without an action.
   */
  public String descriptionKey() {
    if (action.get() == null) {
      return "";
    }
    if (oneLane()) {
      return action.get() == Action.OPEN ? DESCRIPTION_OPEN_LANE : DESCRIPTION_CLOSE_LANE;
    }
    return action.get() == Action.OPEN ? DESCRIPTION_OPEN : DESCRIPTION_CLOSE;
  }

  public Command sendCommand() {
    return sendCommand;
  }

  static boolean isValidReason(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.length() >= MIN_REASON_LENGTH && stripped.length() <= MAX_REASON_LENGTH
        && stripped.chars().noneMatch(Character::isISOControl);
  }

  private String describe() {
    if (gate.get() == null || action.get() == null) {
      return "";
    }
    String verb = action.get() == Action.OPEN ? "Open" : "Close";
    String what = oneLane() ? " lane " + lane.get().strip() + " of gate " : " gate ";
    return verb + what + gate.get().id() + " " + gate.get().name() + ": " + reason.get().strip();
  }

  private void send() {
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    String sentId = requestId;
    busy.set(true);
    errorKey.set("");
    GateCommandRequest request = GateCommandRequest.newBuilder()
        .setRequestId(sentId)
        .setGateId(gate.get().id().value())
        .setAction(action.get() == Action.OPEN ? GateAction.GATE_ACTION_OPEN : GateAction.GATE_ACTION_CLOSE)
        .setReason(reason.get().strip())
        .setLaneId(oneLane() ? lane.get().strip() : "")
        .build();
    backend.command(request).whenCompleteAsync((response, failure) -> finished(sentId, response, failure), ui);
  }

  private void finished(String sentId, GateCommandResponse response, Throwable failure) {
    busy.set(false);
    if (failure != null) {
      errorKey.set(errorKeyOf(failure)); // the request id stays: a retry is the same command
      return;
    }
    if (sentId.equals(requestId)) {
      requestId = null; // done: the next command is a new one
    }
    lastQueued.set(!response.getGateConnected()); // before the seq: listeners of the seq read it
    lastCommandSeq.set(response.getCommandSeq());
  }

  private static String errorKeyOf(Throwable failure) {
    switch (Status.fromThrowable(failure).getCode()) {
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
