package io.cordon.server.alarm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.alarm.AlarmPlaces;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Evidence;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.alarm.SourceReport;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.SegmentId;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events that raise alarms, read back as domain {@link SourceReport}s placed in the park:
 * devices' {@code alarm.report}s and the perimeter sensors' intrusion, fault and tamper reports.
 */
final class ReportEvents {

  /**
   * The report events the center catches up on at start. Not heartbeats: the watch learns them live,
   * and a server that committed no alarm for hours would otherwise read hours of them at start.
   */
  static final TypeFilter CONSUMED = new TypeFilter(List.of(CenterAlarmReportSink.TYPE, "sensor.intrusion",
      "sensor.fault", "sensor.tamper"));
  private static final TypeReference<List<Map<String, String>>> EVIDENCE = new TypeReference<>() {
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlarmPlaces places;

  ReportEvents(AlarmPlaces places) {
    this.places = places;
  }

  /** The report a journal event carries; empty for heartbeats and events without a place. */
  Optional<SourceReport> report(JournalEvent event) {
    return report(event.type(), event.subjects(), event.location(), event.attributes(), event.occurredAt());
  }

  /** The report an event about to be journalled carries; empty for heartbeats and events without a place. */
  Optional<SourceReport> report(NewEvent event) {
    return report(event.type(), event.subjects(), event.location(), event.attributes(), event.occurredAt());
  }

  private Optional<SourceReport> report(String type, List<SubjectKey> subjects, Optional<Location> place,
      Map<String, String> attributes, Instant occurredAt) {
    if (place.isEmpty() || subjects.isEmpty()) {
      return Optional.empty();
    }
    SubjectKey main = subjects.get(0);
    double lon = place.get().lon();
    double lat = place.get().lat();
    switch (type) {
      case "sensor.intrusion":
        return Optional.of(sensor(subjects, attributes, occurredAt, AlarmType.PERIMETER_INTRUSION, lon, lat));
      case "sensor.fault":
        return Optional.of(sensor(subjects, attributes, occurredAt, AlarmType.DEVICE_FAULT, lon, lat));
      case "sensor.tamper":
        return Optional.of(sensor(subjects, attributes, occurredAt, AlarmType.DEVICE_TAMPER, lon, lat));
      case CenterAlarmReportSink.TYPE:
        return Optional.of(device(attributes, occurredAt, main, lon, lat));
      default:
        return Optional.empty();
    }
  }

  private SourceReport sensor(List<SubjectKey> subjects, Map<String, String> attributes, Instant occurredAt,
      AlarmType type, double lon, double lat) {
    Optional<SegmentId> segment = subjects.stream().filter(s -> s.kind().equals("segment")).findFirst()
        .map(s -> new SegmentId(s.id()));
    AlarmLocation location = places.locate(lon, lat, segment, Optional.empty(), Optional.empty());
    return new SourceReport(type, Optional.empty(), new SourceRef("sensor", subjects.get(0).id()), location,
        places.camerasCovering(location), List.of(), attributes.getOrDefault("detail", ""), occurredAt);
  }

  private SourceReport device(Map<String, String> a, Instant occurredAt, SubjectKey source, double lon,
      double lat) {
    AlarmType type = AlarmType.valueOf(a.get("type"));
    Optional<Severity> severity = Optional.ofNullable(a.get("severity")).map(Severity::valueOf);
    Optional<GateId> gate = source.kind().equals("gate") ? Optional.of(new GateId(source.id())) : Optional.empty();
    Optional<CameraId> camera =
        source.kind().equals("camera") ? Optional.of(new CameraId(source.id())) : Optional.empty();
    AlarmLocation location = places.locate(lon, lat, Optional.empty(), gate, camera);
    return new SourceReport(type, severity, new SourceRef(source.kind(), source.id()), location,
        places.camerasCovering(location), evidence(a.get("evidence")), a.getOrDefault("detail", ""), occurredAt);
  }

  private static List<Evidence> evidence(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      List<Evidence> list = new ArrayList<>();
      for (Map<String, String> e : JSON.readValue(json, EVIDENCE)) {
        list.add(new Evidence(e.get("kind"), e.get("reference"),
            Optional.ofNullable(e.get("time")).map(Instant::parse)));
      }
      return list;
    } catch (IOException e) {
      throw new IllegalStateException("corrupt evidence in the journal", e);
    }
  }
}
