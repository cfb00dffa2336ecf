package io.cordon.client.gate;

import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.PresenceSummary;
import java.util.concurrent.CompletableFuture;

/**
 * Access records and presence of the server's {@code GateService} (issue 7), as the gates view and
 * the presence panel use them; {@link GateClient} over gRPC. Every future completes off the UI
 * thread, exceptionally with the gRPC status.
 */
public interface AccessBackend {

  CompletableFuture<ListAccessRecordsResponse> listAccessRecords(ListAccessRecordsRequest request);

  CompletableFuture<PresenceSummary> getPresence();

  CompletableFuture<ListInsideResponse> listInside(ListInsideRequest request);
}
