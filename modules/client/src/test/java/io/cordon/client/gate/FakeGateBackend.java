package io.cordon.client.gate;

import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateStatus;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A backend that answers at once with what the test set. */
final class FakeGateBackend implements GateBackend {
  List<GateStatus> states = List.of();
  boolean listFails;
  Status commandFailure;
  final List<GateCommandRequest> commands = new ArrayList<>();

  /** Fail this many more list calls, then answer. */
  int listFailuresLeft;
  int listCalls;

  @Override
  public CompletableFuture<List<GateStatus>> listStates() {
    listCalls++;
    if (listFailuresLeft > 0) {
      listFailuresLeft--;
      return CompletableFuture.failedFuture(Status.UNAVAILABLE.asRuntimeException());
    }
    return listFails ? CompletableFuture.failedFuture(Status.UNAVAILABLE.asRuntimeException())
        : CompletableFuture.completedFuture(states);
  }

  @Override
  public CompletableFuture<GateCommandResponse> command(GateCommandRequest request) {
    commands.add(request);
    if (commandFailure != null) {
      return CompletableFuture.failedFuture(commandFailure.asRuntimeException());
    }
    return CompletableFuture.completedFuture(
        GateCommandResponse.newBuilder().setCommandSeq(100 + commands.size()).setGateConnected(true).build());
  }
}
