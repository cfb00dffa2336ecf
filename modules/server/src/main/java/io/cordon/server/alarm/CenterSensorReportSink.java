package io.cordon.server.alarm;

import io.cordon.devices.sensor.ObservationKind;
import io.cordon.devices.sensor.SensorObservation;
import io.cordon.devices.sensor.SensorReportSink;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.NewEvent;
import io.cordon.server.sensor.JournalSensorReportSink;

/**
 * The sensor intake's sink with the alarm center in it: intrusion, fault and tamper reports are
 * journalled by the center together with the alarm they raise (acknowledged after that one commit);
 * heartbeats are journalled as they are and then told to the center's heartbeat watch.
 */
public final class CenterSensorReportSink implements SensorReportSink {

  private final AlarmCenter center;
  private final EventJournal journal;
  private final JournalSensorReportSink heartbeats;

  public CenterSensorReportSink(AlarmCenter center, EventJournal journal) {
    this.center = center;
    this.journal = journal;
    this.heartbeats = new JournalSensorReportSink(journal);
  }

  @Override
  public long record(SensorObservation observation) {
    if (observation.kind() == ObservationKind.HEARTBEAT) {
      long seq = heartbeats.record(observation);
      center.heartbeat(observation.sensorId().value(), observation.observedAt());
      return seq;
    }
    NewEvent event = JournalSensorReportSink.event(observation);
    journal.check(event);
    return CenterCalls.await(center.record(JournalSensorReportSink.requestKey(observation), event));
  }
}
