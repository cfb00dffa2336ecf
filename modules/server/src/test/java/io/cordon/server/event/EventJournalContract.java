package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.RejectedDataException;
import io.cordon.server.persistence.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do for the journal; subclasses pick the database. */
abstract class EventJournalContract {

  static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  private TestDatabase testDatabase;
  private Database database;
  private final InProcessLiveEvents live = new InProcessLiveEvents();
  EventJournal journal;

  abstract TestDatabase freshDatabase();

  @BeforeEach
  void openJournal() {
    testDatabase = freshDatabase();
    open();
  }

  @AfterEach
  void closeJournal() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.drop();
    }
  }

  private void open() {
    database = Database.open(testDatabase.settings(), JournalEntities.classes());
    journal = new HibernateEventJournal(database, live, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
  }

  @Test
  void appendAssignsConsecutiveSequenceNumbersFromOne() {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seqs.add(journal.append(heartbeat("S-1", T0)).seq());
    }

    assertThat(seqs).containsExactly(1L, 2L, 3L);
    assertThat(journal.lastSeq()).isEqualTo(3);
  }

  @Test
  void anAppendedEventReadsBackWithEveryField() {
    NewEvent event = new NewEvent(T0.plusNanos(123_456_000), "sensor.intrusion",
        List.of(new SubjectKey("sensor", "S-7"), new SubjectKey("segment", "P-2")),
        Optional.of(new Location(120.51, 31.92)), "Intrusion at sensor S-7",
        Map.of("sensor_type", "FENCE_VIBRATION", "detail", "cut \"wire\""));

    JournalEvent appended = journal.append(event);
    JournalEvent read = journal.readAfter(0, 10).get(0);

    assertThat(read).isEqualTo(appended);
    assertThat(read.occurredAt()).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(read.recordedAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(read.subjects()).containsExactly(new SubjectKey("sensor", "S-7"), new SubjectKey("segment", "P-2"));
    assertThat(read.location()).contains(new Location(120.51, 31.92));
    assertThat(read.attributes()).containsEntry("detail", "cut \"wire\"");
  }

  @Test
  void anEventWithoutLocationReadsBackWithoutOne() {
    journal.append(new NewEvent(T0, "system.note", List.of(), Optional.empty(), "note", Map.of()));

    assertThat(journal.readAfter(0, 1).get(0).location()).isEmpty();
  }

  @Test
  void readAfterReturnsOnlyLaterEventsInOrderUpToTheLimit() {
    for (int i = 0; i < 10; i++) {
      journal.append(heartbeat("S-" + i, T0.plusSeconds(i)));
    }

    assertThat(journal.readAfter(4, 3)).extracting(JournalEvent::seq).containsExactly(5L, 6L, 7L);
    assertThat(journal.readAfter(10, 3)).isEmpty();
  }

  @Test
  void repeatingARequestKeyRecordsNothingNewAndReturnsTheOriginal() {
    JournalEvent first = journal.appendOnce("dev/req-1", heartbeat("S-1", T0));
    journal.append(heartbeat("S-2", T0));

    JournalEvent again = journal.appendOnce("dev/req-1", heartbeat("S-1", T0.plusSeconds(5)));

    assertThat(again).isEqualTo(first);
    assertThat(journal.lastSeq()).isEqualTo(2);
  }

  @Test
  void concurrentAppendsLeaveNoGapsAndNoDuplicates() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        int n = i;
        futures.add(pool.submit(() -> journal.appendOnce("k" + (n % 100), heartbeat("S-" + n, T0)).seq()));
      }
      for (Future<Long> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(journal.readAfter(0, 1000)).extracting(JournalEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
  }

  @Test
  void eventsSurviveClosingAndReopeningTheDatabase() {
    journal.append(heartbeat("S-1", T0));
    journal.appendOnce("dev/req-9", heartbeat("S-2", T0));
    database.close();

    open();

    assertThat(journal.readAfter(0, 10)).extracting(JournalEvent::type).hasSize(2);
    assertThat(journal.appendOnce("dev/req-9", heartbeat("S-2", T0)).seq()).isEqualTo(2);
    assertThat(journal.append(heartbeat("S-3", T0)).seq()).isEqualTo(3);
  }

  @Test
  void aCommitWakesLiveListeners() {
    AtomicInteger wakeUps = new AtomicInteger();
    LiveEvents.Registration registration = live.listen(wakeUps::incrementAndGet);

    journal.append(heartbeat("S-1", T0));
    registration.close();
    journal.append(heartbeat("S-1", T0));

    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void queryReturnsTheEventsOfTheWindowOldestFirst() {
    journal.append(heartbeat("S-1", T0.plusSeconds(30)));
    journal.append(heartbeat("S-2", T0.minusSeconds(1)));
    journal.append(heartbeat("S-3", T0));
    journal.append(heartbeat("S-4", T0.plusSeconds(10)));
    journal.append(heartbeat("S-5", T0.plusSeconds(60)));

    EventPage page = journal.query(query(T0, T0.plusSeconds(60), TypeFilter.ALL, List.of(), 100));

    assertThat(page.events()).extracting(e -> e.subjects().get(0).id()).containsExactly("S-3", "S-4", "S-1");
    assertThat(page.next()).isEmpty();
  }

  @Test
  void queryFiltersByExactTypeAndByPrefix() {
    journal.append(event("sensor.heartbeat", "S-1"));
    journal.append(event("sensor.intrusion", "S-2"));
    journal.append(event("gate.opened", "G-1"));
    journal.append(event("sensors_x.other", "X-1"));

    assertThat(types(new TypeFilter(List.of("sensor.intrusion")))).containsExactly("sensor.intrusion");
    assertThat(types(new TypeFilter(List.of("sensor.")))).containsExactly("sensor.heartbeat", "sensor.intrusion");
    assertThat(types(new TypeFilter(List.of("gate.", "sensor.heartbeat"))))
        .containsExactly("sensor.heartbeat", "gate.opened");
  }

  @Test
  void queryFiltersBySubjectOfAnyPosition() {
    journal.append(new NewEvent(T0, "sensor.intrusion",
        List.of(new SubjectKey("sensor", "S-1"), new SubjectKey("segment", "P-1")), Optional.empty(), "a", Map.of()));
    journal.append(new NewEvent(T0, "sensor.intrusion",
        List.of(new SubjectKey("sensor", "S-2"), new SubjectKey("segment", "P-2")), Optional.empty(), "b", Map.of()));
    journal.append(new NewEvent(T0, "sensor.intrusion",
        List.of(new SubjectKey("segment", "S-1")), Optional.empty(), "c", Map.of()));

    EventPage page = journal.query(query(T0, T0.plusSeconds(1), TypeFilter.ALL,
        List.of(new SubjectKey("segment", "P-2"), new SubjectKey("sensor", "S-1")), 10));

    assertThat(page.events()).extracting(JournalEvent::summary).containsExactly("a", "b");
  }

  @Test
  void queryPagesThroughEveryMatchOnceInOrder() {
    for (int i = 0; i < 25; i++) {
      journal.append(heartbeat("S-" + i, T0.plusSeconds(i % 5)));
    }
    List<Long> seen = new ArrayList<>();
    Optional<QueryCursor> after = Optional.empty();
    int pages = 0;
    do {
      EventPage page = journal.query(new EventQuery(T0, T0.plusSeconds(60), TypeFilter.ALL, List.of(), 7, after));
      page.events().forEach(e -> seen.add(e.seq()));
      after = page.next();
      pages++;
    } while (after.isPresent());

    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(journal.query(query(T0, T0.plusSeconds(60), TypeFilter.ALL, List.of(), 100)).events())
        .extracting(JournalEvent::seq).containsExactlyElementsOf(seen);
  }

  @Test
  void readAfterWithATypeFilterReturnsOnlyMatchingEventsInSeqOrder() {
    journal.append(event("sensor.heartbeat", "S-1"));
    journal.append(event("sensor.intrusion", "S-2"));
    journal.append(event("gate.opened", "G-1"));
    journal.append(event("sensor.intrusion", "S-3"));

    assertThat(journal.readAfter(0, new TypeFilter(List.of("sensor.intrusion")), 10))
        .extracting(JournalEvent::seq).containsExactly(2L, 4L);
    assertThat(journal.readAfter(2, new TypeFilter(List.of("gate.", "sensor.intrusion")), 10))
        .extracting(JournalEvent::seq).containsExactly(3L, 4L);
    assertThat(journal.readAfter(0, new TypeFilter(List.of("sensor.")), 2))
        .extracting(JournalEvent::seq).containsExactly(1L, 2L);
  }

  @Test
  void aScannedReadOfRareTypesReportsThatItLookedPastTheOtherTypes() {
    journal.append(event("permit.issued", "P-1"));
    for (int i = 0; i < 5; i++) {
      journal.append(event("gate.access", "G-" + i));
    }

    ScannedPage page = journal.readAfterScanned(0, new TypeFilter(List.of("permit.")), 10);

    assertThat(page.events()).extracting(JournalEvent::seq).containsExactly(1L);
    assertThat(page.scannedTo()).isEqualTo(6L);
    assertThat(journal.readAfterScanned(page.scannedTo(), new TypeFilter(List.of("permit.")), 10).scannedTo())
        .isEqualTo(6L);
  }

  @Test
  void aFullScannedPageOnlyVouchesForItsLastEvent() {
    for (int i = 0; i < 4; i++) {
      journal.append(event("permit.issued", "P-" + i));
    }
    journal.append(event("gate.access", "G-1"));

    ScannedPage page = journal.readAfterScanned(0, new TypeFilter(List.of("permit.")), 2);

    assertThat(page.full(2)).isTrue();
    assertThat(page.scannedTo()).isEqualTo(2L);
  }

  @Test
  void aTypePrefixMatchesPercentAndUnderscoreLiterally() {
    journal.append(event("sensorax.other", "X-1"));
    journal.append(event("sensor_x.thing", "X-2"));
    journal.append(event("a%b.thing", "X-3"));
    journal.append(event("abcb.thing", "X-4"));

    assertThat(journal.readAfter(0, new TypeFilter(List.of("sensor_x.")), 10))
        .extracting(JournalEvent::type).containsExactly("sensor_x.thing");
    assertThat(journal.readAfter(0, new TypeFilter(List.of("a%b.")), 10))
        .extracting(JournalEvent::type).containsExactly("a%b.thing");
  }

  @Test
  void aValueTheDatabaseRefusesIsRejectedDataNotAnOutage() {
    // Bypasses NewEvent's own checks, as a future column or mapping mistake would.
    assertThatThrownBy(() -> database.runInTransaction(session -> session.createNativeMutationQuery(
            "insert into processed_request (request_key, seq, recorded_at) values (:key, 1, :at)")
        .setParameter("key", "k".repeat(201))
        .setParameter("at", T0)
        .executeUpdate()))
        .isInstanceOf(RejectedDataException.class);
  }

  @Test
  void twoNodesAppendingToOneDatabaseLeaveNoGapsAndReadInOrder() throws Exception {
    try (Database otherNode = Database.open(testDatabase.settings(), JournalEntities.classes())) {
      List<EventJournal> nodes = List.of(journal,
          new HibernateEventJournal(otherNode, new InProcessLiveEvents(), Clock.systemUTC()));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      Set<Long> seqs = ConcurrentHashMap.newKeySet();
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
          EventJournal node = nodes.get(i % 2);
          int n = i;
          futures.add(pool.submit(() -> seqs.add(node.append(heartbeat("S-" + n, T0)).seq())));
        }
        for (Future<?> future : futures) {
          future.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      List<Long> expected = LongStream.rangeClosed(1, 80).boxed().toList();
      assertThat(seqs).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(journal.readAfter(0, 1000)).extracting(JournalEvent::seq).containsExactlyElementsOf(expected);
      assertThat(nodes.get(1).readAfter(0, 1000)).extracting(JournalEvent::seq)
          .containsExactlyElementsOf(expected);
    }
  }

  private List<String> types(TypeFilter filter) {
    return journal.query(query(T0, T0.plusSeconds(1), filter, List.of(), 100)).events().stream()
        .map(JournalEvent::type).toList();
  }

  static EventQuery query(Instant from, Instant to, TypeFilter types, List<SubjectKey> subjects, int pageSize) {
    return new EventQuery(from, to, types, subjects, pageSize, Optional.empty());
  }

  static NewEvent heartbeat(String sensor, Instant at) {
    return new NewEvent(at, "sensor.heartbeat", List.of(new SubjectKey("sensor", sensor)),
        Optional.of(new Location(120.5, 31.9)), "Heartbeat at sensor " + sensor, Map.of());
  }

  static NewEvent event(String type, String subject) {
    return new NewEvent(T0, type, List.of(new SubjectKey("x", subject)), Optional.empty(), type, Map.of());
  }
}
