package io.cordon.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LiveTrackRequest;
import io.cordon.api.v1.LiveTrackUpdate;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.TrackServiceGrpc;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.VehicleTrack;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.CallCredentials;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated fleet, reporting to a real server, seen by a live subscriber. */
class TrafficSimulatorTest {

  @TempDir
  Path dataDir;
  private CordonServer server;
  private ManagedChannel channel;
  private TrafficSimulator traffic;
  private Context.CancellableContext subscription;

  @BeforeEach
  void start() {
    server = CordonServer.start(ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").grpcPort(0)
        .demoUsers(true).build());
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() {
    if (subscription != null) {
      subscription.cancel(null);
    }
    if (traffic != null) {
      traffic.close();
    }
    channel.shutdownNow();
    server.close();
  }

  @Test
  void everyVehicleOfTheFleetAppearsLiveAndMoves() {
    traffic = new TrafficSimulator(channel, "device", "device", 40, Duration.ofMillis(500), 42,
        Duration.ofSeconds(5), Duration.ofMillis(500));
    traffic.start();

    Iterator<LiveTrackUpdate> stream = subscribe();
    Set<String> plates = new HashSet<>();
    Set<VehicleClass> classes = new HashSet<>();
    Set<String> moved = new HashSet<>();
    while (plates.size() < 40 || moved.isEmpty()) {
      LiveTrackUpdate update = stream.next();
      for (VehicleTrack vehicle : update.getVehiclesList()) {
        if (!update.getSnapshot()) {
          moved.add(vehicle.getPlate());
        }
        plates.add(vehicle.getPlate());
        classes.add(vehicle.getVehicleClass());
      }
    }

    assertThat(plates).hasSize(40);
    assertThat(classes).contains(VehicleClass.VEHICLE_CLASS_HAZMAT, VehicleClass.VEHICLE_CLASS_ORDINARY);
    assertThat(traffic.acknowledgedBatches()).isPositive();
  }

  private Iterator<LiveTrackUpdate> subscribe() {
    String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername("operator").setPassword("operator").build()).getToken();
    subscription = Context.current().withCancellation();
    Context previous = subscription.attach();
    try {
      return TrackServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
          .withCallCredentials(bearer(token))
          .subscribeLive(LiveTrackRequest.getDefaultInstance());
    } finally {
      subscription.detach(previous);
    }
  }

  private static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }
}
