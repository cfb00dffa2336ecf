package io.cordon.simulator.jt808;

import static io.cordon.simulator.jt808.LoopbackJt808Server.SAMPLE_PARK;
import static io.cordon.simulator.jt808.LoopbackJt808Server.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.ReturnTerminalRequest;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terminals issued at the entry gate and returned at exit through a TripService on a loopback socket. */
class GateBindingTest {

  private final LoopbackJt808Server jt808 = new LoopbackJt808Server();
  private final ConcurrentLinkedQueue<IssueTerminalRequest> issued = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<ReturnTerminalRequest> returned = new ConcurrentLinkedQueue<>();
  private Server grpc;
  private ManagedChannel channel;
  private Jt808Fleet fleet;

  private final HazmatPermit permit = new HazmatPermit("PMT-1", "苏E6D218", PlateColor.PLATE_COLOR_YELLOW,
      List.of("G2"), HazmatPermit.routeIds("R-06>R-02"), "E-01", "LP1");

  @BeforeEach
  void startTripService() throws Exception {
    grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TripServiceGrpc.TripServiceImplBase() {
          @Override
          public void issueTerminal(IssueTerminalRequest request, StreamObserver<Trip> response) {
            issued.add(request);
            response.onNext(Trip.newBuilder().setTerminalNumber(request.getTerminalNumber()).build());
            response.onCompleted();
          }

          @Override
          public void returnTerminal(ReturnTerminalRequest request, StreamObserver<Trip> response) {
            returned.add(request);
            response.onNext(Trip.newBuilder().setTerminalNumber(request.getTerminalNumber()).build());
            response.onCompleted();
          }
        }).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", grpc.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    jt808.close();
  }

  private Jt808Fleet fleet(int terminals) {
    Jt808FleetSettings settings = Jt808FleetSettings.demo("127.0.0.1", jt808.port()).withTerminals(terminals)
        .withTiming(Duration.ofMillis(50), 400).withShares(0, 0, 0, 0).withSeed(3);
    return new Jt808Fleet(settings, SAMPLE_PARK, new GrpcTerminalBinding(channel, NoCredentials::new,
        Duration.ofSeconds(5)), () -> List.of(permit));
  }

  @Test
  void aTripsTerminalIsIssuedAtItsPermitsGateAndReturnedThereAfterTheTrip() throws Exception {
    fleet = fleet(1).start();

    await(() -> !returned.isEmpty(), Duration.ofSeconds(60));

    IssueTerminalRequest issue = issued.peek();
    String terminal = fleet.terminalNumbers().get(0);
    assertThat(issue.getTerminalNumber()).isEqualTo(terminal);
    assertThat(issue.getPlate()).isEqualTo("苏E6D218");
    assertThat(issue.getPlateColor()).isEqualTo(PlateColor.PLATE_COLOR_YELLOW);
    assertThat(issue.getPermitId()).isEqualTo("PMT-1");
    assertThat(issue.getGateId()).isEqualTo("G2");
    assertThat(issue.getRequestId()).isNotBlank();
    assertThat(returned.peek().getTerminalNumber()).isEqualTo(terminal);
    assertThat(returned.peek().getGateId()).isEqualTo("G2");
    assertThat(jt808.of(terminal)).isNotEmpty();
  }

  @Test
  void twoTerminalsNeverCarryTheSameVehicleAtOnce() throws Exception {
    fleet = fleet(3).start();

    await(() -> returned.size() >= 2, Duration.ofSeconds(90));

    // with one permit, each issue is followed by its return before the next issue
    assertThat(fleet.stats().terminalsIssued() - fleet.stats().terminalsReturned()).isBetween(0L, 1L);
    assertThat(issued.size() - returned.size()).isBetween(0, 1);
  }

  /** The fake TripService does not check sessions. */
  private static final class NoCredentials extends CallCredentials {
    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
      applier.apply(new Metadata());
    }
  }
}
