package io.cordon.client.gate.emergency;

import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.EmergencyGateProgress;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One gate of the emergency, updated in place as its progress changes, with the command that
 * sends its command again once it failed.
 */
public final class EmergencyGateRow {

  /** HOLD_OPEN: an emergency gate held open; SET_MODE: a gate switched to evacuation mode. */
  public enum Kind { HOLD_OPEN, EVACUATION_MODE, OTHER }

  private final String gateId;
  private final ReadOnlyStringWrapper gateName = new ReadOnlyStringWrapper(this, "gateName", "");
  private final ReadOnlyObjectWrapper<GateProgress> progress =
      new ReadOnlyObjectWrapper<>(this, "progress", GateProgress.UNKNOWN);
  private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.OTHER);
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
  private final ReadOnlyIntegerWrapper attempts = new ReadOnlyIntegerWrapper(this, "attempts");
  private final ReadOnlyObjectWrapper<Instant> commandedAt = new ReadOnlyObjectWrapper<>(this, "commandedAt");
  private final ReadOnlyObjectWrapper<Instant> confirmedAt = new ReadOnlyObjectWrapper<>(this, "confirmedAt");
  private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(this, "retrying");
  private final Command retryCommand;
  /** The request id of a retry that failed to reach the server: the next retry repeats it. */
  String retryRequestId;

  EmergencyGateRow(String gateId, ObservableBooleanValue available, Consumer<EmergencyGateRow> retry) {
    this.gateId = Objects.requireNonNull(gateId, "gateId");
    retryCommand = SimpleCommand.of(() -> retry.accept(this), Bindings.createBooleanBinding(
        () -> available.get() && progress.get() == GateProgress.FAILED && !retrying.get(),
        available, progress, retrying));
  }

  void update(EmergencyGateProgress p) {
    gateName.set(p.getGateName().isEmpty() ? gateId : p.getGateName());
    progress.set(GateProgress.of(p.getState()));
    kind.set(p.getAction() == BarrierAction.BARRIER_ACTION_HOLD_OPEN ? Kind.HOLD_OPEN
        : p.getAction() == BarrierAction.BARRIER_ACTION_SET_MODE ? Kind.EVACUATION_MODE : Kind.OTHER);
    detail.set(p.getDetail());
    attempts.set(p.getAttempts());
    commandedAt.set(p.hasCommandedAt() ? instant(p.getCommandedAt()) : null);
    confirmedAt.set(p.hasConfirmedAt() ? instant(p.getConfirmedAt()) : null);
  }

  void setRetrying(boolean value) {
    retrying.set(value);
  }

  static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  public String gateId() {
    return gateId;
  }

  public ReadOnlyStringProperty gateNameProperty() {
    return gateName.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<GateProgress> progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public GateProgress progress() {
    return progress.get();
  }

  public ReadOnlyObjectProperty<Kind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  /** The agent's or the server's words on a failure, empty otherwise. */
  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty attemptsProperty() {
    return attempts.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> commandedAtProperty() {
    return commandedAt.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> confirmedAtProperty() {
    return confirmedAt.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty retryingProperty() {
    return retrying.getReadOnlyProperty();
  }

  /** How long the gate took from the click to its confirmation; null until confirmed. */
  public Duration confirmedAfter(Instant openedAt) {
    Instant at = confirmedAt.get();
    return at == null || openedAt == null ? null : Duration.between(openedAt, at);
  }

  /** Sends the gate's command again; executable only for a FAILED gate, while connected and authorised. */
  public Command retryCommand() {
    return retryCommand;
  }
}
