package io.cordon.devices.track;

import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.PositionBatchAck;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-facing {@code PositionIngestService}: validates a whole batch, refuses it whole when any
 * fix is broken, and acknowledges it only after the {@link PositionSink} has committed it.
 */
public final class PositionIngestGrpcService extends PositionIngestServiceGrpc.PositionIngestServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(PositionIngestGrpcService.class);

  private final PositionSink sink;
  private final Supplier<String> reporter;
  private final PositionBatchValidator validator;

  /**
   * @param area where fixes may come from ({@link ServiceArea#around})
   * @param reporter names the device account of the call being served (asked on the calling thread)
   */
  public PositionIngestGrpcService(PositionSink sink, ServiceArea area, Supplier<String> reporter, Clock clock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.validator = new PositionBatchValidator(Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(area, "area"));
  }

  @Override
  public void report(PositionBatch request, StreamObserver<PositionBatchAck> responseObserver) {
    List<FieldViolation> violations = validator.violations(request);
    if (!violations.isEmpty()) {
      responseObserver.onError(invalid(violations));
      return;
    }
    PositionReport report = new PositionReport(request.getRequestId(), reporter.get(),
        PositionBatchValidator.fixes(request));
    BatchReceipt receipt;
    try {
      receipt = sink.accept(report);
    } catch (IllegalArgumentException e) {
      // The store refuses this data: the same batch would fail forever, so never say "retry".
      log.warn("Refused position batch {} of {}: {}", report.requestId(), report.reporter(), e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the batch holds data the server cannot store; do not retry it")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record position batch {} of {}", report.requestId(), report.reporter(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the batch was not recorded; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(PositionBatchAck.newBuilder()
        .setAccepted(receipt.accepted())
        .setDuplicate(receipt.duplicate())
        .build());
    responseObserver.onCompleted();
  }

  private static RuntimeException invalid(List<FieldViolation> violations) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT.getNumber())
        .setMessage("invalid position batch; nothing of it was recorded")
        .addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
