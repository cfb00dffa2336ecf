package io.cordon.server.alarm;

import io.cordon.devices.sensor.ObservationKind;
import io.cordon.devices.sensor.SensorObservation;
import io.cordon.devices.sensor.SensorReportSink;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.sensor.JournalSensorReportSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

  /**
   * A batch: its heartbeats in ONE journal transaction (each still idempotent on its request key),
   * its alarm reports through the center; returns once all are committed.
   */
  @Override
  public List<Long> recordAll(List<SensorObservation> observations) {
    Long[] seqs = new Long[observations.size()];
    List<Integer> beatAt = new ArrayList<>();
    List<JournalAppend> beats = new ArrayList<>();
    List<Integer> reportAt = new ArrayList<>();
    List<CompletableFuture<Long>> reports = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      SensorObservation observation = observations.get(i);
      NewEvent event = JournalSensorReportSink.event(observation);
      journal.check(event);
      if (observation.kind() == ObservationKind.HEARTBEAT) {
        beatAt.add(i);
        beats.add(new JournalAppend(Optional.of(JournalSensorReportSink.requestKey(observation)), event));
      } else {
        reportAt.add(i);
        reports.add(center.record(JournalSensorReportSink.requestKey(observation), event));
      }
    }
    if (!beats.isEmpty()) {
      List<Appended> appended = journal.appendAll(beats, io.cordon.server.event.TransactionWork.NONE);
      for (int b = 0; b < appended.size(); b++) {
        seqs[beatAt.get(b)] = appended.get(b).event().seq();
        SensorObservation beat = observations.get(beatAt.get(b));
        center.heartbeat(beat.sensorId().value(), beat.observedAt());
      }
    }
    for (int r = 0; r < reports.size(); r++) {
      seqs[reportAt.get(r)] = CenterCalls.await(reports.get(r));
    }
    return Arrays.asList(seqs);
  }
}
