package io.cordon.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.domain.park.Park;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetPark over real gRPC on a loopback socket. */
class ParkGrpcServiceTest {
  private final Park sample = ParkFileLoader.loadSample();
  private Server server;
  private ManagedChannel channel;
  private ParkServiceGrpc.ParkServiceBlockingStub parks;

  @BeforeEach
  void start() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ParkGrpcService(sample))
        .build()
        .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    parks = ParkServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private GetParkResponse getPark(String knownId, long knownVersion) {
    return parks.withDeadlineAfter(5, TimeUnit.SECONDS)
        .getPark(GetParkRequest.newBuilder().setKnownId(knownId).setKnownVersion(knownVersion)
            .build());
  }

  @Test
  void clientWithoutAParkReceivesTheWholePark() {
    GetParkResponse response = getPark("", 0);

    assertThat(response.getUnchanged()).isFalse();
    assertThat(response.getPark()).isEqualTo(ParkProtoMapper.toProto(sample));
    assertThat(response.getPark().getZonesCount()).isEqualTo(sample.zones().size());
  }

  @Test
  void clientHoldingTheCurrentVersionOfThisParkIsToldItIsUnchanged() {
    GetParkResponse response = getPark(sample.id(), sample.version());

    assertThat(response.getUnchanged()).isTrue();
    assertThat(response.hasPark()).isFalse();
  }

  @Test
  void clientHoldingAnOlderVersionReceivesTheCurrentPark() {
    GetParkResponse response = getPark(sample.id(), sample.version() + 7);

    assertThat(response.getUnchanged()).isFalse();
    assertThat(response.getPark().getVersion()).isEqualTo(sample.version());
  }

  @Test
  void clientHoldingAnotherParkOfTheSameVersionReceivesThisPark() {
    GetParkResponse response = getPark("OTHER-PARK", sample.version());

    assertThat(response.getUnchanged()).isFalse();
    assertThat(response.getPark().getId()).isEqualTo(sample.id());
  }

  @Test
  void clientNamingNoParkReceivesThePark() {
    GetParkResponse response = getPark("", sample.version());

    assertThat(response.getUnchanged()).isFalse();
    assertThat(response.getPark().getId()).isEqualTo(sample.id());
  }
}
