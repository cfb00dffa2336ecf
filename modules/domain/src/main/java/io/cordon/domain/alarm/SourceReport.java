package io.cordon.domain.alarm;

import io.cordon.domain.park.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One report from an alarm source, already checked and placed in the park (location, zone, linked
 * cameras). {@code severity} empty = the type's default.
 */
public record SourceReport(AlarmType type, Optional<Severity> severity, SourceRef source, AlarmLocation location,
    List<CameraId> linkedCameras, List<Evidence> evidence, String detail, Instant observedAt) {

  public SourceReport {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    linkedCameras = List.copyOf(linkedCameras);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
