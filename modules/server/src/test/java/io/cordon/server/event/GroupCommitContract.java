package io.cordon.server.event;

import static io.cordon.server.event.EventJournalContract.T0;
import static io.cordon.server.event.EventJournalContract.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit and the batch API of {@link HibernateEventJournal}: concurrent callers share
 * transactions without changing what each of them sees; subclasses pick the database.
 */
abstract class GroupCommitContract {

  private static final int THREADS = 12;
  private static final long TIMEOUT_SECONDS = 60;

  private TestDatabase testDatabase;
  private Database database;
  private final InProcessLiveEvents live = new InProcessLiveEvents();
  private HibernateEventJournal journal;
  private ExecutorService pool;

  abstract TestDatabase freshDatabase();

  @BeforeEach
  void openJournal() {
    testDatabase = freshDatabase();
    database = Database.open(testDatabase.settings(), JournalEntities.classes());
    journal = new HibernateEventJournal(database, live, Clock.fixed(T0, ZoneOffset.UTC));
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void closeJournal() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.drop();
    }
  }

  @Test
  void manyThreadsAppendingAtOnceEachGetTheirOwnCommittedEventWithoutGaps() throws Exception {
    int perThread = 60;
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<JournalEvent>>> callers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String sensor = "S-" + t;
      callers.add(pool.submit(() -> {
        start.await();
        List<JournalEvent> mine = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          mine.add(i % 2 == 0 ? journal.append(heartbeat(sensor, T0.plusSeconds(i)))
              : journal.appendOnce(sensor + "/" + i, heartbeat(sensor, T0.plusSeconds(i))));
        }
        return mine;
      }));
    }
    List<JournalEvent> returned = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<JournalEvent> mine = callers.get(t).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String sensor = "S-" + t;
      assertThat(mine).allSatisfy(e -> assertThat(e.subjects().get(0).id()).isEqualTo(sensor));
      assertThat(mine).extracting(JournalEvent::occurredAt)
          .containsExactlyElementsOf(LongStream.range(0, perThread).mapToObj(T0::plusSeconds).toList());
      assertThat(mine).extracting(JournalEvent::seq).isSorted();
      returned.addAll(mine);
    }

    List<JournalEvent> stored = journal.readAfter(0, 10_000);
    assertThat(stored).extracting(JournalEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) THREADS * perThread).boxed().toList());
    assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
  }

  @Test
  void callersRacingWithOneRequestKeyGetOneEvent() throws Exception {
    int keys = 20;
    for (int k = 0; k < keys; k++) {
      String key = "dev/race-" + k;
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<JournalEvent>> racers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String sensor = "S-" + t;
        racers.add(pool.submit(() -> {
          start.await();
          return journal.appendOnce(key, heartbeat(sensor, T0));
        }));
      }
      JournalEvent first = racers.get(0).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (Future<JournalEvent> racer : racers) {
        assertThat(racer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(first);
      }
    }

    assertThat(journal.lastSeq()).isEqualTo(keys);
    assertThat(journal.readAfter(0, 1000)).hasSize(keys);
  }

  @Test
  void appendsQueuedBehindABusyJournalCommitAsOneGroupWithOneWakeUp() throws Exception {
    AtomicInteger wakeUps = new AtomicInteger();
    live.listen(wakeUps::incrementAndGet);
    int queued = 40;

    List<Future<JournalEvent>> callers = lineUpBehindABusyJournal(queued, i -> journal.append(heartbeat("S-" + i, T0)));

    List<Long> seqs = new ArrayList<>();
    for (Future<JournalEvent> caller : callers) {
      seqs.add(caller.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).seq());
    }
    assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, queued).boxed().toList());
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void aFailingAppendInAGroupFailsAloneWithItsOwnException() throws Exception {
    // a request key taken by something that is not in the journal: only its append can fail
    database.runInTransaction(session -> session.createNativeMutationQuery(
            "insert into processed_request (request_key, seq, recorded_at) values ('dev/broken', 999, :at)")
        .setParameter("at", T0)
        .executeUpdate());
    int queued = 9;

    List<Future<JournalEvent>> callers = lineUpBehindABusyJournal(queued, i -> i == 4
        ? journal.appendOnce("dev/broken", heartbeat("S-bad", T0))
        : journal.appendOnce("dev/good-" + i, heartbeat("S-" + i, T0)));

    for (int i = 0; i < queued; i++) {
      Future<JournalEvent> caller = callers.get(i);
      if (i == 4) {
        assertThatThrownBy(() -> caller.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            .hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("dev/broken");
      } else {
        assertThat(caller.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).subjects().get(0).id()).isEqualTo("S-" + i);
      }
    }
    assertThat(journal.readAfter(0, 100)).extracting(JournalEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, queued - 1).boxed().toList());
  }

  @Test
  void appendAllCommitsItsEventsAndTheExtraWorkInOneTransaction() {
    journal.append(heartbeat("S-0", T0));
    List<Appended> seenByExtra = new ArrayList<>();

    List<Appended> appended = journal.appendAll(
        List.of(JournalAppend.of(heartbeat("S-1", T0)), JournalAppend.once("dev/a", heartbeat("S-2", T0))),
        (session, outcomes) -> {
          seenByExtra.addAll(outcomes);
          session.persist(new ProcessedRequestRow("extra/checkpoint", outcomes.get(1).event().seq(), T0));
        });

    assertThat(appended).extracting(a -> a.event().seq()).containsExactly(2L, 3L);
    assertThat(appended).allMatch(Appended::isNew);
    assertThat(seenByExtra).isEqualTo(appended);
    assertThat(journal.readAfter(1, 10)).containsExactly(appended.get(0).event(), appended.get(1).event());
    assertThat(journal.appendOnce("extra/checkpoint", heartbeat("S-9", T0))).isEqualTo(appended.get(1).event());
  }

  @Test
  void appendAllRecordsNothingWhenTheExtraWorkThrows() {
    journal.append(heartbeat("S-0", T0));
    AtomicInteger wakeUps = new AtomicInteger();
    live.listen(wakeUps::incrementAndGet);

    assertThatThrownBy(() -> journal.appendAll(
        List.of(JournalAppend.of(heartbeat("S-1", T0)), JournalAppend.once("dev/b", heartbeat("S-2", T0))),
        (session, outcomes) -> {
          throw new IllegalStateException("checkpoint refused");
        }))
        .hasMessage("checkpoint refused");

    assertThat(journal.lastSeq()).isEqualTo(1);
    assertThat(journal.readAfter(0, 10)).hasSize(1);
    assertThat(wakeUps).hasValue(0);
    assertThat(journal.appendOnce("dev/b", heartbeat("S-2", T0)).seq()).isEqualTo(2);
  }

  @Test
  void appendAllFlagsRepeatedRequestKeysAsNotNewAndRecordsThemOnce() {
    JournalEvent before = journal.appendOnce("dev/old", heartbeat("S-0", T0));

    List<Appended> appended = journal.appendAll(List.of(
        JournalAppend.once("dev/old", heartbeat("S-1", T0)),
        JournalAppend.once("dev/new", heartbeat("S-2", T0)),
        JournalAppend.once("dev/new", heartbeat("S-3", T0)),
        JournalAppend.of(heartbeat("S-4", T0))), TransactionWork.NONE);

    assertThat(appended).extracting(Appended::isNew).containsExactly(false, true, false, true);
    assertThat(appended.get(0).event()).isEqualTo(before);
    assertThat(appended.get(2).event()).isEqualTo(appended.get(1).event());
    assertThat(appended).extracting(a -> a.event().seq()).containsExactly(1L, 2L, 2L, 3L);
    assertThat(journal.lastSeq()).isEqualTo(3);
  }

  @Test
  void appendAllRefusesExtraWorkThatAppendsItselfInsteadOfWaitingForever() {
    assertThatThrownBy(() -> journal.appendAll(List.of(JournalAppend.of(heartbeat("S-1", T0))),
        (session, outcomes) -> journal.append(heartbeat("S-2", T0))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(journal.lastSeq()).isZero();
  }

  @Test
  void appendAllWakesLiveListenersOnceAfterItsCommit() {
    AtomicInteger wakeUps = new AtomicInteger();
    List<Long> visibleAtWakeUp = new ArrayList<>();
    live.listen(() -> {
      wakeUps.incrementAndGet();
      visibleAtWakeUp.add(journal.lastSeq());
    });

    journal.appendAll(List.of(JournalAppend.of(heartbeat("S-1", T0)), JournalAppend.of(heartbeat("S-2", T0))),
        TransactionWork.NONE);

    assertThat(wakeUps).hasValue(1);
    assertThat(visibleAtWakeUp).containsExactly(2L);
  }

  @Test
  void sameRequestKeyTwiceInOneGroupRecordsOneEvent() throws Exception {
    List<Future<JournalEvent>> callers = lineUpBehindABusyJournal(6,
        i -> journal.appendOnce("dev/twin-" + (i % 3), heartbeat("S-" + i, T0)));

    List<JournalEvent> events = new ArrayList<>();
    for (Future<JournalEvent> caller : callers) {
      events.add(caller.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(events.get(i + 3)).isEqualTo(events.get(i));
    }
    assertThat(events.subList(0, 3)).extracting(JournalEvent::seq).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(journal.lastSeq()).isEqualTo(3);
  }

  /**
   * Holds the journal in an appendAll while {@code count} callers queue, then lets them all go,
   * so that they commit as one group.
   */
  private List<Future<JournalEvent>> lineUpBehindABusyJournal(int count, IndexedAppend append)
      throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = pool.submit(() -> journal.appendAll(List.of(), (session, outcomes) -> {
      holding.countDown();
      awaitQuietly(release);
    }));
    assertThat(holding.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    ExecutorService callers = Executors.newFixedThreadPool(count);
    List<Future<JournalEvent>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(callers.submit(() -> append.append(n)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (journal.queuedAppends() < count && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(journal.queuedAppends()).isEqualTo(count);
    } finally {
      release.countDown();
      callers.shutdown();
    }
    holder.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return futures;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface IndexedAppend {
    JournalEvent append(int index) throws Exception;
  }
}
