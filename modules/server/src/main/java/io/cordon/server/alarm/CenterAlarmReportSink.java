package io.cordon.server.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.devices.alarm.AlarmReportSink;
import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands a device's alarm report to the {@link AlarmCenter} as an {@code alarm.report} event (subject:
 * its source), idempotent on the reporting account and request id; returns once the center has
 * committed the event together with the alarm it raised or counted.
 */
public final class CenterAlarmReportSink implements AlarmReportSink {

  static final String TYPE = "alarm.report";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlarmCenter center;
  private final EventJournal journal;

  public CenterAlarmReportSink(AlarmCenter center, EventJournal journal) {
    this.center = center;
    this.journal = journal;
  }

  @Override
  public long record(ReceivedAlarmReport report) {
    return CenterCalls.await(center.record(requestKey(report), event(report)));
  }

  /** The idempotency key of a report: its reporting account and request id. */
  String requestKey(ReceivedAlarmReport report) {
    String reporter = report.reporter().isEmpty() ? "-" : report.reporter();
    return "alarm-report/" + reporter + "/" + report.requestId();
  }

  /** The report as its {@code alarm.report} event, checked against the journal's limits. */
  NewEvent event(ReceivedAlarmReport report) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", report.type().name());
    report.severity().ifPresent(s -> attributes.put("severity", s.name()));
    if (!report.evidence().isEmpty()) {
      attributes.put("evidence", evidenceJson(report));
    }
    if (!report.detail().isEmpty()) {
      attributes.put("detail", report.detail());
    }
    String summary = report.type() + " from " + report.source()
        + (report.detail().isEmpty() ? "" : ": " + report.detail());
    NewEvent event = new NewEvent(report.observedAt(), TYPE,
        List.of(new SubjectKey(report.source().kind(), report.source().id())),
        Optional.of(new Location(report.lon(), report.lat())), summary, attributes);
    journal.check(event); // refuse what can never be stored alone, not with the center's whole round
    return event;
  }

  private static String evidenceJson(ReceivedAlarmReport report) {
    List<Map<String, String>> list = report.evidence().stream().map(e -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("kind", e.kind());
      m.put("reference", e.reference());
      e.capturedAt().ifPresent(t -> m.put("time", t.toString()));
      return m;
    }).toList();
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("evidence cannot be written", e);
    }
  }
}
