package io.cordon.client.registration;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How a view model's calls are going, for its view: busy while one runs, then the last failure
 * with the server's field errors (cleared when the next call starts). State changes on the UI
 * executor only.
 */
public final class CallStatus {
  private final Executor ui;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyObjectWrapper<RegistrationFailure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
  private final ObservableList<FieldError> fieldErrors = FXCollections.observableArrayList();
  private int running;

  CallStatus(Executor ui) {
    this.ui = Objects.requireNonNull(ui, "ui");
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The last call's failure; null after a success or while a call runs. */
  public ReadOnlyObjectProperty<RegistrationFailure> failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** The last failure's field violations, as the server named them. */
  public ObservableList<FieldError> fieldErrors() {
    return FXCollections.unmodifiableObservableList(fieldErrors);
  }

  /** Runs a call (started on the UI thread) and hands its answer to {@code onAnswer} on the UI executor. */
  <T> CompletableFuture<T> run(CompletableFuture<T> call, Consumer<T> onAnswer) {
    clear();
    running++;
    busy.set(true);
    CompletableFuture<T> done = new CompletableFuture<>();
    call.whenComplete((answer, error) -> ui.execute(() -> {
      running--;
      busy.set(running > 0);
      if (error != null) {
        fail(RegistrationFailure.of(error));
        done.completeExceptionally(error);
      } else {
        onAnswer.accept(answer);
        done.complete(answer);
      }
    }));
    return done;
  }

  /** Shows a failure found before any call (nothing to send). */
  void fail(RegistrationFailure value) {
    failure.set(value);
    fieldErrors.setAll(value.fields());
  }

  void clear() {
    failure.set(null);
    fieldErrors.clear();
  }
}
