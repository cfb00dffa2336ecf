package io.cordon.server.video.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.RetentionPolicy;
import io.cordon.media.record.RetentionSweeper;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarm evidence over the real database index (H2 here, PostgreSQL in the subclass): which segments an alarm
 * protects, and that retention and the disk guard keep exactly those. Alarms are written into the alarm
 * center's table as the center stores them.
 */
class AlarmEvidenceProtectionTest {
  static final Instant RAISED = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration SEGMENT = Duration.ofMinutes(1);
  @TempDir
  Path dir;
  TestDatabase testDatabase;
  Database database;
  DatabaseSegmentCatalog catalog;
  AlarmEvidenceBook book;

  TestDatabase freshDatabase(Path where) {
    return TestDatabase.h2(where);
  }

  @BeforeEach
  void open() {
    testDatabase = freshDatabase(dir);
    database = Database.open(testDatabase.settings(), List.of());
    catalog = new DatabaseSegmentCatalog(database);
    book = new AlarmEvidenceBook(database);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      testDatabase.drop();
    }
  }

  /** One-minute segments of {@code camera} from {@code first} for {@code count} minutes, on disk and indexed. */
  List<RecordedSegment> record(String camera, Instant first, int count) throws Exception {
    List<RecordedSegment> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant start = first.plus(SEGMENT.multipliedBy(i));
      Path file = dir.resolve(camera + "-" + start.toEpochMilli() + ".ts");
      Files.write(file, new byte[188]);
      RecordedSegment s = new RecordedSegment(camera, StreamProfile.MAIN, start, start.plus(SEGMENT), 188, file);
      catalog.recorded(s);
      out.add(s);
    }
    return out;
  }

  void alarm(String id, Instant raised, Instant closed, String... cameras) {
    Alarm body = Alarm.newBuilder().setAlarmId(id).addAllLinkedCameraIds(List.of(cameras))
        .setLocation(AlarmLocation.getDefaultInstance()).build();
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement delete = c.prepareStatement("delete from alarm where alarm_id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement("insert into alarm (alarm_id, state, version, last_seq,"
          + " raised_at, closed_at, body) values (?, ?, 1, 1, ?, ?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, closed == null ? "NEW" : "CLOSED");
        insert.setObject(3, DatabaseSegmentCatalog.utc(raised));
        insert.setObject(4, closed == null ? null : DatabaseSegmentCatalog.utc(closed));
        insert.setString(5, Base64.getEncoder().encodeToString(body.toByteArray()));
        insert.executeUpdate();
      }
    }));
    book.fullSync();
  }

  void closeAlarm(String id, Instant closed) {
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement update = c.prepareStatement("update alarm set closed_at = ?, state = 'CLOSED'"
          + " where alarm_id = ?")) {
        update.setObject(1, DatabaseSegmentCatalog.utc(closed));
        update.setString(2, id);
        update.executeUpdate();
      }
    }));
  }

  List<RecordedSegment> protectedOf(List<RecordedSegment> segments) {
    var protectors = catalog.protectors(segments);
    return segments.stream().filter(s -> !protectors.get(s.path()).isEmpty()).toList();
  }

  @Test
  void theSegmentEndingExactlySixtySecondsBeforeTheAlarmIsNotEvidenceTheOneHoldingThatInstantIs() throws Exception {
    // segments on the minute: [09:58, 09:59) ends exactly at raised - 60 s; [09:59, 10:00) holds it
    List<RecordedSegment> segments = record("CAM-1", RAISED.minusSeconds(180), 5);
    alarm("A-1", RAISED, RAISED.plusSeconds(30), "CAM-1");

    assertThat(protectedOf(segments)).extracting(RecordedSegment::start)
        .containsExactly(RAISED.minusSeconds(60), RAISED);
  }

  @Test
  void whenTheMinuteBeforeFallsInsideASegmentThatWholeSegmentIsEvidence() throws Exception {
    List<RecordedSegment> segments = record("CAM-1", RAISED.minusSeconds(150), 4); // 09:57:30, 09:58:30, ...
    alarm("A-1", RAISED, RAISED.plusSeconds(10), "CAM-1");

    assertThat(protectedOf(segments)).extracting(RecordedSegment::start)
        .containsExactly(RAISED.minusSeconds(90), RAISED.minusSeconds(30));
  }

  @Test
  void anOpenAlarmProtectsEverySegmentRecordedSinceAMinuteBeforeIt() throws Exception {
    alarm("A-1", RAISED, null, "CAM-1");
    List<RecordedSegment> later = record("CAM-1", RAISED.minusSeconds(60), 10);

    assertThat(protectedOf(later)).hasSize(10);
  }

  @Test
  void aClosedAlarmProtectsUpToTheSegmentHoldingItsCloseAndNoFurther() throws Exception {
    List<RecordedSegment> segments = record("CAM-1", RAISED.minusSeconds(60), 6);
    alarm("A-1", RAISED, null, "CAM-1");
    closeAlarm("A-1", RAISED.plusSeconds(150));
    book.sync(); // the round every couple of seconds sees the close

    assertThat(protectedOf(segments)).extracting(RecordedSegment::start)
        .containsExactly(RAISED.minusSeconds(60), RAISED, RAISED.plusSeconds(60), RAISED.plusSeconds(120));
    assertThat(book.find("A-1").orElseThrow().closedAt()).contains(RAISED.plusSeconds(150));
  }

  @Test
  void theFrequentRoundTakesNewOpenAlarmsAndOneAlarmCanBeTakenOnDemand() {
    database.runInTransaction(session -> session.doWork(c -> {
      try (PreparedStatement insert = c.prepareStatement("insert into alarm (alarm_id, state, version, last_seq,"
          + " raised_at, closed_at, body) values (?, 'NEW', 1, 1, ?, ?, ?)")) {
        for (String id : List.of("A-open", "A-short")) {
          insert.setString(1, id);
          insert.setObject(2, DatabaseSegmentCatalog.utc(RAISED));
          insert.setObject(3, id.equals("A-open") ? null : DatabaseSegmentCatalog.utc(RAISED.plusSeconds(1)));
          insert.setString(4, Base64.getEncoder().encodeToString(Alarm.newBuilder().setAlarmId(id)
              .addLinkedCameraIds("CAM-1").build().toByteArray()));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }));

    book.sync();
    assertThat(book.find("A-open")).isPresent();
    assertThat(book.find("A-short")).as("raised and closed between two rounds").isEmpty();
    book.syncOne("A-short");
    assertThat(book.find("A-short").orElseThrow().closedAt()).contains(RAISED.plusSeconds(1));
  }

  @Test
  void onlyTheAlarmsLinkedCamerasAreProtected() throws Exception {
    List<RecordedSegment> linked = record("CAM-1", RAISED, 1);
    List<RecordedSegment> other = record("CAM-2", RAISED, 1);
    alarm("A-1", RAISED, RAISED.plusSeconds(5), "CAM-1");

    assertThat(protectedOf(linked)).hasSize(1);
    assertThat(protectedOf(other)).isEmpty();
  }

  @Test
  void releasedEvidenceNoLongerProtectsAndTheReleaseIsRecorded() throws Exception {
    List<RecordedSegment> segments = record("CAM-1", RAISED, 2);
    alarm("A-1", RAISED, RAISED.plusSeconds(90), "CAM-1");

    AlarmEvidence released = book.release("A-1", "supervisor", "reviewed, false alarm", RAISED.plus(Duration.ofDays(1)))
        .orElseThrow();

    assertThat(protectedOf(segments)).isEmpty();
    assertThat(released.releasedBy()).isEqualTo("supervisor");
    assertThat(released.releaseReason()).isEqualTo("reviewed, false alarm");
  }

  @Test
  void retentionOverTheDatabaseKeepsEvidencePastItsAgeAndDeletesTheRest() throws Exception {
    List<RecordedSegment> segments = record("CAM-1", RAISED.minusSeconds(180), 5);
    alarm("A-1", RAISED, RAISED.plusSeconds(30), "CAM-1");
    Clock later = Clock.fixed(RAISED.plus(Duration.ofDays(100)), ZoneOffset.UTC);

    new RetentionSweeper(catalog, RetentionPolicy.defaults(), dir, 0, d -> Long.MAX_VALUE, (a, b, c, e) -> { },
        later).sweep();

    assertThat(catalog.segments("CAM-1", StreamProfile.MAIN, Instant.EPOCH, RAISED.plus(Duration.ofDays(365))))
        .extracting(RecordedSegment::start).containsExactly(RAISED.minusSeconds(60), RAISED);
    assertThat(Files.exists(segments.get(0).path())).isFalse();
    assertThat(Files.exists(segments.get(2).path())).isTrue();
  }

  @Test
  void theDiskGuardOverTheDatabaseStopsAtProtectedSegmentsAndSaysSo() throws Exception {
    record("CAM-1", RAISED.minusSeconds(180), 5);
    alarm("A-1", RAISED, RAISED.plusSeconds(30), "CAM-1");
    List<Long> kept = new ArrayList<>();

    RetentionSweeper.Result result = new RetentionSweeper(catalog, RetentionPolicy.defaults(), dir, 1000,
        d -> 10, (a, b, c, protectedSegments) -> kept.add(protectedSegments),
        Clock.fixed(RAISED, ZoneOffset.UTC)).sweep();

    assertThat(result.freedForSpace()).isEqualTo(3);
    assertThat(result.onlyProtectedLeft()).isTrue();
    assertThat(kept).containsExactly(2L);
  }
}
