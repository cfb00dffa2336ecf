package io.cordon.server.gate.access;

import io.cordon.domain.park.GateId;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.event.ScannedPage;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link AccessIndex} current with the registration's journal events (permit.*,
 * blacklist.*, registry.*), "notify then pull" like the event stream: woken after each commit, it
 * reads the events after its cursor and reloads what each names from its table. Then it tells the
 * cache and the connected agents of the gates concerned.
 */
final class RegistryFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryFollower.class);
  static final TypeFilter TYPES = new TypeFilter(List.of("permit.", "blacklist.", "registry."));
  private static final int PAGE = 500;

  private final EventJournal journal;
  private final LiveEvents live;
  private final Executor executor;
  private final AccessIndex index;
  private final GateCache cache;
  private final Consumer<Set<GateId>> gatesChanged;
  private final Runnable everyGateChanged;
  private final AtomicInteger wip = new AtomicInteger();
  private volatile long cursor;
  private volatile boolean closed;
  private LiveEvents.Registration registration;

  RegistryFollower(EventJournal journal, LiveEvents live, Executor executor, AccessIndex index, GateCache cache,
      long cursor, Consumer<Set<GateId>> gatesChanged, Runnable everyGateChanged) {
    this.journal = journal;
    this.live = live;
    this.executor = executor;
    this.index = index;
    this.cache = cache;
    this.cursor = cursor;
    this.gatesChanged = gatesChanged;
    this.everyGateChanged = everyGateChanged;
  }

  void start() {
    registration = live.listen(this::wakeUp);
    wakeUp();
  }

  long cursor() {
    return cursor;
  }

  void wakeUp() {
    if (wip.getAndIncrement() == 0) {
      try {
        executor.execute(this::drainLoop);
      } catch (RejectedExecutionException e) {
        wip.set(0);
      }
    }
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
    while (!closed) {
      ScannedPage page;
      try {
        page = journal.readAfterScanned(cursor, TYPES, PAGE);
      } catch (RuntimeException e) {
        log.warn("Cannot read registration events after seq {}; retried on the next commit", cursor, e);
        return;
      }
      for (JournalEvent event : page.events()) {
        try {
          apply(event);
        } catch (RuntimeException e) {
          log.warn("Cannot apply {} (seq {}) to the gate access index", event.type(), event.seq(), e);
        }
        cursor = event.seq();
      }
      // past the gate traffic in between too: woken by every commit, it must not re-read it
      cursor = Math.max(cursor, page.scannedTo());
      if (!page.full(PAGE)) {
        return;
      }
    }
  }

  private void apply(JournalEvent event) {
    String type = event.type();
    if (type.startsWith("permit.")) {
      String id = event.attributes().get("permit_id");
      if (id == null) {
        return;
      }
      Set<GateId> gates = index.reloadPermit(id);
      cache.changed(event.seq(), new GateCache.Change(Set.of(id), Set.of(), Set.of()));
      gatesChanged.accept(gates);
    } else if (type.startsWith("blacklist.")) {
      String id = event.attributes().get("entry_id");
      if (id == null) {
        return;
      }
      index.reloadBlacklistEntry(id);
      cache.changed(event.seq(), new GateCache.Change(Set.of(), Set.of(id), Set.of()));
      everyGateChanged.run();
    } else if (type.equals("registry.imported")) {
      index.reloadRegistry();
    } else if (type.startsWith("registry.")) {
      Optional<SubjectKey> main = event.subjects().stream().findFirst();
      if (main.isEmpty()) {
        return;
      }
      String id = main.get().id();
      switch (main.get().kind()) {
        case "vehicle": {
          index.reloadVehicle(id);
          cache.changed(event.seq(), new GateCache.Change(Set.of(), Set.of(), Set.of("V:" + id)));
          Set<GateId> gates = new HashSet<>();
          index.permitsOfPlate(id).forEach(p -> gates.addAll(p.gates()));
          gatesChanged.accept(gates);
          break;
        }
        case "person": {
          index.reloadPerson(id);
          cache.changed(event.seq(), new GateCache.Change(Set.of(), Set.of(), Set.of("P:" + id)));
          Set<GateId> gates = new HashSet<>();
          index.permitsOfPerson(id).forEach(p -> gates.addAll(p.gates()));
          gatesChanged.accept(gates);
          break;
        }
        case "enterprise":
          index.reloadEnterprise(id);
          break;
        default:
          break;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (registration != null) {
      registration.close();
    }
  }
}
