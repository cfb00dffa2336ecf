package io.cordon.client.connection;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where client work runs: {@code background} for calls, retries and conversions; {@code ui} for
 * everything that touches view-model state ({@code Platform::runLater} in the app, a same-thread
 * executor in tests).
 */
public record ClientExecutors(ScheduledExecutorService background, Executor ui) {
  public ClientExecutors {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(ui, "ui");
  }
}
