package io.cordon.simulator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's gate agents against a real server on loopback. */
class GateAgentsTest {

  @TempDir
  Path serverDir;
  @TempDir
  Path agentDir;
  private CordonServer server;
  private ManagedChannel channel;
  private GateAgents agents;

  @BeforeEach
  void start() {
    server = CordonServer.start(ServerConfig.builder().dataDir(serverDir).demoUsers(true).demoRegistry(true).build());
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    agents = new GateAgents(channel, "device", "device", GateAgentSettings.DEMO.withIdentificationsPerMinute(120)
        .withDataDir(agentDir).withBarrierMoveTime(Duration.ofMillis(50)), Duration.ofSeconds(5), 11);
    agents.start();
  }

  @AfterEach
  void stop() {
    agents.close();
    channel.shutdownNow();
    server.close();
  }

  @Test
  void everyGateGetsAnAgentAndTheirDecisionsAppearOnTheServer() throws Exception {
    CallCredentials operator = login("operator");
    int gates = ParkServiceGrpc.newBlockingStub(channel).withCallCredentials(operator)
        .withDeadlineAfter(10, TimeUnit.SECONDS).getPark(GetParkRequest.getDefaultInstance()).getPark()
        .getGatesCount();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Set<String> gatesWithRecords = Set.of();
    while (System.nanoTime() < deadline) {
      List<AccessRecordView> records = GateServiceGrpc.newBlockingStub(channel).withCallCredentials(operator)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .listAccessRecords(ListAccessRecordsRequest.newBuilder().setLimit(500).build()).getRecordsList();
      gatesWithRecords = records.stream().filter(r -> !r.getDecidedOffline()).map(AccessRecordView::getGateId)
          .collect(Collectors.toSet());
      if (agents.agents().size() == gates && agents.agents().stream().allMatch(GateAgent::online)
          && gatesWithRecords.size() >= 3) {
        break;
      }
      Thread.sleep(200);
    }

    assertThat(agents.agents()).hasSize(gates).allMatch(GateAgent::online);
    assertThat(gatesWithRecords).as("gates whose agents' decisions the server recorded").hasSizeGreaterThanOrEqualTo(3);
    assertThat(agents.trafficEvents()).isPositive();
  }

  private CallCredentials login(String user) {
    String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(user).setPassword(user).build()).getToken();
    Metadata.Key<String> auth = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(auth, "Bearer " + token);
        applier.apply(headers);
      }
    };
  }
}
