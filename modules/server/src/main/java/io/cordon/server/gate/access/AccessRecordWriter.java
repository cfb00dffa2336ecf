package io.cordon.server.gate.access;

import io.cordon.devices.gate.agent.GateAgentBackend.UploadResult;
import io.cordon.domain.gate.access.Holder;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of gate access: one thread takes whatever was queued while it committed the
 * previous round (up to {@value #MAX_ROUND} items) and commits it as ONE journal transaction — the
 * events, the {@code access_record} rows with their seqs, passage times and presence rows — so under
 * load a commit carries hundreds of records and its cost is paid once (group commit). Decisions are
 * answered before their record is committed; everything else waits for its future. A failed round
 * is retried item by item, so only a broken item fails.
 */
final class AccessRecordWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AccessRecordWriter.class);
  static final int MAX_ROUND = 1_000;

  /** Something to commit. */
  sealed interface Item permits NewRecord, Upload, Passage, Plain {
  }

  /** A record decided (or observed) by the server, with the presence row its passage left, if any. */
  record NewRecord(AccessEntry entry, Optional<PresenceRow> presence, CompletableFuture<Long> done) implements Item {
  }

  /** An uploaded record; {@code counted}: the holder its passage moves in or out, when it counts. */
  record Uploaded(AccessEntry entry, Optional<Holder> counted) {
  }

  /** Records an agent decided offline: stored once per record id. */
  record Upload(List<Uploaded> records, CompletableFuture<UploadResult> done) implements Item {
  }

  /** A loop passage matched to a stored (or queued) record. */
  record Passage(NewEvent event, AccessStore.PassageUpdate update, Optional<PresenceRow> presence,
      CompletableFuture<Long> done) implements Item {
  }

  /** Just an event (barrier, fault, agent, command result), optionally once per request key. */
  record Plain(Optional<String> requestKey, NewEvent event, CompletableFuture<Long> done) implements Item {
  }

  private final EventJournal journal;
  private final AccessStore store;
  private final PresenceBook presence;
  private final Clock clock;
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  AccessRecordWriter(EventJournal journal, AccessStore store, PresenceBook presence, Clock clock) {
    this.journal = journal;
    this.store = store;
    this.presence = presence;
    this.clock = clock;
    this.thread = new Thread(this::run, "cordon-gate-access-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void submit(Item item) {
    if (!running) {
      fail(item, new IllegalStateException("the access writer stopped"));
      return;
    }
    queue.add(item);
  }

  CompletableFuture<Long> record(AccessEntry entry, Optional<PresenceRow> row) {
    NewRecord item = new NewRecord(entry, row, new CompletableFuture<>());
    submit(item);
    return item.done();
  }

  CompletableFuture<Long> event(Optional<String> requestKey, NewEvent event) {
    Plain item = new Plain(requestKey, event, new CompletableFuture<>());
    submit(item);
    return item.done();
  }

  /** Items waiting (for tests and the bench). */
  int queued() {
    return queue.size();
  }

  private void run() {
    List<Item> round = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Item first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        round.add(first);
        queue.drainTo(round, MAX_ROUND - 1);
        commit(round);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        log.warn("An access round failed", e);
      } finally {
        round.clear();
      }
    }
  }

  private void commit(List<Item> round) {
    try {
      write(round);
    } catch (RuntimeException e) {
      if (round.size() == 1) {
        fail(round.get(0), e);
        return;
      }
      log.warn("A round of {} access items failed; writing them one by one", round.size(), e);
      for (Item item : round) {
        try {
          write(List.of(item));
        } catch (RuntimeException alone) {
          log.warn("An access item could not be written", alone);
          fail(item, alone);
        }
      }
    }
  }

  /** One transaction for the round; futures complete after its commit. */
  private void write(List<Item> round) {
    // uploads first learn which records are stored already, or earlier in this round
    Set<String> uploadedIds = new HashSet<>();
    for (Item item : round) {
      if (item instanceof Upload u) {
        u.records().forEach(r -> uploadedIds.add(r.entry().recordId()));
      }
    }
    Set<String> stored = store.storedRecordIds(uploadedIds);
    Set<String> taken = new HashSet<>(stored);
    List<JournalAppend> appends = new ArrayList<>();
    List<AccessEntry> entries = new ArrayList<>(); // parallel to the appends that store a record; null otherwise
    List<AccessStore.PassageUpdate> passages = new ArrayList<>();
    Map<String, PresenceRow> rows = new LinkedHashMap<>();
    Map<Upload, int[]> uploadCounts = new LinkedHashMap<>(); // accepted, duplicates, first append, last append
    for (Item item : round) {
      if (item instanceof NewRecord r) {
        NewEvent event = AccessEvents.access(r.entry());
        journal.check(event);
        appends.add(JournalAppend.of(event));
        entries.add(r.entry());
        r.presence().ifPresent(p -> rows.put(p.holderKey(), p));
      } else if (item instanceof Upload u) {
        int[] counts = {0, 0, appends.size(), appends.size()};
        for (Uploaded up : u.records()) {
          if (!taken.add(up.entry().recordId())) {
            counts[1]++;
            continue;
          }
          NewEvent event = AccessEvents.access(up.entry());
          journal.check(event);
          appends.add(JournalAppend.of(event));
          entries.add(up.entry());
          counts[0]++;
          if (up.counted().isPresent()) {
            Instant at = up.entry().passageAt().orElse(up.entry().at());
            presence.apply(up.entry().recordId(), up.counted().get(), up.entry().direction(), up.entry().gate().id(), at)
                .ifPresent(p -> rows.put(p.holderKey(), p));
          }
        }
        counts[3] = appends.size();
        uploadCounts.put(u, counts);
      } else if (item instanceof Passage p) {
        journal.check(p.event());
        appends.add(JournalAppend.of(p.event()));
        entries.add(null);
        passages.add(p.update());
        p.presence().ifPresent(row -> rows.put(row.holderKey(), row));
      } else if (item instanceof Plain p) {
        journal.check(p.event());
        appends.add(new JournalAppend(p.requestKey(), p.event()));
        entries.add(null);
      }
    }
    Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Appended> appended = appends.isEmpty() ? List.of() : journal.appendAll(appends, (session, outcomes) ->
        session.doWork(connection -> {
          List<AccessStore.Stored> records = new ArrayList<>();
          for (int i = 0; i < outcomes.size(); i++) {
            if (entries.get(i) != null) {
              records.add(new AccessStore.Stored(entries.get(i), outcomes.get(i).event().seq()));
            }
          }
          AccessStore.insert(connection, records, recordedAt);
          // a passage may name a record of this very round: rows first, then their passage times
          AccessStore.passages(connection, passages);
          AccessStore.presence(connection, rows.values());
        }));
    int next = 0;
    for (Item item : round) {
      if (item instanceof Upload u) {
        int[] c = uploadCounts.get(u);
        long seq = c[3] > c[2] ? appended.get(c[3] - 1).event().seq() : 0;
        u.done().complete(new UploadResult(seq, c[0], c[1]));
        next = c[3];
      } else {
        long seq = appended.get(next++).event().seq();
        if (item instanceof NewRecord r) {
          r.done().complete(seq);
        } else if (item instanceof Passage p) {
          p.done().complete(seq);
        } else if (item instanceof Plain p) {
          p.done().complete(seq);
        }
      }
    }
  }

  private static void fail(Item item, Throwable cause) {
    if (item instanceof NewRecord r) {
      r.done().completeExceptionally(cause);
    } else if (item instanceof Upload u) {
      u.done().completeExceptionally(cause);
    } else if (item instanceof Passage p) {
      p.done().completeExceptionally(cause);
    } else if (item instanceof Plain p) {
      p.done().completeExceptionally(cause);
    }
  }

  @Override
  public void close() {
    running = false; // never interrupt: an interrupted H2 file channel closes the database
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Item left;
    while ((left = queue.poll()) != null) {
      fail(left, new IllegalStateException("the access writer stopped"));
    }
  }
}
