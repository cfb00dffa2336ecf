package io.cordon.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
  private final LoginViewModel vm = new LoginViewModel(Runnable::run);
  private final Authenticator acceptsOperator =
      (user, password) ->
          "operator".equals(user) && "operator".equals(password)
              ? CompletableFuture.completedFuture(new Session(user, "值班员", List.of(Role.ROLE_OPERATOR)))
              : CompletableFuture.failedFuture(Status.UNAUTHENTICATED.asRuntimeException());

  @Test
  void loginIsDisabledUntilTheServerIsReady() {
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");
    assertThat(vm.loginCommand().isExecutable()).isFalse();
    vm.serverReady("127.0.0.1:1", acceptsOperator);
    assertThat(vm.loginCommand().isExecutable()).isTrue();
  }

  @Test
  void loginIsDisabledWhileAFieldIsEmpty() {
    vm.serverReady("127.0.0.1:1", acceptsOperator);
    vm.usernameProperty().set("operator");
    assertThat(vm.loginCommand().isExecutable()).isFalse();
    vm.passwordProperty().set("x");
    assertThat(vm.loginCommand().isExecutable()).isTrue();
  }

  @Test
  void successfulLoginHandsOverTheSession() {
    AtomicReference<Session> signedIn = new AtomicReference<>();
    vm.setOnSignedIn(signedIn::set);
    vm.serverReady("127.0.0.1:1", acceptsOperator);
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");
    vm.loginCommand().execute();
    assertThat(signedIn.get().displayName()).isEqualTo("值班员");
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void wrongPasswordShowsTheCredentialsError() {
    vm.serverReady("127.0.0.1:1", acceptsOperator);
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("wrong");
    vm.loginCommand().execute();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(LoginViewModel.ERROR_CREDENTIALS);
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void aServerBusyCheckingOtherPasswordsIsAskedAgainInsteadOfFailingTheSignIn() throws Exception {
    assertThat(callsToSignInAfterOneFailure(Status.RESOURCE_EXHAUSTED)).isEqualTo(2);
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void aSignInThatMissedItsDeadlineIsAskedAgainButAnAbsentServerIsNot() throws Exception {
    assertThat(callsToSignInAfterOneFailure(Status.DEADLINE_EXCEEDED)).isEqualTo(2);

    java.util.concurrent.atomic.AtomicInteger absent = new java.util.concurrent.atomic.AtomicInteger();
    vm.serverReady("127.0.0.1:1", (u, p) -> {
      absent.incrementAndGet();
      return CompletableFuture.failedFuture(Status.UNAVAILABLE.asRuntimeException());
    });
    vm.passwordProperty().set("operator");
    vm.loginCommand().execute();
    assertThat(absent.get()).isEqualTo(1);
    assertThat(vm.errorKeyProperty().get()).isEqualTo(LoginViewModel.ERROR_UNREACHABLE);
  }

  @Test
  void aServerThatStaysBusyEndsInAnError() throws Exception {
    vm.serverReady("127.0.0.1:1",
        (u, p) -> CompletableFuture.failedFuture(Status.RESOURCE_EXHAUSTED.asRuntimeException()));
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");

    vm.loginCommand().execute();

    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (vm.errorKeyProperty().get().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(vm.errorKeyProperty().get()).isEqualTo(LoginViewModel.ERROR_FAILED);
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void unreachableServerShowsTheUnreachableError() {
    vm.serverReady("127.0.0.1:1", (u, p) -> CompletableFuture.failedFuture(Status.UNAVAILABLE.asRuntimeException()));
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");
    vm.loginCommand().execute();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(LoginViewModel.ERROR_UNREACHABLE);
  }

  @Test
  void loginCannotRunTwiceAtOnce() {
    CompletableFuture<Session> pending = new CompletableFuture<>();
    vm.serverReady("127.0.0.1:1", (u, p) -> pending);
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");
    vm.loginCommand().execute();
    assertThat(vm.loginCommand().isExecutable()).isFalse();
  }

  /** Signs in as operator against a server whose first answer is {@code first}; how many calls it took. */
  private int callsToSignInAfterOneFailure(Status first) throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch signedIn = new java.util.concurrent.CountDownLatch(1);
    vm.setOnSignedIn(session -> signedIn.countDown());
    vm.serverReady("127.0.0.1:1", (u, p) -> calls.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(first.asRuntimeException())
        : acceptsOperator.login(u, p));
    vm.usernameProperty().set("operator");
    vm.passwordProperty().set("operator");

    vm.loginCommand().execute();

    assertThat(signedIn.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return calls.get();
  }
}
