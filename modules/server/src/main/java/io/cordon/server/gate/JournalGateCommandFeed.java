package io.cordon.server.gate;

import io.cordon.devices.gate.GateCommandFeed;
import io.cordon.devices.gate.IssuedGateCommand;
import io.cordon.domain.park.GateId;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.event.ScannedPage;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands for gates, read from the journal's {@code gate.command} events: each watch keeps a
 * cursor and, whenever events are committed, pulls the commands after it (the same "notify then
 * pull" as the event stream), so a command is delivered at least as late as it is audited and a
 * gate that resumes from its last command seq misses none. Commands are rare and tiny, so a watch
 * sends without waiting for transport readiness.
 */
public final class JournalGateCommandFeed implements GateCommandFeed {

  private static final Logger log = LoggerFactory.getLogger(JournalGateCommandFeed.class);
  static final int PAGE_SIZE = 200;

  private final EventJournal journal;
  private final LiveEvents live;
  private final Executor executor;
  private final Set<CommandWatch> watches = ConcurrentHashMap.newKeySet();
  private final Map<GateId, Integer> watchers = new ConcurrentHashMap<>();

  /** @param executor runs the journal reads of the watches (they block on the database) */
  public JournalGateCommandFeed(EventJournal journal, LiveEvents live, Executor executor) {
    this.journal = journal;
    this.live = live;
    this.executor = executor;
  }

  @Override
  public Watch watch(Set<GateId> gates, long afterSeq, Listener listener) {
    CommandWatch watch = new CommandWatch(Set.copyOf(gates), listener);
    // Listen before reading the journal head, so no commit can fall between the two.
    watch.registration = live.listen(watch::wakeUp);
    long last;
    try {
      last = journal.lastSeq();
    } catch (RuntimeException e) {
      watch.registration.close();
      throw e;
    }
    if (afterSeq > last) {
      watch.registration.close();
      throw new IllegalArgumentException("is beyond the last recorded seq " + last);
    }
    watch.cursor = afterSeq == 0 ? last : afterSeq;
    watch.started = true;
    watches.add(watch);
    gates.forEach(gate -> watchers.merge(gate, 1, Integer::sum));
    watch.wakeUp();
    return watch;
  }

  @Override
  public long lastSeq() {
    return journal.lastSeq();
  }

  @Override
  public boolean isWatched(GateId gate) {
    return watchers.getOrDefault(gate, 0) > 0;
  }

  /** Ends every watch with UNAVAILABLE, so gates resume (here or on another node). */
  public void endWatches() {
    for (CommandWatch watch : List.copyOf(watches)) {
      watch.end(Status.UNAVAILABLE.withDescription("server shutting down; resume from the last command_seq")
          .asRuntimeException());
    }
  }

  private final class CommandWatch implements Watch {
    private final Set<GateId> gates;
    private final Listener listener;
    /** Pending wake-ups; only the thread that raised it from 0 drains, so drains never overlap. */
    private final AtomicInteger wip = new AtomicInteger();
    private volatile long cursor;
    /** Set once the cursor is; wake-ups before that are covered by the first drain after it. */
    private volatile boolean started;
    private volatile boolean closed;
    private volatile RuntimeException endWith;
    private LiveEvents.Registration registration;

    CommandWatch(Set<GateId> gates, Listener listener) {
      this.gates = gates;
      this.listener = listener;
    }

    void wakeUp() {
      if (wip.getAndIncrement() == 0) {
        try {
          executor.execute(this::drainLoop);
        } catch (RejectedExecutionException e) {
          close();
        }
      }
    }

    void end(RuntimeException cause) {
      endWith = cause;
      wakeUp();
    }

    private void drainLoop() {
      int missed = 1;
      while (true) {
        drain();
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void drain() {
      if (closed || !started) {
        return;
      }
      if (endWith != null) {
        close();
        listener.ended(endWith);
        return;
      }
      try {
        while (!closed) {
          ScannedPage scanned = journal.readAfterScanned(cursor, GateEvents.COMMANDS, PAGE_SIZE);
          List<JournalEvent> page = scanned.events();
          for (JournalEvent event : page) {
            if (closed) {
              return;
            }
            IssuedGateCommand command = GateEvents.commandOf(event);
            if (gates.contains(command.gateId())) {
              listener.command(command);
            }
            cursor = event.seq();
          }
          cursor = Math.max(cursor, scanned.scannedTo()); // commands are rare among all events
          if (page.size() < PAGE_SIZE) {
            return;
          }
        }
      } catch (RuntimeException e) {
        if (!closed) {
          log.warn("A gate command watch failed at seq {}", cursor, e);
          close();
          listener.ended(e);
        }
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (registration != null) {
        registration.close();
      }
      if (watches.remove(this)) {
        gates.forEach(gate -> watchers.computeIfPresent(gate, (g, n) -> n > 1 ? n - 1 : null));
      }
    }
  }
}
