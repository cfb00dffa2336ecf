package io.cordon.client.timeline;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The view models' UI executor in tests: tasks wait until the test thread (the "UI thread") runs them. */
public final class UiQueue implements Executor {
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** Waits for the next posted task (an answer from the server) and runs it here. */
  public void runNext() {
    try {
      Runnable task = tasks.poll(60, TimeUnit.SECONDS);
      if (task == null) {
        throw new AssertionError("nothing was posted to the UI thread");
      }
      task.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
