package io.cordon.client.command;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** A user action; views bind their controls' disabled state to {@link #executableProperty()}. */
public interface Command {
  ReadOnlyBooleanProperty executableProperty();

  default boolean isExecutable() {
    return executableProperty().get();
  }

  /** Runs the action; does nothing while the command is not executable. */
  void execute();
}
