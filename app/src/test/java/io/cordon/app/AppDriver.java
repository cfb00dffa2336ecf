package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.backend.EmbeddedBackend;
import io.cordon.app.login.LoginView;
import io.cordon.app.startup.LaunchOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real app (embedded mode) for UI tests and signs in like an operator. */
final class AppDriver {
  static final int TIMEOUT_SECONDS = 90;

  private final FxRobot robot;
  private CordonApp app;

  AppDriver(FxRobot robot) {
    this.robot = robot;
  }

  CordonApp start(Path dataDir, Path workstationFile) throws TimeoutException {
    return start(new LaunchOptions(Optional.empty(), dataDir, workstationFile, false));
  }

  CordonApp start(LaunchOptions options) throws TimeoutException {
    FxToolkit.registerPrimaryStage();
    app = (CordonApp) FxToolkit.setupApplication(() -> new CordonApp(options));
    return app;
  }

  void signInAsOperator() throws TimeoutException {
    robot.clickOn("#" + LoginView.PASSWORD_ID).write("operator");
    // enabled once the embedded server is up and both fields are filled
    waitFor("the login button", () -> !robot.lookup("#" + LoginView.SUBMIT_ID).query().isDisabled());
    robot.clickOn("#" + LoginView.SUBMIT_ID);
    waitFor("the main window", () -> app.mainWindow() != null);
  }

  void stop() throws TimeoutException {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      app = null;
    }
    FxToolkit.cleanupStages();
  }

  /** The embedded server and simulator of the running app (started with {@link #start}). */
  EmbeddedBackend embeddedBackend() {
    return (EmbeddedBackend) app.backend();
  }

  <T extends Node> T node(String query) {
    return robot.lookup(query).query();
  }

  /** A read of live UI state on the FX thread, where it changes: a read from the test thread can see it half-changed. */
  static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  static void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
    try {
      WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new TimeoutException("gave up waiting for " + what);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  static void assertInWindowOf(Node node, Node other) {
    assertThat(node.getScene().getWindow()).isSameAs(other.getScene().getWindow());
  }
}
