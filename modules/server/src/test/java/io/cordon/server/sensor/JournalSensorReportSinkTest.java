package io.cordon.server.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.sensor.ObservationKind;
import io.cordon.devices.sensor.SensorObservation;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink on a real journal, called outside any gRPC call (as a queued pipeline would). */
class JournalSensorReportSinkTest {

  @TempDir
  Path dir;
  Database database;
  JournalSensorReportSink sink;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.h2(dir).settings(), JournalEntities.classes());
    sink = new JournalSensorReportSink(new HibernateEventJournal(database, new InProcessLiveEvents(),
        Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theSameRequestIdFromTwoDeviceAccountsRecordsTwoEvents() {
    long first = sink.record(observation("gate-dev", "req-1"));
    long second = sink.record(observation("fence-dev", "req-1"));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theSameRequestIdFromOneDeviceAccountRecordsOnce() {
    long first = sink.record(observation("fence-dev", "req-1"));

    assertThat(sink.record(observation("fence-dev", "req-1"))).isEqualTo(first);
  }

  private static SensorObservation observation(String reporter, String requestId) {
    return new SensorObservation(requestId, reporter, new SensorId("S-001"), SensorType.FENCE_VIBRATION,
        new SegmentId("P-01"), ObservationKind.HEARTBEAT, Instant.parse("2026-11-25T08:00:00Z"), 120.5, 31.9, "");
  }
}
