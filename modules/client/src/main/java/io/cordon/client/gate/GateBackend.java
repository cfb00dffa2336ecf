package io.cordon.client.gate;

import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The server's {@code GateService}, as the gate view models use it; {@link GateClient} over gRPC. */
public interface GateBackend {

  /** Every gate's current state; completes off the UI thread. */
  CompletableFuture<List<GateStatus>> listStates();

  /** Issues one command; completes off the UI thread, exceptionally with the gRPC status. */
  CompletableFuture<GateCommandResponse> command(GateCommandRequest request);
}
