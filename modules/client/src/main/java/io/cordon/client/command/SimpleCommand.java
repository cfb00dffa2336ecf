package io.cordon.client.command;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/** A command whose enabled state is a binding, so views never compute it themselves. */
public final class SimpleCommand implements Command {
  private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable");
  private final Runnable action;

  private SimpleCommand(Runnable action, ObservableBooleanValue when) {
    this.action = Objects.requireNonNull(action, "action");
    executable.bind(when);
  }

  /** A command that runs {@code action} and is executable while {@code when} holds. */
  public static SimpleCommand of(Runnable action, ObservableBooleanValue when) {
    return new SimpleCommand(action, when);
  }

  @Override
  public ReadOnlyBooleanProperty executableProperty() {
    return executable.getReadOnlyProperty();
  }

  @Override
  public void execute() {
    if (executable.get()) {
      action.run();
    }
  }
}
