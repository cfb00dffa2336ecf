package io.cordon.client.gate;

import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.GetPresenceRequest;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link GateBackend}, {@link AccessBackend} and {@link EmergencyBackend} over the client's
 * connection: blocking calls with the connection's deadline on its background executor; the
 * emergency watch is a server stream without a deadline.
 */
public final class GateClient implements GateBackend, AccessBackend, EmergencyBackend {

  private final ServerConnection connection;

  public GateClient(ServerConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public CompletableFuture<List<GateStatus>> listStates() {
    return call(() -> stub().listStates(ListGateStatesRequest.getDefaultInstance()).getGatesList());
  }

  @Override
  public CompletableFuture<GateCommandResponse> command(GateCommandRequest request) {
    return call(() -> stub().command(request));
  }

  @Override
  public CompletableFuture<ListAccessRecordsResponse> listAccessRecords(ListAccessRecordsRequest request) {
    return call(() -> stub().listAccessRecords(request));
  }

  @Override
  public CompletableFuture<PresenceSummary> getPresence() {
    return call(() -> stub().getPresence(GetPresenceRequest.getDefaultInstance()));
  }

  @Override
  public CompletableFuture<ListInsideResponse> listInside(ListInsideRequest request) {
    return call(() -> stub().listInside(request));
  }

  @Override
  public CompletableFuture<EmergencyStatus> openEmergency(OpenEmergencyRequest request) {
    return call(() -> stub().openEmergency(request));
  }

  @Override
  public CompletableFuture<EmergencyStatus> retryEmergencyGate(RetryEmergencyGateRequest request) {
    return call(() -> stub().retryEmergencyGate(request));
  }

  @Override
  public CompletableFuture<EmergencyStatus> endEmergency(EndEmergencyRequest request) {
    return call(() -> stub().endEmergency(request));
  }

  @Override
  public AutoCloseable watchEmergency(StreamObserver<EmergencyStatus> observer) {
    // A cancellable context of its own, so that closing the handle ends exactly this stream.
    Context.CancellableContext context = Context.current().withCancellation();
    context.run(() -> GateServiceGrpc.newStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .watchEmergency(WatchEmergencyRequest.getDefaultInstance(), observer));
    return () -> context.cancel(null);
  }

  private <T> CompletableFuture<T> call(Supplier<T> blocking) {
    return CompletableFuture.supplyAsync(blocking, connection.executors().background());
  }

  private GateServiceGrpc.GateServiceBlockingStub stub() {
    return GateServiceGrpc.newBlockingStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
