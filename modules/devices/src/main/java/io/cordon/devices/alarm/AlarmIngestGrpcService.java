package io.cordon.devices.alarm;

import com.google.protobuf.util.Timestamps;
import com.google.rpc.Code;
import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmReportAck;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.AlarmType.Family;
import io.cordon.domain.alarm.Evidence;
import io.cordon.domain.alarm.SourceRef;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-facing {@code AlarmIngestService}: checks a report (syntax, that its type fits its source,
 * that the source exists in the park, that the place is in the park), and acknowledges it only after
 * the {@link AlarmReportSink} has committed it.
 */
public final class AlarmIngestGrpcService extends AlarmIngestServiceGrpc.AlarmIngestServiceImplBase {

  static final int MAX_REQUEST_ID = 64;
  static final int MAX_SOURCE_ID = 64;
  static final int MAX_DETAIL = 256;
  static final int MAX_EVIDENCE = 4;
  static final int MAX_EVIDENCE_KIND = 32;
  static final int MAX_EVIDENCE_REFERENCE = 512;
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Set<String> KINDS = Set.of("camera", "gate", "sensor", "vehicle", "device");
  private static final Logger log = LoggerFactory.getLogger(AlarmIngestGrpcService.class);

  private final AlarmSources sources;
  private final AlarmReportSink sink;
  private final Supplier<String> reporter;
  private final Clock clock;

  public AlarmIngestGrpcService(AlarmSources sources, AlarmReportSink sink, Supplier<String> reporter, Clock clock) {
    this.sources = Objects.requireNonNull(sources, "sources");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void raise(AlarmReport request, StreamObserver<AlarmReportAck> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID)
        .checkOptionalText("detail", request.getDetail(), MAX_DETAIL);
    Optional<AlarmType> type = AlarmEnums.toDomain(request.getType());
    String kind = request.getSourceKind();
    if (type.isEmpty() || type.get() == AlarmType.PERIMETER_INTRUSION || type.get() == AlarmType.HEARTBEAT_MISSING
        || type.get() == AlarmType.MANUAL) {
      violations.add("type", "must be a device-raised type (perimeter intrusions come through SensorIngestService)");
    }
    if (!KINDS.contains(kind)) {
      violations.add("source_kind", "must be camera, gate, sensor, vehicle or device");
    } else if (type.isPresent() && !fits(type.get(), kind)) {
      violations.add("source_kind", type.get() + " cannot come from a " + kind);
    }
    violations.checkText("source_id", request.getSourceId(), 1, MAX_SOURCE_ID);
    if (kind.equals("vehicle") && !request.getSourceId().isEmpty() && !sources.isValidPlate(request.getSourceId())) {
      violations.add("source_id", "is not a valid plate");
    }
    checkTime(violations, request);
    checkLocation(violations, request, kind);
    List<Evidence> evidence = evidence(violations, request);
    if (!request.getSeverity().equals(io.cordon.api.v1.AlarmSeverity.ALARM_SEVERITY_UNSPECIFIED)
        && AlarmEnums.toDomain(request.getSeverity()).isEmpty()) {
      violations.add("severity", "is not a known severity");
    }
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid alarm report"));
      return;
    }
    Optional<Point> devicePosition = sources.positionOf(kind, request.getSourceId());
    if (sources.isParkDevice(kind) && devicePosition.isEmpty()) {
      responseObserver.onError(FieldViolations.single(Code.NOT_FOUND, "unknown source", "source_id",
          "is not a " + kind + " of the park"));
      return;
    }
    double lon = request.hasLocation() ? request.getLocation().getLon() : devicePosition.get().getX();
    double lat = request.hasLocation() ? request.getLocation().getLat() : devicePosition.get().getY();
    ReceivedAlarmReport report = new ReceivedAlarmReport(request.getRequestId(), Objects.toString(reporter.get(), ""),
        type.get(), AlarmEnums.toDomain(request.getSeverity()), new SourceRef(kind, request.getSourceId()), lon, lat,
        evidence, request.getDetail(), instant(request.getTime()));
    long seq;
    try {
      seq = sink.record(report);
    } catch (IllegalArgumentException e) {
      log.warn("Refused alarm report {}: {}", request.getRequestId(), e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the report holds data the server cannot store; do not retry it").asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record alarm report {}", request.getRequestId(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the report was not recorded; retry with the same request_id").asRuntimeException());
      return;
    }
    responseObserver.onNext(AlarmReportAck.newBuilder().setSeq(seq).build());
    responseObserver.onCompleted();
  }

  private static boolean fits(AlarmType type, String kind) {
    Family family = type.family();
    if (family == Family.DEVICE) {
      return !kind.equals("vehicle");
    }
    switch (kind) {
      case "camera":
        return family == Family.VIDEO;
      case "gate":
        return family == Family.GATE;
      case "vehicle":
        return family == Family.VEHICLE;
      default:
        return false;
    }
  }

  private void checkTime(FieldViolations violations, AlarmReport request) {
    if (!request.hasTime()) {
      violations.add("time", "is required");
    } else if (!Timestamps.isValid(request.getTime())) {
      violations.add("time", "is not a valid timestamp");
    } else {
      Instant time = instant(request.getTime());
      if (time.isBefore(EARLIEST)) {
        violations.add("time", "must not be before " + EARLIEST);
      } else if (time.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
        violations.add("time", "must not be more than " + MAX_CLOCK_AHEAD.toMinutes() + " minutes in the future");
      }
    }
  }

  private void checkLocation(FieldViolations violations, AlarmReport request, String kind) {
    if (!request.hasLocation()) {
      if (kind.equals("vehicle") || kind.equals("device")) {
        violations.add("location", "is required for a " + kind + " source");
      }
      return;
    }
    double lon = request.getLocation().getLon();
    double lat = request.getLocation().getLat();
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      violations.add("location", "is not a WGS84 position");
    } else if (!sources.inArea(lon, lat)) {
      violations.add("location", "is outside the park");
    }
  }

  private static List<Evidence> evidence(FieldViolations violations, AlarmReport request) {
    if (request.getEvidenceCount() > MAX_EVIDENCE) {
      violations.add("evidence", "must hold at most " + MAX_EVIDENCE + " references");
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < request.getEvidenceCount(); i++) {
      io.cordon.api.v1.Evidence e = request.getEvidence(i);
      int before = violations.list().size();
      violations.checkText("evidence[" + i + "].kind", e.getKind(), 1, MAX_EVIDENCE_KIND)
          .checkText("evidence[" + i + "].reference", e.getReference(), 1, MAX_EVIDENCE_REFERENCE);
      if (e.hasTime() && !Timestamps.isValid(e.getTime())) {
        violations.add("evidence[" + i + "].time", "is not a valid timestamp");
      }
      if (violations.list().size() == before) {
        evidence.add(new Evidence(e.getKind(), e.getReference(),
            e.hasTime() ? Optional.of(instant(e.getTime())) : Optional.empty()));
      }
    }
    return evidence;
  }

  private static Instant instant(com.google.protobuf.Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
