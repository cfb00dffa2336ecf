package io.cordon.devices.alarm;

import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Evidence;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.alarm.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alarm report that passed the intake's checks: its source exists, its position (given, or the
 * source's own) lies in the park's service area.
 *
 * @param reporter the device account that sent it; request ids are unique per reporter
 */
public record ReceivedAlarmReport(String requestId, String reporter, AlarmType type, Optional<Severity> severity,
    SourceRef source, double lon, double lat, List<Evidence> evidence, String detail, Instant observedAt) {

  public ReceivedAlarmReport {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
