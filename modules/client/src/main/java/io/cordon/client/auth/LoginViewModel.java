package io.cordon.client.auth;

import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form. The login command is enabled once a server is ready and both fields are
 * filled, and never twice at once. Errors are message keys the view translates.
 */
public final class LoginViewModel {
  public static final String ERROR_CREDENTIALS = "login.error.credentials";
  public static final String ERROR_UNREACHABLE = "login.error.unreachable";
  public static final String ERROR_FAILED = "login.error.failed";
  /** Tries of one sign-in while the server says it is busy checking other passwords. */
  static final int BUSY_ATTEMPTS = 4;
  static final long BUSY_PAUSE_MILLIS = 700;

  private final Executor ui;
  private final StringProperty username = new SimpleStringProperty(this, "username", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final ReadOnlyStringWrapper serverLabel = new ReadOnlyStringWrapper(this, "serverLabel", "");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper serverReady = new ReadOnlyBooleanWrapper(this, "serverReady");
  private final Command loginCommand;
  private Authenticator authenticator;
  private Consumer<Session> onSignedIn = session -> {};

  public LoginViewModel(Executor ui) {
    this.ui = Objects.requireNonNull(ui, "ui");
    loginCommand =
        SimpleCommand.of(
            this::login,
            serverReady
                .and(busy.not())
                .and(Bindings.createBooleanBinding(() -> !username.get().isBlank(), username))
                .and(Bindings.createBooleanBinding(() -> !password.get().isEmpty(), password)));
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  /** Which server the user signs in to, e.g. {@code 127.0.0.1:43117}. */
  public ReadOnlyStringProperty serverLabelProperty() {
    return serverLabel.getReadOnlyProperty();
  }

  /** Empty, or the message key of the last failure. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty serverReadyProperty() {
    return serverReady.getReadOnlyProperty();
  }

  public Command loginCommand() {
    return loginCommand;
  }

  /** Called once the server is known (embedded start-up may take a few seconds). UI thread. */
  public void serverReady(String label, Authenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    serverLabel.set(label);
    serverReady.set(true);
  }

  /** Called when the server could not be started or reached at all. UI thread. */
  public void serverFailed(String label) {
    serverLabel.set(label);
    errorKey.set(ERROR_UNREACHABLE);
  }

  /** What to do after a successful sign-in; runs on the UI executor. */
  public void setOnSignedIn(Consumer<Session> onSignedIn) {
    this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
  }

  private void login() {
    busy.set(true);
    errorKey.set("");
    attempt(username.get().trim(), password.get(), 1);
  }

  /**
   * The server checks only a few passwords at a time and turns the rest away (RESOURCE_EXHAUSTED),
   * and on a machine starting the embedded server and simulator an answer may miss its deadline:
   * that is "busy", not "wrong" or "gone", so the client waits a moment and tries again before saying
   * anything. A server that is not there answers UNAVAILABLE at once and is not asked again.
   */
  private void attempt(String user, String secret, int attempt) {
    authenticator
        .login(user, secret)
        .whenCompleteAsync(
            (session, failure) -> {
              if (failure != null && isBusy(failure) && attempt < BUSY_ATTEMPTS) {
                CompletableFuture.delayedExecutor(BUSY_PAUSE_MILLIS * attempt, TimeUnit.MILLISECONDS, ui)
                    .execute(() -> attempt(user, secret, attempt + 1));
                return;
              }
              busy.set(false);
              if (failure == null) {
                password.set("");
                onSignedIn.accept(session);
              } else {
                errorKey.set(errorKeyFor(failure));
              }
            },
            ui);
  }

  private static boolean isBusy(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof StatusRuntimeException sre
        && (sre.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED
            || sre.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
  }

  static String errorKeyFor(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof StatusRuntimeException sre) {
      Status.Code code = sre.getStatus().getCode();
      if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.INVALID_ARGUMENT) {
        return ERROR_CREDENTIALS;
      }
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        return ERROR_UNREACHABLE;
      }
    }
    return ERROR_FAILED;
  }
}
