package io.cordon.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.park.Park;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source saying an alarm's condition is over: the alarm records when, and keeps its state. */
class ConditionEndedTest {

  @TempDir
  Path dir;
  private final Park park = ParkFileLoader.loadSample();
  private TestDatabase testDatabase;
  private Database database;
  private AlarmCenter center;
  private CenterConditionAlarmSink sink;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.h2(dir);
    start();
  }

  private void start() {
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(AlarmEntities.classes());
    database = Database.open(testDatabase.settings(), entities);
    HibernateEventJournal journal = new HibernateEventJournal(database, new InProcessLiveEvents(), Clock.systemUTC());
    center = new AlarmCenter(park, database, journal, SopCatalog.bundled(), AlarmCenterSettings.defaults(),
        Clock.systemUTC());
    center.start();
    sink = new CenterConditionAlarmSink(center, journal);
  }

  private void stop() {
    center.close();
    database.close();
  }

  @AfterEach
  void close() {
    stop();
    testDatabase.drop();
  }

  private String raiseSpeeding(String requestId, Instant at) {
    return sink.raise(new ReceivedAlarmReport(requestId, "jt808", AlarmType.VEHICLE_SPEEDING, Optional.empty(),
        new SourceRef("vehicle", "苏E12345"), 120.944322, 31.935, List.of(), "超速 50 km/h", at)).orElseThrow();
  }

  @Test
  void theEndOfTheConditionIsRecordedOnTheOpenAlarmBySystem() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
    String id = raiseSpeeding("r1", start);
    Instant end = start.plusSeconds(20);
    sink.conditionEnded(id, end, "back below the limit");
    io.cordon.api.v1.Alarm alarm = center.find(id).orElseThrow();
    assertThat(Instant.ofEpochSecond(alarm.getConditionEndedAt().getSeconds(), alarm.getConditionEndedAt().getNanos()))
        .isEqualTo(end);
    assertThat(alarm.getState()).isEqualTo(io.cordon.api.v1.AlarmState.ALARM_STATE_NEW);
    assertThat(alarm.getHistoryList()).last().satisfies(t -> {
      assertThat(t.getAction()).isEqualTo("condition_ended");
      assertThat(t.getBy()).isEqualTo("system");
    });
  }

  @Test
  void anAlarmWhoseConditionIsOngoingHasNoEndTime() {
    String id = raiseSpeeding("r1", Instant.now().minusSeconds(5));
    assertThat(center.find(id).orElseThrow().hasConditionEndedAt()).isFalse();
  }

  @Test
  void aRepeatAfterTheEndMeansTheConditionIsBack() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
    String id = raiseSpeeding("r1", start);
    sink.conditionEnded(id, start.plusSeconds(10), "");
    assertThat(raiseSpeeding("r2", start.plusSeconds(30))).isEqualTo(id);
    assertThat(center.find(id).orElseThrow().hasConditionEndedAt()).isFalse();
  }

  @Test
  void theEndTimeSurvivesARestart() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
    String id = raiseSpeeding("r1", start);
    sink.conditionEnded(id, start.plusSeconds(20), "");
    stop();
    start();
    assertThat(center.find(id).orElseThrow().hasConditionEndedAt()).isTrue();
  }
}
