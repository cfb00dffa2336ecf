package io.cordon.client.gate;

import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.client.connection.ServerConnection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link GateBackend} over the client's connection: blocking calls on its background executor. */
public final class GateClient implements GateBackend {

  private final ServerConnection connection;

  public GateClient(ServerConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public CompletableFuture<List<GateStatus>> listStates() {
    return CompletableFuture.supplyAsync(() -> stub().listStates(ListGateStatesRequest.getDefaultInstance())
        .getGatesList(), connection.executors().background());
  }

  @Override
  public CompletableFuture<GateCommandResponse> command(GateCommandRequest request) {
    return CompletableFuture.supplyAsync(() -> stub().command(request), connection.executors().background());
  }

  private GateServiceGrpc.GateServiceBlockingStub stub() {
    return GateServiceGrpc.newBlockingStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
