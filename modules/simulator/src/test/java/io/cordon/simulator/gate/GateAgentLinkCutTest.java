package io.cordon.simulator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetPresenceRequest;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.api.v1.RegistryServiceGrpc;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.TimeWindow;
import io.cordon.devices.gate.edge.GateAgent;
import io.cordon.devices.gate.edge.GateAgentConfig;
import io.cordon.devices.gate.edge.GateDecision;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance point 3 of issue 7: a real server, a real agent for gate G1 behind a TCP proxy, the
 * registry's staff member and commuter car with a long-term permit issued through the appointment
 * APIs. The link is cut for ten minutes of (simulated) traffic, then restored; every record the
 * agent made alone must be on the server exactly once, and presence must equal what the traffic did,
 * also after the agent resent its whole upload as if the acknowledgement had been lost.
 */
class GateAgentLinkCutTest {

  private static final Logger log = LoggerFactory.getLogger(GateAgentLinkCutTest.class);
  private static final String GATE = "G1";
  private static final Duration STEP = Duration.ofSeconds(20);

  @TempDir
  Path serverDir;
  @TempDir
  Path agentDir;
  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private CordonServer server;
  private CuttableProxy proxy;
  private ManagedChannel direct;
  private ManagedChannel agentChannel;
  private GateAgent agent;
  private Gate gate;
  private Map<String, SimulatedLane> lanes;

  @BeforeEach
  void start() throws IOException {
    server = CordonServer.start(ServerConfig.builder().dataDir(serverDir).demoUsers(true).demoRegistry(true)
        .clock(clock).build());
    direct = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    proxy = new CuttableProxy(server.grpcPort());
    agentChannel = ManagedChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws IOException {
    if (agent != null) {
      agent.close();
    }
    agentChannel.shutdownNow();
    direct.shutdownNow();
    proxy.close();
    server.close();
  }

  @Test
  void recordsMadeDuringATenMinuteCutReachTheServerExactlyOnceAndPresenceAddsUp() throws Exception {
    String permitId = issueCommuterPermit();
    clock.advance(Duration.ofDays(1).plusHours(2)); // into the permit's window
    gate = ParkGates.toDomain(ParkServiceGrpc.newBlockingStub(direct).withCallCredentials(login("operator"))
        .withDeadlineAfter(10, TimeUnit.SECONDS).getPark(GetParkRequest.getDefaultInstance()).getPark()
        .getGatesList().stream().filter(g -> g.getId().equals(GATE)).findFirst().orElseThrow());
    lanes = new LinkedHashMap<>();
    for (Lane lane : gate.lanes()) {
      lanes.put(lane.id(), new SimulatedLane(lane.id(), ParkGates.devices(lane.laneClass()), Duration.ZERO, null));
    }
    agent = startAgent();
    await("the agent holds the permit", () -> agent.online() && agent.cache().index().permit(permitId).isPresent());
    GateTraffic traffic = new GateTraffic(gate, agent, lanes,
        GateAgentSettings.OFF.withShares(0.25, 0, 0, 0), clock, new Random(7));

    List<GateDecision> online = drive(traffic, 6);
    assertThat(online).noneMatch(GateDecision::offline);

    proxy.cut();
    await("the agent notices the cut", () -> !agent.online());
    List<GateDecision> offline = drive(traffic, 30); // 30 × 20 s = 10 minutes of traffic
    assertThat(offline).allMatch(GateDecision::offline);
    Set<String> offlineIds = offline.stream().map(GateDecision::recordId).collect(Collectors.toSet());
    assertThat(offlineIds).hasSize(offline.size());
    agent.drained().toCompletableFuture().get(10, TimeUnit.SECONDS); // the last passage is on disk
    Path queueCopy = copy(agentDir.resolve("records"), agentDir.resolveSibling(agentDir.getFileName() + "-q"));

    proxy.restore();
    agentChannel.resetConnectBackoff();
    await("the agent uploads its queue", () -> agent.online() && agent.queued() == 0);
    assertOnServerExactlyOnce(offlineIds);
    assertPresenceMatches(traffic);
    long acceptedFirst = agent.stats().uploadedAccepted();

    // the acknowledgement "lost": the agent restarts with its queue as it was before the upload
    agent.close();
    replace(agentDir.resolve("records"), queueCopy);
    agent = startAgent();
    await("the agent resends its queue", () -> agent.online() && agent.queued() == 0);

    assertThat(acceptedFirst).isEqualTo(offlineIds.size());
    assertThat(agent.stats().uploadedDuplicates()).isEqualTo(offlineIds.size());
    assertThat(agent.stats().uploadedAccepted()).isZero();
    assertOnServerExactlyOnce(offlineIds);
    assertPresenceMatches(traffic);
    log.info("10-minute cut: {} online decisions, {} offline records ({} passed), all stored once; "
        + "resent {} as duplicates; inside {}", online.size(), offlineIds.size(),
        offline.stream().filter(GateDecision::pass).count(), agent.stats().uploadedDuplicates(), traffic.insideKeys());
  }

  private GateAgent startAgent() {
    GateAgent a = new GateAgent(agentChannel, new AgentLogin(agentChannel, "gate", "gate", Duration.ofSeconds(5)),
        GateAgentConfig.of("agent-" + GATE, gate, agentDir).withClock(clock)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(300))
            .withDecisionTimeout(Duration.ofSeconds(3)), // a loaded build machine must not fake a cut
        new ArrayList<>(lanes.values()));
    a.start();
    return a;
  }

  private List<GateDecision> drive(GateTraffic traffic, int steps) throws InterruptedException {
    List<GateDecision> decisions = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      traffic.step().flatMap(TrafficEvent::decision).ifPresent(decisions::add);
      clock.advance(STEP);
    }
    return decisions;
  }

  private void assertOnServerExactlyOnce(Set<String> offlineIds) {
    List<AccessRecordView> records = GateServiceGrpc.newBlockingStub(direct).withCallCredentials(login("operator"))
        .withDeadlineAfter(10, TimeUnit.SECONDS).listAccessRecords(ListAccessRecordsRequest.newBuilder()
            .addGateIds(GATE).setLimit(500).build()).getRecordsList();
    List<String> stored = records.stream().filter(AccessRecordView::getDecidedOffline)
        .map(AccessRecordView::getRecordId).toList();
    assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(offlineIds);
  }

  private void assertPresenceMatches(GateTraffic traffic) {
    PresenceSummary presence = GateServiceGrpc.newBlockingStub(direct).withCallCredentials(login("operator"))
        .withDeadlineAfter(10, TimeUnit.SECONDS).getPresence(GetPresenceRequest.getDefaultInstance());
    Set<String> inside = traffic.insideKeys();
    assertThat(presence.getPeople()).as("people inside").isEqualTo(inside.stream().filter(k -> k.startsWith("P:")).count());
    assertThat(presence.getVehicles()).as("vehicles inside")
        .isEqualTo(inside.stream().filter(k -> k.startsWith("V:")).count());
  }

  /** The demo registry's employee 周建华 and commuter car 苏EF12345, long-term registered for G1. */
  private String issueCommuterPermit() {
    CallCredentials enterprise = login("enterprise");
    String person = RegistryServiceGrpc.newBlockingStub(direct).withCallCredentials(enterprise)
        .withDeadlineAfter(10, TimeUnit.SECONDS).searchPeople(SearchRequest.newBuilder().setText("周建华").build())
        .getPeople(0).getPersonId();
    Instant from = clock.instant().plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
    AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments = AppointmentServiceGrpc
        .newBlockingStub(direct).withCallCredentials(enterprise).withDeadlineAfter(10, TimeUnit.SECONDS);
    Application draft = appointments.createDraft(CreateDraftRequest.newBuilder().setRequestId(id())
        .setKind(ApplicationKind.APPLICATION_KIND_LONG_TERM_REGISTRATION)
        .setContent(ApplicationDraft.newBuilder().setHost("ENT-01").setPurpose("员工通勤").addPeople(person)
            .addVehicles("苏EF12345").setWindow(TimeWindow.newBuilder()
                .setFrom(ts(from)).setUntil(ts(from.plus(Duration.ofDays(30)))))).build());
    Application submitted = appointments.submit(action(draft));
    Application confirmed = appointments.confirm(action(submitted));
    Application approved = ReviewServiceGrpc.newBlockingStub(direct).withCallCredentials(login("supervisor"))
        .withDeadlineAfter(10, TimeUnit.SECONDS).approve(ApproveRequest.newBuilder().setRequestId(id())
            .setApplicationId(confirmed.getApplicationId()).setExpectedVersion(confirmed.getVersion())
            .setScope(PermitScope.newBuilder().addLanes(lane("P1")).addLanes(lane("L1")).addLanes(lane("L2")))
            .build());
    assertThat(approved.getPermitId()).isNotEmpty();
    return approved.getPermitId();
  }

  private static LaneRef lane(String id) {
    return LaneRef.newBuilder().setGateId(GATE).setLaneId(id).build();
  }

  private static ApplicationActionRequest action(Application a) {
    return ApplicationActionRequest.newBuilder().setRequestId(id()).setApplicationId(a.getApplicationId())
        .setExpectedVersion(a.getVersion()).build();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static com.google.protobuf.Timestamp ts(Instant i) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  private CallCredentials login(String user) {
    String token = AuthServiceGrpc.newBlockingStub(direct).withDeadlineAfter(10, TimeUnit.SECONDS)
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

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }

  private static void replace(Path dir, Path with) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    copy(with, dir);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
