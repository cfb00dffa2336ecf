package io.cordon.devices.gate.edge;

import static io.cordon.devices.gate.edge.EdgeFixtures.BANNED_PLATE;
import static io.cordon.devices.gate.edge.EdgeFixtures.NOW;
import static io.cordon.devices.gate.edge.EdgeFixtures.STAFF_PLATE;
import static io.cordon.devices.gate.edge.EdgeFixtures.plate;
import static io.cordon.devices.gate.edge.EdgeFixtures.sign;
import static io.cordon.devices.gate.edge.EdgeFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.devices.gate.cache.CacheSigner;
import io.cordon.devices.gate.cache.Sm2Keys;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a stand-in server over an in-process gRPC channel. */
class GateAgentTest {

  private static final CacheSigner SIGNER = new CacheSigner(Sm2Keys.generate());

  @TempDir
  Path dir;
  private final FakeGateServer fake = new FakeGateServer(SIGNER);
  private final RecordingLane l1 = new RecordingLane("L1");
  private final RecordingLane l2 = new RecordingLane("L2");
  private String name;
  private Server server;
  private ManagedChannel channel;
  private GateAgent agent;

  @BeforeEach
  void start() throws IOException {
    name = InProcessServerBuilder.generateName();
    fake.chunks.add(sign(SIGNER, snapshot(4)));
    server = InProcessServerBuilder.forName(name).addService(fake).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    channel.shutdownNow();
    server.shutdownNow();
  }

  private GateAgent startAgent() {
    GateAgentConfig config = GateAgentConfig.of("a-G1", EdgeFixtures.gate(), dir)
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .withDecisionTimeout(Duration.ofMillis(150));
    agent = new GateAgent(channel, () -> null, config, List.of(l1, l2));
    agent.start();
    await(() -> agent.online() && agent.cacheVersion() == 4);
    return agent;
  }

  @Test
  void theServersDecisionIsCarriedOut() throws Exception {
    fake.decisions = id -> Decision.newBuilder().setRequestId(id.getRequestId()).setPass(true)
        .setRule("PERMIT_VALID").setLedText("苏E12345 请通行").setRecordId("srv-1").build();
    startAgent();

    GateDecision d = agent.identified(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(d.offline()).isFalse();
    assertThat(d.recordId()).isEqualTo("srv-1");
    assertThat(l1.actions).containsExactly("open");
    assertThat(l1.led).isEqualTo("苏E12345 请通行");
    assertThat(fake.cacheAcks).containsExactly(4L);
  }

  @Test
  void aSilentServerLeavesTheDecisionToTheAgentAfterTheTimeout() throws Exception {
    startAgent();

    GateDecision d = agent.identified(plate("r1", "L1", Direction.DIRECTION_ENTRY, BANNED_PLATE, NOW))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(d.offline()).isTrue();
    assertThat(d.rule()).isEqualTo("BLACKLISTED");
    assertThat(l1.actions).isEmpty();
  }

  @Test
  void offlineRecordsReachTheServerOnceEvenWhenAnAckIsLost() throws Exception {
    startAgent();
    fake.dropAcks = true;
    agent.identified(plate("r1", "L1", Direction.DIRECTION_ENTRY, BANNED_PLATE, NOW)).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    await(() -> fake.stored.size() == 1);
    assertThat(agent.queued()).isEqualTo(1);

    fake.dropAcks = false;
    server.shutdownNow(); // the link breaks with the ack lost; the agent resends after reconnecting
    server.awaitTermination();
    server = InProcessServerBuilder.forName(name).addService(fake).build().start();
    await(() -> agent.queued() == 0);

    assertThat(fake.stored).hasSize(1);
    assertThat(fake.duplicates.get()).isEqualTo(1);
  }

  @Test
  void aForgedChunkFromTheServerIsRefusedAndNotAcknowledged() {
    startAgent();
    GateCachePayload update = GateCachePayload.newBuilder().setGateId("G1").setVersion(5).setLast(true)
        .addPermits(EdgeFixtures.vehiclePermit("PM-X", "苏E77777", "L1")).build();
    SignedCacheChunk forged = sign(SIGNER, update).toBuilder()
        .setPayload(ByteString.copyFrom(update.toBuilder().setVersion(6).build().toByteArray())).build();

    fake.push(forged);
    await(() -> agent.stats().refusedChunks() == 1);

    assertThat(agent.cacheVersion()).isEqualTo(4);
    assertThat(agent.cache().index().permit("PM-X")).isEmpty();
    assertThat(fake.cacheAcks).containsExactly(4L);
  }

  @Test
  void anOpenOnceCommandOpensTheLaneAndIsConfirmed() {
    startAgent();
    fake.command(BarrierCommand.newBuilder().setCommandSeq(70).setLaneId("L1")
        .setAction(BarrierAction.BARRIER_ACTION_OPEN_ONCE).setReason("manual").build());

    await(() -> fake.results.size() == 1);
    assertThat(fake.results.get(0).getDone()).isTrue();
    assertThat(fake.results.get(0).getCommandSeq()).isEqualTo(70);
    assertThat(l1.actions).containsExactly("open");
  }

  @Test
  void evacuationModeHoldsTheExitsOpenAndRefusesOrdinaryEntriesOffline() throws Exception {
    startAgent();
    fake.command(BarrierCommand.newBuilder().setCommandSeq(71).setAction(BarrierAction.BARRIER_ACTION_SET_MODE)
        .setMode(GateOperatingMode.GATE_OPERATING_MODE_EVACUATION).build());
    await(() -> fake.results.size() == 1);

    assertThat(l2.actions).containsExactly("hold");
    assertThat(l1.actions).isEmpty();
    GateDecision d = agent.identified(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(d.rule()).isEqualTo("EVACUATION_NO_ENTRY");
  }

  @Test
  void withoutAServerTheAgentDecidesAloneOnItsPersistedCache() throws Exception {
    startAgent();
    agent.close();
    server.shutdownNow();

    agent = new GateAgent(channel, () -> null, GateAgentConfig.of("a-G1", EdgeFixtures.gate(), dir)
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC)), List.of(l1, l2));
    agent.start();
    GateDecision first = agent.identified(plate("r1", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    GateDecision again = agent.identified(plate("r2", "L1", Direction.DIRECTION_ENTRY, STAFF_PLATE, NOW))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(first.offline()).isTrue();
    assertThat(first.rule()).isEqualTo("PERMIT_VALID");
    assertThat(again.rule()).isEqualTo("ANTI_PASSBACK");
    assertThat(agent.queued()).isEqualTo(2);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
