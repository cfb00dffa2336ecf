package io.cordon.app.track;

import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.app.CordonApp;
import io.cordon.app.backend.EmbeddedBackend;
import io.cordon.app.login.LoginView;
import io.cordon.app.startup.LaunchOptions;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole client in embedded mode — its server in this JVM, the park simulator with its JT/T 808
 * demo fleet driving real frames over TCP into it — started once and signed in as the operator,
 * as {@code io.cordon.app.AppDriver} does; plus plain gRPC connections of other users, to ask the
 * real server what the app should show.
 */
final class TrackingApp implements AutoCloseable {
  static final int TIMEOUT_SECONDS = 60;

  private final FxRobot robot = new FxRobot();
  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
  private final List<ServerConnection> connections = new ArrayList<>();
  private CordonApp app;
  private EmbeddedBackend backend;

  static TrackingApp start(Path dataDir, Path configDir) throws Exception {
    TrackingApp started = new TrackingApp();
    try {
      started.launch(dataDir, configDir);
    } catch (Exception | Error e) {
      started.close();
      throw e;
    }
    return started;
  }

  private void launch(Path dataDir, Path configDir) throws Exception {
    FxToolkit.registerPrimaryStage();
    LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, configDir.resolve("workstation.properties"),
        false);
    app = (CordonApp) FxToolkit.setupApplication(() -> new CordonApp(options));
    robot.clickOn("#" + LoginView.PASSWORD_ID).write("operator");
    waitFor("the login button", () -> !robot.lookup("#" + LoginView.SUBMIT_ID).query().isDisabled());
    robot.clickOn("#" + LoginView.SUBMIT_ID);
    waitFor("the main window", () -> app.mainWindow() != null && app.vehicleTracking() != null);
    backend = embeddedBackend(app);
  }

  /** CordonApp keeps its backend package-private (AppDriver's package); tests here read it reflectively. */
  private static EmbeddedBackend embeddedBackend(CordonApp app) throws ReflectiveOperationException {
    Method backend = CordonApp.class.getDeclaredMethod("backend");
    backend.setAccessible(true);
    return (EmbeddedBackend) backend.invoke(app);
  }

  CordonApp app() {
    return app;
  }

  FxRobot robot() {
    return robot;
  }

  int jt808Port() {
    return backend.runningServer().jt808Port().orElseThrow();
  }

  /** A connection of its own signed in as a demo user (password = name). */
  ServerConnection signedIn(String user) {
    ServerConnection connection = ServerConnection.open(backend.address(), new ClientExecutors(pool, Runnable::run));
    connections.add(connection);
    for (int attempt = 1; ; attempt++) {
      try {
        connection.signIn(user, user);
        return connection;
      } catch (StatusRuntimeException e) {
        if (attempt == 3 || e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
          throw e; // the password check is slow on purpose; a busy 2-core machine may miss one deadline
        }
      }
    }
  }

  /** TripService over a connection, with a deadline for one call. */
  static TripServiceGrpc.TripServiceBlockingStub trips(ServerConnection connection) {
    return TripServiceGrpc.newBlockingStub(connection.channel()).withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Override
  public void close() throws Exception {
    connections.forEach(ServerConnection::close);
    connections.clear();
    pool.shutdownNow();
    backend = null;
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      app = null;
    }
    FxToolkit.cleanupStages();
  }
}
