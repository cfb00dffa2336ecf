package io.cordon.client.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler whose delayed tasks run only when the test says so, on the test's thread. */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

  private final List<Runnable> pending = new ArrayList<>();
  /** Every delay asked for, in order. */
  public final List<Duration> delays = new ArrayList<>();
  private boolean shutDown;

  /** Runs the tasks pending now (not those they schedule); returns how many ran. */
  public int runPending() {
    List<Runnable> due = new ArrayList<>(pending);
    pending.clear();
    due.forEach(Runnable::run);
    return due.size();
  }

  public int pendingCount() {
    return pending.size();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(new Task<>(command, null), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return add(new Task<>(callable), delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {
    shutDown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutDown = true;
    List<Runnable> dropped = new ArrayList<>(pending);
    pending.clear();
    return dropped;
  }

  @Override
  public boolean isShutdown() {
    return shutDown;
  }

  @Override
  public boolean isTerminated() {
    return shutDown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutDown;
  }

  private <V> Task<V> add(Task<V> task, long delay, TimeUnit unit) {
    if (shutDown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    pending.add(task);
    return task;
  }

  private static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    Task(Runnable runnable, V result) {
      super(runnable, result);
    }

    Task(Callable<V> callable) {
      super(callable);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }
  }
}
