package io.cordon.server.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Leader/follower group commit: every caller queues its item; whoever takes the lock drains up to
 * {@code maxBatch} queued items (oldest first) and hands them to the writer, which must complete or
 * fail each one; the others wait for their own item. Under load one database transaction then
 * carries many items, and an idle caller still commits alone at once.
 *
 * <p>No wake-up is lost: after every release of the lock the oldest queued item's caller is woken
 * to try the lock, and a caller tries the lock after queueing, so a queued item always has a caller
 * that will lead (or a leader that will drain it).
 */
final class GroupCommit<I, R> {

  private static final Runnable NOTHING = () -> {
  };

  private final Queue<Ticket<I, R>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  /** Exclusive work waiting for the lock: batches then step aside instead of barging in front of it. */
  private final java.util.concurrent.atomic.AtomicInteger exclusiveWaiting =
      new java.util.concurrent.atomic.AtomicInteger();
  private final int maxBatch;
  private final Function<List<Ticket<I, R>>, Runnable> writer;

  /**
   * @param writer commits a batch; called with the lock held; must complete or fail every ticket
   *     (a ticket it leaves open is failed for it); returns what to do once the lock is released
   *     (telling listeners, which may append themselves)
   */
  GroupCommit(int maxBatch, Function<List<Ticket<I, R>>, Runnable> writer) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive");
    }
    this.maxBatch = maxBatch;
    this.writer = writer;
  }

  /** Queues the item, waits until a batch holding it is written and returns its result. */
  R submit(I item) {
    if (lock.isHeldByCurrentThread()) {
      // inside exclusive work, whose transaction holds the database lock a new batch would wait for
      throw new IllegalStateException("cannot submit from inside exclusive work");
    }
    Ticket<I, R> ticket = new Ticket<>(item);
    queue.add(ticket);
    boolean interrupted = false;
    while (!ticket.isDone()) {
      if (exclusiveWaiting.get() == 0 && lock.tryLock()) {
        Runnable afterRelease = NOTHING;
        try {
          if (!ticket.isDone()) {
            afterRelease = writeNextBatch();
          }
        } finally {
          release();
        }
        afterRelease.run();
      } else {
        interrupted |= ticket.awaitDoneOrTurn();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return ticket.result();
  }

  /** Runs work alone, between batches (for callers that commit their own transaction). */
  <T> T exclusively(Supplier<T> work) {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("exclusive work cannot nest");
    }
    exclusiveWaiting.incrementAndGet();
    try {
      lock.lock();
    } finally {
      exclusiveWaiting.decrementAndGet();
    }
    try {
      return work.get();
    } finally {
      release();
    }
  }

  /** How many items wait for a batch (not those being written). */
  int queued() {
    return queue.size();
  }

  private Runnable writeNextBatch() {
    List<Ticket<I, R>> batch = new ArrayList<>(Math.min(maxBatch, 64));
    for (Ticket<I, R> next = queue.poll(); next != null; next = batch.size() < maxBatch ? queue.poll() : null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return NOTHING;
    }
    Runnable afterRelease = NOTHING;
    Throwable thrown = null;
    try {
      afterRelease = writer.apply(batch);
    } catch (RuntimeException | Error e) {
      thrown = e; // reaches each caller through its ticket, the leader's own included
    }
    for (Ticket<I, R> ticket : batch) {
      if (!ticket.isDone()) {
        ticket.fail(thrown != null ? thrown : new IllegalStateException("the batch writer left an item open"));
      }
    }
    return afterRelease == null ? NOTHING : afterRelease;
  }

  private void release() {
    lock.unlock();
    Ticket<I, R> oldest = queue.peek();
    if (oldest != null) {
      oldest.wakeUp();
    }
  }

  /** One queued item and, once its batch is written, its result or failure. */
  static final class Ticket<I, R> {
    private final I item;
    private boolean done;
    private boolean turn;
    private R result;
    private Throwable failure;

    private Ticket(I item) {
      this.item = item;
    }

    I item() {
      return item;
    }

    synchronized void complete(R value) {
      result = value;
      done = true;
      notifyAll();
    }

    synchronized void fail(Throwable cause) {
      failure = cause;
      done = true;
      notifyAll();
    }

    synchronized boolean isDone() {
      return done;
    }

    private synchronized void wakeUp() {
      turn = true;
      notifyAll();
    }

    /** Waits until done or told to try the lock; returns whether it was interrupted meanwhile. */
    private synchronized boolean awaitDoneOrTurn() {
      boolean interrupted = false;
      while (!done && !turn) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true; // the item may already be in a batch: wait for its outcome anyway
        }
      }
      turn = false;
      return interrupted;
    }

    /** The result; rethrows the failure in the caller's thread (unchecked exceptions as they are). */
    private synchronized R result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return result;
    }
  }
}
