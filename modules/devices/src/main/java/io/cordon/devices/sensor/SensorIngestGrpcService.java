package io.cordon.devices.sensor;

import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportAck;
import io.cordon.api.v1.SensorReportBatch;
import io.cordon.api.v1.SensorReportBatchAck;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-facing {@code SensorIngestService}: validates a report, resolves its sensor in the park
 * model and acknowledges it only after the {@link SensorReportSink} has committed it.
 */
public final class SensorIngestGrpcService extends SensorIngestServiceGrpc.SensorIngestServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(SensorIngestGrpcService.class);

  private final SensorDirectory sensors;
  private final SensorReportSink sink;
  private final ReportingAccount reporter;
  private final SensorReportValidator validator;

  public SensorIngestGrpcService(SensorDirectory sensors, SensorReportSink sink, ReportingAccount reporter,
      Clock clock) {
    this.sensors = Objects.requireNonNull(sensors, "sensors");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.validator = new SensorReportValidator(Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void report(SensorReport request, StreamObserver<SensorReportAck> responseObserver) {
    List<FieldViolation> violations = validator.violations(request);
    if (!violations.isEmpty()) {
      responseObserver.onError(badRequest(Code.INVALID_ARGUMENT, "invalid sensor report", violations));
      return;
    }
    Optional<Sensor> sensor = sensors.find(new SensorId(request.getSensorId()));
    if (sensor.isEmpty()) {
      responseObserver.onError(badRequest(Code.NOT_FOUND, "unknown sensor",
          List.of(SensorReportValidator.violation("sensor_id", "is not a sensor of the park"))));
      return;
    }
    long seq;
    try {
      seq = sink.record(observation(request, reporter.current(), sensor.get()));
    } catch (IllegalArgumentException e) {
      // The store refuses this data: the same report would fail forever, so never say "retry".
      log.warn("Refused sensor report {} of {}: {}", request.getRequestId(), request.getSensorId(), e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the report holds data the server cannot store; do not retry it")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record sensor report {} of {}", request.getRequestId(), request.getSensorId(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the report was not recorded; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(SensorReportAck.newBuilder().setSeq(seq).build());
    responseObserver.onCompleted();
  }

  /** Reports per batch: a perimeter host's zones fit; a batch stays one short transaction. */
  static final int MAX_BATCH = 500;

  @Override
  public void reportBatch(SensorReportBatch request, StreamObserver<SensorReportBatchAck> responseObserver) {
    if (request.getReportsCount() == 0 || request.getReportsCount() > MAX_BATCH) {
      responseObserver.onError(badRequest(Code.INVALID_ARGUMENT, "invalid sensor report batch", List.of(
          SensorReportValidator.violation("reports", "must hold 1 to " + MAX_BATCH + " reports"))));
      return;
    }
    List<FieldViolation> violations = new java.util.ArrayList<>();
    List<SensorObservation> observations = new java.util.ArrayList<>();
    boolean unknownSensor = false;
    String reporting = reporter.current();
    for (int i = 0; i < request.getReportsCount(); i++) {
      SensorReport report = request.getReports(i);
      String prefix = "reports[" + i + "].";
      List<FieldViolation> own = validator.violations(report);
      if (!own.isEmpty()) {
        own.forEach(v -> violations.add(v.toBuilder().setField(prefix + v.getField()).build()));
        continue;
      }
      Optional<Sensor> sensor = sensors.find(new SensorId(report.getSensorId()));
      if (sensor.isEmpty()) {
        unknownSensor = true;
        violations.add(SensorReportValidator.violation(prefix + "sensor_id", "is not a sensor of the park"));
        continue;
      }
      observations.add(observation(report, reporting, sensor.get()));
    }
    if (!violations.isEmpty()) {
      boolean onlyUnknown = unknownSensor && violations.stream().allMatch(v -> v.getField().endsWith(".sensor_id"));
      responseObserver.onError(badRequest(onlyUnknown ? Code.NOT_FOUND : Code.INVALID_ARGUMENT,
          "invalid sensor report batch; nothing was recorded", violations));
      return;
    }
    List<Long> seqs;
    try {
      seqs = sink.recordAll(observations);
    } catch (IllegalArgumentException e) {
      log.warn("Refused a sensor report batch of {} reports: {}", observations.size(), e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the batch holds data the server cannot store; do not retry it")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record a sensor report batch of {} reports", observations.size(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the batch was not recorded; retry it with the same request_ids")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(SensorReportBatchAck.newBuilder().addAllSeqs(seqs).build());
    responseObserver.onCompleted();
  }

  private static SensorObservation observation(SensorReport request, String reporter, Sensor sensor) {
    return new SensorObservation(
        request.getRequestId(),
        reporter == null ? "" : reporter,
        sensor.id(),
        sensor.type(),
        sensor.segmentId(),
        kindOf(request),
        Instant.ofEpochSecond(request.getTime().getSeconds(), request.getTime().getNanos()),
        sensor.position().getX(),
        sensor.position().getY(),
        request.getDetail());
  }

  private static ObservationKind kindOf(SensorReport request) {
    switch (request.getKind()) {
      case SENSOR_REPORT_KIND_HEARTBEAT:
        return ObservationKind.HEARTBEAT;
      case SENSOR_REPORT_KIND_INTRUSION:
        return ObservationKind.INTRUSION;
      case SENSOR_REPORT_KIND_FAULT:
        return ObservationKind.FAULT;
      case SENSOR_REPORT_KIND_TAMPER:
        return ObservationKind.TAMPER;
      default:
        throw new IllegalArgumentException("unvalidated kind " + request.getKind());
    }
  }

  private static RuntimeException badRequest(Code code, String message, List<FieldViolation> violations) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(com.google.protobuf.Any.pack(
            BadRequest.newBuilder().addAllFieldViolations(violations).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
