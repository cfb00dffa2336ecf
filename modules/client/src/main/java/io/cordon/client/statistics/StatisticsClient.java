package io.cordon.client.statistics;

import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsRequest;
import io.cordon.api.v1.StatisticsServiceGrpc;
import io.cordon.client.connection.ServerConnection;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * StatisticsService for the report window. Blocking stubs run on the background executor, each call with a
 * deadline; a failure completes the future with the {@code StatusRuntimeException}.
 */
public final class StatisticsClient {

  /** A month of aggregation on a busy park, and a PDF to draw, take a few seconds. */
  public static final Duration REPORT_DEADLINE = Duration.ofSeconds(30);
  public static final Duration EXPORT_DEADLINE = Duration.ofSeconds(60);

  private final Channel channel;
  private final CallCredentials credentials;
  private final Executor background;

  /** @param credentials added to every call; null for a server without authentication (tests) */
  public StatisticsClient(Channel channel, CallCredentials credentials, Executor background) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.credentials = credentials;
    this.background = Objects.requireNonNull(background, "background");
  }

  /** Over the client's signed-in connection. */
  public static StatisticsClient over(ServerConnection connection) {
    return new StatisticsClient(connection.channel(), connection.callCredentials(),
        connection.executors().background());
  }

  public CompletableFuture<StatisticsReport> report(ReportPeriod period, LocalDate start) {
    StatisticsRequest request = StatisticsRequest.newBuilder().setPeriod(period).setStartDate(start.toString()).build();
    return call(() -> stub(REPORT_DEADLINE).getReport(request));
  }

  public CompletableFuture<StatisticsFile> export(ExportFormat format, ReportPeriod period, LocalDate start) {
    ExportStatisticsRequest request = ExportStatisticsRequest.newBuilder().setFormat(format).setPeriod(period)
        .setStartDate(start.toString()).build();
    return call(() -> stub(EXPORT_DEADLINE).export(request));
  }

  private <T> CompletableFuture<T> call(Supplier<T> rpc) {
    return CompletableFuture.supplyAsync(rpc, background);
  }

  private StatisticsServiceGrpc.StatisticsServiceBlockingStub stub(Duration deadline) {
    StatisticsServiceGrpc.StatisticsServiceBlockingStub stub =
        StatisticsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    return credentials == null ? stub : stub.withCallCredentials(credentials);
  }
}
