package io.cordon.server.alarm;

import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.server.event.EventJournal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ConditionAlarmSink} over the {@link AlarmCenter}: reports as {@code alarm.report} events. */
public final class CenterConditionAlarmSink implements ConditionAlarmSink {

  private static final Logger log = LoggerFactory.getLogger(CenterConditionAlarmSink.class);

  private final AlarmCenter center;
  private final CenterAlarmReportSink reports;

  public CenterConditionAlarmSink(AlarmCenter center, EventJournal journal) {
    this.center = center;
    this.reports = new CenterAlarmReportSink(center, journal);
  }

  @Override
  public Optional<String> raise(ReceivedAlarmReport report) {
    return CenterCalls.await(center.recordForAlarm(reports.requestKey(report), reports.event(report)));
  }

  @Override
  public void conditionEnded(String alarmId, Instant at, String note) {
    try {
      center.conditionEnded("condition-ended/" + alarmId + "/" + at.toEpochMilli(), alarmId, at, note).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AlarmRefusedException || e.getCause() instanceof UnknownAlarmException) {
        log.debug("Condition end of alarm {} not recorded: {}", alarmId, e.getCause().getMessage());
        return;
      }
      throw new IllegalStateException("the condition end of alarm " + alarmId + " was not recorded", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
