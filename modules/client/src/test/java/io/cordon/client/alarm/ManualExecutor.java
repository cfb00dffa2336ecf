package io.cordon.client.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A UI executor whose tasks wait until the test runs them, so a test can count what was posted. */
final class ManualExecutor implements Executor {
  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public synchronized void execute(Runnable task) {
    pending.add(task);
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  /** Runs what is pending now (and what that posts, until nothing is left). */
  void runAll() {
    while (true) {
      List<Runnable> due;
      synchronized (this) {
        if (pending.isEmpty()) {
          return;
        }
        due = new ArrayList<>(pending);
        pending.clear();
      }
      due.forEach(Runnable::run);
    }
  }
}
