package io.cordon.client.incident;

import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.ExportIncidentClipsRequest;
import io.cordon.api.v1.GetIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.IncidentList;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.client.connection.ServerConnection;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The supervisor's side of {@code IncidentService}. Blocking stubs on the background executor,
 * each call with a deadline; a failure completes the future with the {@code StatusRuntimeException}.
 */
public final class IncidentClient {
  public static final Duration CALL_DEADLINE = ServerConnection.CALL_DEADLINE;
  /** A report gathers the timeline, a map snapshot and key frames before it is signed. */
  public static final Duration REPORT_DEADLINE = Duration.ofSeconds(90);
  /** The server cuts up to a day of recording per linked camera and hashes each file before it answers. */
  public static final Duration CLIPS_DEADLINE = Duration.ofMinutes(5);

  private final Channel channel;
  private final CallCredentials credentials;
  private final Executor background;

  /** @param credentials added to every call; null for a server without authentication (tests) */
  public IncidentClient(Channel channel, CallCredentials credentials, Executor background) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.credentials = credentials;
    this.background = Objects.requireNonNull(background, "background");
  }

  public static IncidentClient over(ServerConnection connection) {
    return new IncidentClient(connection.channel(), connection.callCredentials(), connection.executors().background());
  }

  public CompletableFuture<Incident> create(CreateIncidentRequest request) {
    return call(() -> stub(CALL_DEADLINE).create(request));
  }

  public CompletableFuture<Incident> addAlarms(AddAlarmsRequest request) {
    return call(() -> stub(CALL_DEADLINE).addAlarms(request));
  }

  public CompletableFuture<Incident> get(String incidentId) {
    GetIncidentRequest request = GetIncidentRequest.newBuilder().setIncidentId(incidentId).build();
    return call(() -> stub(CALL_DEADLINE).get(request));
  }

  public CompletableFuture<IncidentList> list(ListIncidentsRequest request) {
    return call(() -> stub(CALL_DEADLINE).list(request));
  }

  public CompletableFuture<Incident> close(CloseIncidentRequest request) {
    return call(() -> stub(CALL_DEADLINE).close(request));
  }

  public CompletableFuture<IncidentReport> renderReport(RenderReportRequest request) {
    return call(() -> stub(REPORT_DEADLINE).renderReport(request));
  }

  /**
   * Cuts the incident window's recording per linked camera; the answer holds ticketed URLs and hashes. A repeat
   * of {@code requestId} is answered with the first export's files (fresh tickets), not a second export.
   */
  public CompletableFuture<IncidentClips> exportClips(String incidentId, String requestId) {
    ExportIncidentClipsRequest request = ExportIncidentClipsRequest.newBuilder().setIncidentId(incidentId)
        .setRequestId(requestId).build();
    return call(() -> stub(CLIPS_DEADLINE).exportClips(request));
  }

  /** Runs on the background executor (writing a report to disk, for one). */
  public <T> CompletableFuture<T> inBackground(Supplier<T> work) {
    return call(work);
  }

  private <T> CompletableFuture<T> call(Supplier<T> rpc) {
    return CompletableFuture.supplyAsync(rpc, background);
  }

  private IncidentServiceGrpc.IncidentServiceBlockingStub stub(Duration deadline) {
    IncidentServiceGrpc.IncidentServiceBlockingStub stub =
        IncidentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    return credentials == null ? stub : stub.withCallCredentials(credentials);
  }
}
