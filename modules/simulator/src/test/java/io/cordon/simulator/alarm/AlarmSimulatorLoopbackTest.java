package io.cordon.simulator.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmReportAck;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportAck;
import io.cordon.simulator.SimulatorSettings;
import io.grpc.Metadata;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alarm simulator against a small in-test device server on loopback that serves the sample
 * park and records what reaches its ingest services.
 */
class AlarmSimulatorLoopbackTest {

  private static final String TOKEN = "device-token";
  /** Fast enough that reports come within moments: about ten a second. */
  private static final double BUSY = 36_000;

  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final BlockingQueue<AlarmReport> raised = new LinkedBlockingQueue<>();
  private final BlockingQueue<SensorReport> sensed = new LinkedBlockingQueue<>();
  private final Set<String> unauthorised = ConcurrentHashMap.newKeySet();
  private Server server;
  private ManagedChannel channel;
  private AlarmSimulator simulator;

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      simulator.close();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aReportAnsweredUnavailableIsSentAgainWithTheSameRequestIdAndAcknowledgedOnce() throws Exception {
    start(attempt -> attempt == 1 ? Status.UNAVAILABLE.withDescription("journal busy") : null,
        AlarmRates.NONE.with(AlarmFamily.VIDEO, BUSY));

    AlarmReport first = poll();
    AlarmReport second = poll();

    assertThat(attempts.get(0)).isEqualTo(attempts.get(1)).isEqualTo(first.getRequestId());
    assertThat(second.getRequestId()).isNotEqualTo(first.getRequestId());
    assertThat(attempts).filteredOn(first.getRequestId()::equals).hasSize(2);
  }

  @Test
  void aReportRefusedAsInvalidIsDroppedNotRetriedAndLaterReportsGoThrough() throws Exception {
    start(attempt -> attempt == 1 ? Status.INVALID_ARGUMENT.withDescription("source_id: unknown camera") : null,
        AlarmRates.NONE.with(AlarmFamily.GATE, BUSY));

    AlarmReport next = poll();
    AlarmReport afterThat = poll();

    assertThat(next.getRequestId()).isNotEqualTo(attempts.get(0));
    assertThat(afterThat.getRequestId()).isNotEqualTo(attempts.get(0));
    assertThat(attempts).filteredOn(attempts.get(0)::equals).hasSize(1);
    assertThat(simulator.droppedReports()).isEqualTo(1);
  }

  @Test
  void aReportRefusedAsNotFoundIsDroppedNotRetried() throws Exception {
    start(attempt -> attempt == 1 ? Status.NOT_FOUND.withDescription("source_id: no such gate") : null,
        AlarmRates.NONE.with(AlarmFamily.DEVICE, BUSY));

    poll();
    poll();

    assertThat(attempts).filteredOn(attempts.get(0)::equals).hasSize(1);
  }

  @Test
  void perimeterIntrusionsGoToTheSensorIngestServiceAndNotToAlarmIngest() throws Exception {
    start(attempt -> null, AlarmRates.NONE.with(AlarmFamily.INTRUSION, BUSY));

    SensorReport report = sensed.poll(30, TimeUnit.SECONDS);

    assertThat(report).isNotNull();
    assertThat(report.getSensorId()).isNotEmpty();
    assertThat(raised).isEmpty();
  }

  @Test
  void everyFamilyOfAlarmSourcesRaisesThroughAlarmIngestSignedInAsTheDevice() throws Exception {
    start(attempt -> null, new AlarmRates(0, BUSY, BUSY, BUSY, BUSY));

    Set<String> kinds = ConcurrentHashMap.newKeySet();
    while (kinds.size() < 3) {
      kinds.add(poll().getSourceKind());
    }

    assertThat(kinds).contains("camera", "gate", "vehicle");
    assertThat(unauthorised).isEmpty();
    assertThat(simulator.acknowledgedReports()).isPositive();
  }

  private AlarmReport poll() throws InterruptedException {
    AlarmReport report = raised.poll(30, TimeUnit.SECONDS);
    assertThat(report).as("a report within 30 s").isNotNull();
    return report;
  }

  /** Starts the device server (its AlarmIngest refuses the n-th attempt when told) and the simulator. */
  private void start(Function<Integer, Status> refusal, AlarmRates rates) throws Exception {
    ServerInterceptor bearerOnly = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String authorization = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
        if (!("Bearer " + TOKEN).equals(authorization)) {
          unauthorised.add(call.getMethodDescriptor().getFullMethodName());
        }
        return next.startCall(call, headers);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new AuthServiceGrpc.AuthServiceImplBase() {
          @Override
          public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
            response.onNext(LoginResponse.newBuilder().setToken(TOKEN).build());
            response.onCompleted();
          }
        })
        .addService(ServerInterceptors.intercept(new ParkServiceGrpc.ParkServiceImplBase() {
          @Override
          public void getPark(GetParkRequest request, StreamObserver<GetParkResponse> response) {
            response.onNext(GetParkResponse.newBuilder().setPark(SamplePark.PROTO).build());
            response.onCompleted();
          }
        }, bearerOnly))
        .addService(ServerInterceptors.intercept(new AlarmIngestServiceGrpc.AlarmIngestServiceImplBase() {
          @Override
          public void raise(AlarmReport request, StreamObserver<AlarmReportAck> response) {
            attempts.add(request.getRequestId());
            Status refused = refusal.apply(attempts.size());
            if (refused != null) {
              response.onError(refused.asRuntimeException());
              return;
            }
            raised.add(request);
            response.onNext(AlarmReportAck.newBuilder().setSeq(attempts.size()).build());
            response.onCompleted();
          }
        }, bearerOnly))
        .addService(ServerInterceptors.intercept(new SensorIngestServiceGrpc.SensorIngestServiceImplBase() {
          @Override
          public void report(SensorReport request, StreamObserver<SensorReportAck> response) {
            sensed.add(request);
            response.onNext(SensorReportAck.newBuilder().setSeq(sensed.size()).build());
            response.onCompleted();
          }
        }, bearerOnly))
        .build().start();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    SimulatorSettings settings = new SimulatorSettings(Duration.ofSeconds(60), 0, 42, Duration.ofSeconds(5),
        Duration.ofMillis(300), 0, 0, rates);
    simulator = new AlarmSimulator(channel, "device", "device", settings);
    simulator.start();
  }
}
