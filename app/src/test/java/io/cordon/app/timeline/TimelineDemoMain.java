package io.cordon.app.timeline;

/** Starts {@link TimelineDemo} from a class path (a main class that is not an Application). */
public final class TimelineDemoMain {
  private TimelineDemoMain() {}

  public static void main(String[] args) {
    javafx.application.Application.launch(TimelineDemo.class, args);
  }
}
