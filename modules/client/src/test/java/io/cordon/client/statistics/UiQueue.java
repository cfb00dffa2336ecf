package io.cordon.client.statistics;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The view model's UI executor in tests: tasks wait until the test thread (the "UI thread") runs them. */
final class UiQueue implements Executor {
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** Waits for the next posted task (an answer from the server) and runs it here. */
  void runNext() throws InterruptedException {
    Runnable task = tasks.poll(60, TimeUnit.SECONDS);
    if (task == null) {
      throw new AssertionError("nothing was posted to the UI thread");
    }
    task.run();
  }
}
