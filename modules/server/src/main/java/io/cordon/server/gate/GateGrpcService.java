package io.cordon.server.gate;

import com.google.rpc.Code;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListGateStatesResponse;
import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.devices.gate.GateMessages;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
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

  public GateGrpcService(Park park, JournalGateStates states, GateCommands commands) {
    this.park = Objects.requireNonNull(park, "park");
    this.states = Objects.requireNonNull(states, "states");
    this.commands = Objects.requireNonNull(commands, "commands");
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
      response.addGates(toProto(known.getOrDefault(gate.id(), CurrentGateState.unknown(gate.id()))));
    }
    responseObserver.onNext(response.build());
    responseObserver.onCompleted();
  }

  @Override
  public void command(GateCommandRequest request, StreamObserver<GateCommandResponse> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkText("gate_id", request.getGateId(), 1, MAX_GATE_ID_LENGTH);
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
    Optional<String> user = AuthContext.currentUser().map(AuthenticatedUser::username);
    if (user.isEmpty()) {
      responseObserver.onError(Status.UNAUTHENTICATED.withDescription("a signed-in user is required")
          .asRuntimeException());
      return;
    }
    GateCommands.Issued issued;
    try {
      issued = commands.issue(user.get(), request.getRequestId(), gate.get(), action.get(), reason);
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
    log.info("{} commanded {} gate {} (seq {}, gate connected: {})", user.get(), action.get(), gate.get().id(),
        issued.commandSeq(), issued.gateConnected());
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
