package io.cordon.client.gate;

import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The one-click emergency opening of the server's {@code GateService} (issue 7); {@link
 * GateClient} over gRPC. Unary futures complete off the UI thread, exceptionally with the gRPC
 * status.
 */
public interface EmergencyBackend {

  CompletableFuture<EmergencyStatus> openEmergency(OpenEmergencyRequest request);

  CompletableFuture<EmergencyStatus> retryEmergencyGate(RetryEmergencyGateRequest request);

  CompletableFuture<EmergencyStatus> endEmergency(EndEmergencyRequest request);

  /**
   * Opens {@code WatchEmergency}: the current status first, then every change, on a gRPC thread,
   * until the stream breaks (onError / onCompleted) or the returned handle is closed.
   */
  AutoCloseable watchEmergency(StreamObserver<EmergencyStatus> observer);
}
