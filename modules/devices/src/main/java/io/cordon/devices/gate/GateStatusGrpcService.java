package io.cordon.devices.gate;

import com.google.rpc.Code;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateStateAck;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.WatchGateCommandsRequest;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-facing {@code GateStatusService} (interim, ADR 0006): validates a state report, resolves
 * its gate in the park model and acknowledges it only after the {@link GateStateSink} committed
 * it; streams the commands of the {@link GateCommandFeed} to the gates that watch them.
 */
public final class GateStatusGrpcService extends GateStatusServiceGrpc.GateStatusServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(GateStatusGrpcService.class);

  private final GateDirectory gates;
  private final GateStateSink sink;
  private final GateCommandFeed commands;
  private final Supplier<String> reporter;
  private final GateStateReportValidator validator;

  /**
   * @param reporter names the device account of the call being served (asked on the calling
   *     thread); empty when unknown
   */
  public GateStatusGrpcService(GateDirectory gates, GateStateSink sink, GateCommandFeed commands,
      Supplier<String> reporter, Clock clock) {
    this.gates = Objects.requireNonNull(gates, "gates");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.validator = new GateStateReportValidator(Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void reportState(GateStateReport request, StreamObserver<GateStateAck> responseObserver) {
    FieldViolations violations = validator.violations(request);
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid gate state report"));
      return;
    }
    Optional<Gate> gate = gates.find(new GateId(request.getGateId()));
    if (gate.isEmpty()) {
      responseObserver.onError(FieldViolations.single(Code.NOT_FOUND, "unknown gate", "gate_id",
          "is not a gate of the park"));
      return;
    }
    String account = reporter.get();
    GateStateObservation observation = new GateStateObservation(request.getRequestId(),
        account == null ? "" : account, gate.get(), GateMessages.toDomain(request.getState()),
        GateMessages.instant(request.getTime()), request.getDetail());
    long seq;
    try {
      seq = sink.record(observation);
    } catch (IllegalArgumentException e) {
      log.warn("Refused gate report {} of {}: {}", request.getRequestId(), request.getGateId(), e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the report holds data the server cannot store; do not retry it")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record gate report {} of {}", request.getRequestId(), request.getGateId(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the report was not recorded; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(GateStateAck.newBuilder().setSeq(seq).build());
    responseObserver.onCompleted();
  }

  @Override
  public void watchCommands(WatchGateCommandsRequest request, StreamObserver<GateCommand> responseObserver) {
    FieldViolations violations = validator.violations(request);
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid command watch"));
      return;
    }
    Set<GateId> watched = new LinkedHashSet<>();
    FieldViolations unknown = new FieldViolations();
    for (int i = 0; i < request.getGateIdsCount(); i++) {
      GateId id = new GateId(request.getGateIds(i));
      if (gates.find(id).isEmpty()) {
        unknown.add("gate_ids[" + i + "]", "is not a gate of the park");
      }
      watched.add(id);
    }
    if (!unknown.isEmpty()) {
      responseObserver.onError(unknown.toException(Code.NOT_FOUND, "unknown gate"));
      return;
    }
    ServerCallStreamObserver<GateCommand> observer = (ServerCallStreamObserver<GateCommand>) responseObserver;
    AtomicReference<GateCommandFeed.Watch> watch = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    observer.setOnCancelHandler(() -> {
      cancelled.set(true);
      GateCommandFeed.Watch current = watch.get();
      if (current != null) {
        current.close();
      }
    });
    try {
      watch.set(commands.watch(watched, request.getAfterSeq(), new StreamingListener(observer)));
    } catch (IllegalArgumentException e) {
      responseObserver.onError(FieldViolations.single(Code.OUT_OF_RANGE, "after_seq is beyond the journal",
          "after_seq", e.getMessage()));
      return;
    } catch (RuntimeException e) {
      log.warn("Cannot start a command watch for {}", watched, e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot watch commands now; retry")
          .asRuntimeException());
      return;
    }
    if (cancelled.get()) {
      watch.get().close(); // cancelled before the watch existed
    }
  }

  /** Passes the feed's calls to the stream; the feed calls it one call at a time. */
  private static final class StreamingListener implements GateCommandFeed.Listener {
    private final ServerCallStreamObserver<GateCommand> observer;

    StreamingListener(ServerCallStreamObserver<GateCommand> observer) {
      this.observer = observer;
    }

    @Override
    public void command(IssuedGateCommand command) {
      if (!observer.isCancelled()) {
        observer.onNext(GateMessages.toProto(command));
      }
    }

    @Override
    public void ended(RuntimeException cause) {
      if (observer.isCancelled()) {
        return;
      }
      Status status = Status.fromThrowable(cause);
      if (status.getCode() == Status.Code.UNKNOWN) {
        status = Status.UNAVAILABLE.withDescription("command watch interrupted; resume from the last command_seq");
      }
      try {
        observer.onError(status.asRuntimeException());
      } catch (RuntimeException alreadyClosed) {
        // the call is gone already
      }
    }
  }
}
