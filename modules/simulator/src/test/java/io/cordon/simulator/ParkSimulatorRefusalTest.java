package io.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.Sensor;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportAck;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator against a server that refuses one report as invalid. */
class ParkSimulatorRefusalTest {

  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<String> accepted = new LinkedBlockingQueue<>();
  private Server server;
  private ManagedChannel channel;
  private ParkSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new AuthServiceGrpc.AuthServiceImplBase() {
          @Override
          public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
            response.onNext(LoginResponse.newBuilder().setToken("t").build());
            response.onCompleted();
          }
        })
        .addService(new ParkServiceGrpc.ParkServiceImplBase() {
          @Override
          public void getPark(GetParkRequest request, StreamObserver<GetParkResponse> response) {
            response.onNext(GetParkResponse.newBuilder()
                .setPark(Park.newBuilder().addSensors(Sensor.newBuilder().setId("S-001"))).build());
            response.onCompleted();
          }
        })
        .addService(new SensorIngestServiceGrpc.SensorIngestServiceImplBase() {
          @Override
          public void report(SensorReport request, StreamObserver<SensorReportAck> response) {
            attempts.add(request.getRequestId());
            if (attempts.size() == 1) {
              response.onError(Status.INVALID_ARGUMENT.withDescription("detail: control characters")
                  .asRuntimeException());
              return;
            }
            accepted.add(request.getRequestId());
            response.onNext(SensorReportAck.newBuilder().setSeq(attempts.size()).build());
            response.onCompleted();
          }
        })
        .build().start();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      simulator.close();
    }
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void aReportRefusedAsInvalidIsDroppedNotRetriedAndLaterReportsGoThrough() throws Exception {
    simulator = new ParkSimulator(channel, "device", "device",
        new SimulatorSettings(Duration.ofMillis(100), 0, 42, Duration.ofSeconds(5), Duration.ofMillis(500)));
    simulator.start();

    String next = accepted.poll(30, TimeUnit.SECONDS);
    String afterThat = accepted.poll(30, TimeUnit.SECONDS);

    assertThat(next).isNotNull().isNotEqualTo(attempts.get(0));
    assertThat(afterThat).isNotNull();
    assertThat(attempts).filteredOn(attempts.get(0)::equals).hasSize(1);
  }
}
