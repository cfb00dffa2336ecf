package io.cordon.app.alarm;

/** Starts {@link AlarmQueueDemo} from a class path (a main class that is not an Application). */
public final class AlarmQueueDemoMain {
  private AlarmQueueDemoMain() {}

  public static void main(String[] args) {
    javafx.application.Application.launch(AlarmQueueDemo.class, args);
  }
}
