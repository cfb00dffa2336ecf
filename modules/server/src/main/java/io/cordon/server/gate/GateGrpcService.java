package io.cordon.server.gate;

import com.google.rpc.Code;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListGateStatesResponse;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.devices.gate.GateMessages;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.Park;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import io.cordon.server.gate.emergency.EmergencyRpcs;
import io.cordon.server.gate.access.GateAccessQueries;
import io.cordon.api.v1.GetPresenceRequest;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.PresenceSummary;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Client-facing {@code GateService}: every gate's current state, and manual open/close. */
public final class GateGrpcService extends GateServiceGrpc.GateServiceImplBase {

  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_GATE_ID_LENGTH = 64;
  static final int MIN_REASON_LENGTH = 2;
  static final int MAX_REASON_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(GateGrpcService.class);

  private final Park park;
  private final JournalGateStates states;
  private final GateCommands commands;
  /** The emergency RPCs (issue 7); UNIMPLEMENTED until set by {@link #withEmergency}. */
  private volatile EmergencyRpcs emergency;
  /** Access records, presence and the gates' lanes (issue 7); UNIMPLEMENTED until set by {@link #withAccess}. */
  private volatile GateAccessQueries access;

  public GateGrpcService(Park park, JournalGateStates states, GateCommands commands) {
    this.park = Objects.requireNonNull(park, "park");
    this.states = Objects.requireNonNull(states, "states");
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  /** Serves the emergency RPCs through {@code rpcs}; call before the server starts. */
  public GateGrpcService withEmergency(EmergencyRpcs rpcs) {
    this.emergency = Objects.requireNonNull(rpcs, "rpcs");
    return this;
  }

  /** Serves access records, presence and lane states through {@code queries}; call before the server starts. */
  public GateGrpcService withAccess(GateAccessQueries queries) {
    this.access = Objects.requireNonNull(queries, "queries");
    return this;
  }

  @Override
  public void listAccessRecords(ListAccessRecordsRequest request,
      StreamObserver<ListAccessRecordsResponse> responseObserver) {
    answerAccess(responseObserver, () -> access.listAccessRecords(request));
  }

  @Override
  public void getPresence(GetPresenceRequest request, StreamObserver<PresenceSummary> responseObserver) {
    answerAccess(responseObserver, () -> access.presence());
  }

  @Override
  public void listInside(ListInsideRequest request, StreamObserver<ListInsideResponse> responseObserver) {
    answerAccess(responseObserver, () -> access.listInside(request));
  }

  private <T> void answerAccess(StreamObserver<T> responseObserver, Supplier<T> answer) {
    if (access == null) {
      responseObserver.onError(Status.UNIMPLEMENTED.withDescription("gate access is not served here")
          .asRuntimeException());
      return;
    }
    T value;
    try {
      value = answer.get();
    } catch (StatusRuntimeException e) {
      responseObserver.onError(e);
      return;
    } catch (RuntimeException e) {
      log.warn("Cannot answer a gate access query", e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot read gate access now; retry")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(value);
    responseObserver.onCompleted();
  }

  @Override
  public void openEmergency(OpenEmergencyRequest request, StreamObserver<EmergencyStatus> responseObserver) {
    if (emergencyServed(responseObserver)) {
      emergency.open(request, responseObserver);
    }
  }

  @Override
  public void retryEmergencyGate(RetryEmergencyGateRequest request, StreamObserver<EmergencyStatus> responseObserver) {
    if (emergencyServed(responseObserver)) {
      emergency.retry(request, responseObserver);
    }
  }

  @Override
  public void endEmergency(EndEmergencyRequest request, StreamObserver<EmergencyStatus> responseObserver) {
    if (emergencyServed(responseObserver)) {
      emergency.end(request, responseObserver);
    }
  }

  @Override
  public void watchEmergency(WatchEmergencyRequest request, StreamObserver<EmergencyStatus> responseObserver) {
    if (emergencyServed(responseObserver)) {
      emergency.watch(request, responseObserver);
    }
  }

  private boolean emergencyServed(StreamObserver<EmergencyStatus> responseObserver) {
    if (emergency == null) {
      responseObserver.onError(Status.UNIMPLEMENTED.withDescription("emergency opening is not served here")
          .asRuntimeException());
      return false;
    }
    return true;
  }

  @Override
  public void listStates(ListGateStatesRequest request, StreamObserver<ListGateStatesResponse> responseObserver) {
    Map<GateId, CurrentGateState> known;
    try {
      known = states.all();
    } catch (RuntimeException e) {
      log.warn("Cannot read gate states", e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot read gate states now; retry")
          .asRuntimeException());
      return;
    }
    ListGateStatesResponse.Builder response = ListGateStatesResponse.newBuilder();
    for (Gate gate : park.gates()) {
      GateStatus status = toProto(known.getOrDefault(gate.id(), CurrentGateState.unknown(gate.id())));
      GateAccessQueries lanes = access;
      if (lanes != null) {
        GateStatus.Builder withLanes = status.toBuilder();
        lanes.describe(gate, withLanes);
        status = withLanes.build();
      }
      response.addGates(status);
    }
    responseObserver.onNext(response.build());
    responseObserver.onCompleted();
  }

  @Override
  public void command(GateCommandRequest request, StreamObserver<GateCommandResponse> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkText("gate_id", request.getGateId(), 1, MAX_GATE_ID_LENGTH)
        .checkOptionalText("lane_id", request.getLaneId(), MAX_GATE_ID_LENGTH);
    Optional<BarrierAction> action = GateMessages.toDomain(request.getAction());
    if (action.isEmpty()) {
      violations.add("action", "must be OPEN or CLOSE");
    }
    String reason = request.getReason().strip();
    if (reason.length() < MIN_REASON_LENGTH) {
      violations.add("reason", "is required: " + MIN_REASON_LENGTH + ".." + MAX_REASON_LENGTH + " characters");
    } else {
      violations.checkText("reason", reason, MIN_REASON_LENGTH, MAX_REASON_LENGTH);
    }
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid gate command"));
      return;
    }
    Optional<Gate> gate = park.gate(new GateId(request.getGateId()));
    if (gate.isEmpty()) {
      responseObserver.onError(FieldViolations.single(Code.NOT_FOUND, "unknown gate", "gate_id",
          "is not a gate of the park"));
      return;
    }
    Optional<Lane> lane = Optional.empty();
    if (!request.getLaneId().isEmpty()) {
      lane = gate.get().lanes().stream().filter(l -> l.id().equals(request.getLaneId())).findFirst();
      if (lane.isEmpty()) {
        responseObserver.onError(FieldViolations.single(Code.NOT_FOUND, "unknown lane", "lane_id",
            "is not a lane of gate " + gate.get().id()));
        return;
      }
    }
    Optional<String> user = AuthContext.currentUser().map(AuthenticatedUser::username);
    if (user.isEmpty()) {
      responseObserver.onError(Status.UNAUTHENTICATED.withDescription("a signed-in user is required")
          .asRuntimeException());
      return;
    }
    GateCommands.Issued issued;
    try {
      issued = commands.issue(user.get(), request.getRequestId(),
          GateOrder.manual(gate.get(), lane, action.get(), reason));
    } catch (IllegalArgumentException e) {
      log.info("Gate command refused by the store: {}", e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT
          .withDescription("the command holds data the server cannot store; do not retry it")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not record a command for gate {}", request.getGateId(), e);
      responseObserver.onError(Status.UNAVAILABLE
          .withDescription("the command was not issued; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    log.info("{} commanded {} gate {}{} (seq {}, gate connected: {})", user.get(), action.get(), gate.get().id(),
        lane.map(l -> " lane " + l.id()).orElse(""), issued.commandSeq(), issued.gateConnected());
    responseObserver.onNext(GateCommandResponse.newBuilder()
        .setCommandSeq(issued.commandSeq())
        .setGateConnected(issued.gateConnected())
        .build());
    responseObserver.onCompleted();
  }

  private static GateStatus toProto(CurrentGateState state) {
    GateStatus.Builder status = GateStatus.newBuilder()
        .setGateId(state.gateId().value())
        .setState(GateMessages.toProto(state.state()))
        .setStateSeq(state.stateSeq())
        .setDetail(state.detail());
    state.since().ifPresent(since -> status.setSince(GateMessages.timestamp(since)));
    state.lastReport().ifPresent(last -> status.setLastReport(GateMessages.timestamp(last)));
    return status.build();
  }
}
