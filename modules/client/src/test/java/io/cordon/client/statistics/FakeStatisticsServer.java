package io.cordon.client.statistics;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsRequest;
import io.cordon.api.v1.StatisticsServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A StatisticsService of the test's making on a loopback Netty port, with a client over a real channel. */
final class FakeStatisticsServer implements AutoCloseable {

  /** Reports by "PERIOD/start"; a missing one is INVALID_ARGUMENT. */
  final Map<String, StatisticsReport> reports = new ConcurrentHashMap<>();
  final List<StatisticsRequest> requests = new CopyOnWriteArrayList<>();
  final ExecutorService background = Executors.newFixedThreadPool(2);
  private final Server server;
  private final ManagedChannel channel;
  final StatisticsClient client;

  FakeStatisticsServer() {
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service()).build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    client = new StatisticsClient(channel, null, background);
  }

  private final class Service extends StatisticsServiceGrpc.StatisticsServiceImplBase {
    @Override
    public void getReport(StatisticsRequest request, StreamObserver<StatisticsReport> answer) {
      requests.add(request);
      StatisticsReport report = reports.get(request.getPeriod().name() + "/" + request.getStartDate());
      if (report == null) {
        answer.onError(Status.INVALID_ARGUMENT.withDescription("start_date").asRuntimeException());
        return;
      }
      answer.onNext(report);
      answer.onCompleted();
    }

    @Override
    public void export(ExportStatisticsRequest request, StreamObserver<StatisticsFile> answer) {
      answer.onNext(StatisticsFile.newBuilder().setFileName("cordon-" + request.getStartDate() + ".pdf")
          .setContent(ByteString.copyFromUtf8("%PDF")).build());
      answer.onCompleted();
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    background.shutdownNow();
  }
}
