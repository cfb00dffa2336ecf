package io.cordon.server.sensor;

import io.cordon.devices.sensor.SensorObservation;
import io.cordon.devices.sensor.SensorReportSink;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.util.List;
import java.util.Optional;

/**
 * Turns a sensor observation into a journal event (subjects: the sensor, then its perimeter
 * segment), idempotent on the device's request id. Request ids are scoped by the reporting device
 * account ({@link SensorObservation#reporter()}), so two devices that happen to choose the same id
 * do not swallow each other's reports.
 *
 * <p>Data the journal cannot store (too long for a column, control characters) surfaces as an
 * {@link IllegalArgumentException}, which the intake answers with INVALID_ARGUMENT.
 */
public final class JournalSensorReportSink implements SensorReportSink {

  private final EventJournal journal;

  public JournalSensorReportSink(EventJournal journal) {
    this.journal = journal;
  }

  @Override
  public long record(SensorObservation observation) {
    return journal.appendOnce(requestKey(observation), event(observation)).seq();
  }

  /** The observation's idempotency key: its request id scoped by the reporting account. */
  public static String requestKey(SensorObservation observation) {
    String reporter = observation.reporter().isEmpty() ? "-" : observation.reporter();
    return "sensor-report/" + reporter + "/" + observation.requestId();
  }

  /** The journal event of an observation. */
  public static NewEvent event(SensorObservation observation) {
    return new NewEvent(
        observation.observedAt(),
        observation.eventType(),
        List.of(new SubjectKey("sensor", observation.sensorId().value()),
            new SubjectKey("segment", observation.segmentId().value())),
        Optional.of(new Location(observation.lon(), observation.lat())),
        observation.summary(),
        observation.attributes());
  }
}
