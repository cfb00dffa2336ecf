package io.cordon.client.map;

import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.domain.park.Park;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The park plan the map draws, fetched from the server and converted to the domain model. */
public final class ParkViewModel {
  public static final String ERROR_LOAD = "park.error.load";

  private final ParkSource source;
  private final Function<io.cordon.api.v1.Park, Park> toDomain;
  private final Executor ui;
  private final ReadOnlyObjectWrapper<Park> park = new ReadOnlyObjectWrapper<>(this, "park");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final Command loadCommand;

  /** {@code toDomain} converts the wire park (e.g. {@code ParkFromProto}); it runs off the UI thread. */
  public ParkViewModel(ParkSource source, Function<io.cordon.api.v1.Park, Park> toDomain, Executor ui) {
    this.source = Objects.requireNonNull(source, "source");
    this.toDomain = Objects.requireNonNull(toDomain, "toDomain");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.loadCommand = SimpleCommand.of(this::load, loading.not());
  }

  /** The current park, null until loaded. */
  public ReadOnlyObjectProperty<Park> parkProperty() {
    return park.getReadOnlyProperty();
  }

  public Park getPark() {
    return park.get();
  }

  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  public Command loadCommand() {
    return loadCommand;
  }

  private void load() {
    loading.set(true);
    source
        .fetchPark()
        .thenApply(toDomain)
        .whenCompleteAsync(
            (loaded, failure) -> {
              loading.set(false);
              if (failure == null) {
                errorKey.set("");
                park.set(loaded);
              } else {
                errorKey.set(ERROR_LOAD);
              }
            },
            ui);
  }
}
