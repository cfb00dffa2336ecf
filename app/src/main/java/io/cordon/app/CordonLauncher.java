package io.cordon.app;

import io.cordon.app.startup.LaunchOptions;
import javafx.application.Application;

/**
 * Entry point. Not an {@link Application} itself, so the client runs from a plain classpath
 * (JavaFX refuses to launch an Application main class that is not on the module path).
 */
public final class CordonLauncher {
  private CordonLauncher() {}

  public static void main(String[] args) {
    try {
      LaunchOptions.parse(java.util.List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    Application.launch(CordonApp.class, args);
    // The embedded server may leave non-daemon threads behind; the window is gone, so leave.
    System.exit(0);
  }
}
