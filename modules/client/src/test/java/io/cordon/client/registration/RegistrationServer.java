package io.cordon.client.registration;

import io.cordon.api.v1.Application;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.testing.Eventually;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real server on loopback with the demo users, the demo applicant linked to a hauler, and the
 * supervisor reviewing for every department; a reviewer's connection whose UI executor is one
 * thread, like the FX thread: view models are touched only through {@link #ui}.
 */
final class RegistrationServer implements AutoCloseable {
  static final String APPLICANT = "enterprise";
  static final String REVIEWER = "supervisor";

  final CordonServer server;
  final ScheduledExecutorService background = Executors.newScheduledThreadPool(4);
  final ExecutorService uiThread = Executors.newSingleThreadExecutor();
  final ServerConnection reviewer;
  final ServerConnection applicant;
  final String haulier;
  final RegistrationClient client;

  RegistrationServer(Path dataDir) {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true)
        .build());
    ServerAddress address = new ServerAddress("127.0.0.1", server.grpcPort());
    ClientExecutors executors = new ClientExecutors(background, uiThread);
    try (ServerConnection admin = ServerConnection.open(address, executors)) {
      signIn(admin, "admin");
      haulier = DemoHazmatSubmission.prepare(admin, APPLICANT, REVIEWER);
    }
    applicant = ServerConnection.open(address, executors);
    signIn(applicant, APPLICANT);
    reviewer = ServerConnection.open(address, executors);
    signIn(reviewer, REVIEWER);
    client = new RegistrationClient(reviewer);
  }

  /** Signs in a demo user; again when a busy machine made the password check miss its deadline. */
  private static void signIn(ServerConnection connection, String user) {
    for (int attempt = 1; ; attempt++) {
      try {
        connection.signIn(user, user);
        return;
      } catch (io.grpc.StatusRuntimeException e) {
        if (attempt == 3 || e.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED) {
          throw e;
        }
      }
    }
  }

  /** A hazmat delivery submitted by the demo applicant: under the safety department's review. */
  Application submitHazmat() {
    return DemoHazmatSubmission.submit(applicant, haulier);
  }

  <T> T ui(Callable<T> action) {
    try {
      return uiThread.submit(action).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  void ui(Runnable action) {
    ui(() -> {
      action.run();
      return null;
    });
  }

  /** Waits until the condition, read on the UI thread, holds. */
  void await(String what, BooleanSupplier condition) {
    Eventually.await(what, () -> ui(condition::getAsBoolean));
  }

  Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public void close() {
    reviewer.close();
    applicant.close();
    server.close();
    background.shutdownNow();
    uiThread.shutdownNow();
  }
}
