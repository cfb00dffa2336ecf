package io.cordon.server.gate.access;

import static io.cordon.server.gate.access.RegistrySeed.ts;
import static io.cordon.server.gate.access.RegistrySeed.vehicleOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.AccessOutcomeFilter;
import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.AgentError;
import io.cordon.api.v1.AgentHello;
import io.cordon.api.v1.AgentLane;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.BarrierReport;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.CardRead;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.FaceMatch;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.GetPresenceRequest;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.LoopPassage;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PlateRead;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.api.v1.ServerMessage;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.api.v1.SubjectKind;
import io.cordon.api.v1.VehicleClass;
import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.devices.gate.cache.CacheVerifier;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.gate.GateCommands;
import io.cordon.server.gate.GateEntities;
import io.cordon.server.gate.GateGrpcService;
import io.cordon.server.gate.JournalGateCommandFeed;
import io.cordon.server.gate.JournalGateStates;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate agents over real gRPC on loopback, the sample park and H2, with a seeded registry. */
class GateAgentOverGrpcTest {

  private static final Park PARK = ParkFileLoader.loadSample();
  private static final Gate COMPREHENSIVE = PARK.gates().stream().filter(g -> g.type() == GateType.COMPREHENSIVE)
      .findFirst().orElseThrow();
  private static final Gate ORDINARY = PARK.gates().stream().filter(g -> g.type() == GateType.ORDINARY)
      .findFirst().orElseThrow();
  private static final String HAZMAT_TRUCK = "苏E12345";
  private static final String BANNED_CAR = "苏E55555";
  private static final String STAFF = "P-000001";
  private static final String STAFF_ID_NUMBER = RegistrySeed.idNumber(7);

  @TempDir
  Path dir;
  private Database database;
  private HibernateEventJournal journal;
  private ExecutorService pump;
  private GateAccessModule module;
  private Server server;
  private ManagedChannel channel;
  private final List<ReceivedAlarmReport> alarms = new CopyOnWriteArrayList<>();
  private final List<AgentStream> streams = new ArrayList<>();
  private Permit hazmatPermit;
  private int requests;

  @BeforeEach
  void start() throws Exception {
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(GateEntities.classes());
    database = Database.open(TestDatabase.h2(dir).settings(), entities);
    InProcessLiveEvents live = new InProcessLiveEvents();
    journal = new HibernateEventJournal(database, live, Clock.systemUTC());
    Instant now = Instant.now();
    hazmatPermit = RegistrySeed.permit("A-000001", "ENT-01", now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofHours(8)), COMPREHENSIVE.id().value(), "L3", "L4")
        .addVehicles(vehicleOf(HAZMAT_TRUCK, VehicleClass.VEHICLE_CLASS_HAZMAT)).build();
    new RegistrySeed(database)
        .enterprise("ENT-01", "江澄石化储运")
        .vehicle(HAZMAT_TRUCK, VehicleClass.VEHICLE_CLASS_HAZMAT, "ENT-01")
        .vehicle(BANNED_CAR, VehicleClass.VEHICLE_CLASS_ORDINARY, "ENT-02")
        .person(STAFF, STAFF_ID_NUMBER, "王晓明", "ENT-01", "13800000001")
        .permit(hazmatPermit)
        .permit(RegistrySeed.permit("A-000002", "ENT-02", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)),
            COMPREHENSIVE.id().value(), "L1").addVehicles(vehicleOf(BANNED_CAR, VehicleClass.VEHICLE_CLASS_ORDINARY))
            .build())
        .permit(RegistrySeed.permit("A-000003", "ENT-01", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)),
            COMPREHENSIVE.id().value(), "P1").addPersonIds(STAFF).build())
        .blacklisted("B-1", SubjectKind.SUBJECT_KIND_VEHICLE, BANNED_CAR, now.minus(Duration.ofDays(1)));
    journal.append(new NewEvent(now, "registry.enterprise_saved", List.of(new SubjectKey("enterprise", "ENT-01")),
        Optional.empty(), "enterprise ENT-01 saved", Map.of("enterprise_id", "ENT-01"))); // as the registration would
    pump = Executors.newFixedThreadPool(2);
    JournalGateCommandFeed feed = new JournalGateCommandFeed(journal, live, pump);
    JournalGateStates states = new JournalGateStates(database, journal,
        PARK.gates().stream().map(Gate::id).toList());
    module = GateAccessModule.start(GateAccessSettings.defaults(), PARK, database, journal, live, feed, states,
        report -> {
          alarms.add(report);
          return 1;
        }, Clock.systemUTC());
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(module.agentService())
        .addService(new GateGrpcService(PARK, states, new GateCommands(journal, feed, Clock.systemUTC()))
            .withAccess(module.queries()))
        .build().start();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    streams.forEach(AgentStream::close);
    if (channel != null) {
      channel.shutdownNow();
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (module != null) {
      module.close();
    }
    if (pump != null) {
      pump.shutdownNow();
    }
    database.close();
  }

  // ---- decisions ------------------------------------------------------------------------------

  @Test
  void aHazmatTruckWithAValidPermitPassesItsHazmatLane() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");

    Decision decision = decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));

    assertThat(decision.getPass()).isTrue();
    assertThat(decision.getRule()).isEqualTo("PERMIT_VALID");
    assertThat(decision.getPermitId()).isEqualTo("A-000001");
    assertThat(decision.getLedText()).isEqualTo(HAZMAT_TRUCK + " 请通行");
    assertThat(decision.getHolderClass()).isEqualTo("HAZMAT");
    assertThat(decision.getRecordId()).isNotEmpty();
  }

  @Test
  void theSameHazmatTruckIsRefusedAtAnOrdinaryGate() throws Exception {
    AgentStream agent = connect(ORDINARY, "L1");

    Decision decision = decide(agent, plate("L1", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));

    assertThat(decision.getPass()).isFalse();
    assertThat(decision.getRule()).isEqualTo("DANGEROUS_AT_ORDINARY_GATE");
    assertThat(decision.getLedText()).startsWith(HAZMAT_TRUCK + " 禁止通行").hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void aBlacklistedCarIsRefusedDespiteItsPermit() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L1");

    Decision decision = decide(agent, plate("L1", Direction.DIRECTION_ENTRY, BANNED_CAR));

    assertThat(decision.getPass()).isFalse();
    assertThat(decision.getRule()).isEqualTo("BLACKLISTED");
    assertThat(decision.getLedText()).isEqualTo(BANNED_CAR + " 禁止通行 黑名单");
  }

  @Test
  void aSecondEntryWithoutAnExitIsRefused() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();
    agent.send(passage("L3", Direction.DIRECTION_ENTRY));
    agent.next(ServerMessage.BodyCase.ACK);

    Decision again = decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));

    assertThat(again.getPass()).isFalse();
    assertThat(again.getRule()).isEqualTo("ANTI_PASSBACK");
  }

  @Test
  void aPassWhoseTruckNeverDrivesThroughDoesNotCountItInside() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();

    assertThat(presence().getVehiclesByClassMap()).containsEntry("HAZMAT", 0);
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();
  }

  @Test
  void aFaceMatchAndAnIdCardAdmitTheRegisteredPerson() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "P1");

    Decision byFace = decide(agent, identification("P1", Direction.DIRECTION_ENTRY)
        .setFace(FaceMatch.newBuilder().setPersonId(STAFF).setScore(0.97f)).build());
    Decision byCard = decide(agent, identification("P1", Direction.DIRECTION_EXIT)
        .setCard(CardRead.newBuilder().setIdNumber(STAFF_ID_NUMBER)).build());

    assertThat(byFace.getPass()).isTrue();
    assertThat(byFace.getHolderName()).isEqualTo("王晓明");
    assertThat(byFace.getHolderClass()).isEqualTo("PERSON");
    assertThat(byCard.getPass()).isTrue();
    assertThat(byCard.getRule()).isEqualTo("EXIT_FREE");
  }

  // ---- bad input ------------------------------------------------------------------------------

  @Test
  void aMalformedPlateIsNamedAndDeniedAndTheStreamKeepsWorking() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    Identification bad = plate("L3", Direction.DIRECTION_ENTRY, "苏E1O345");
    agent.send(AgentMessage.newBuilder().setIdentification(bad).build());

    AgentError error = agent.next(ServerMessage.BodyCase.ERROR).getError();
    Decision decision = agent.next(ServerMessage.BodyCase.DECISION).getDecision();

    assertThat(error.getRequestId()).isEqualTo(bad.getRequestId());
    assertThat(error.getField()).isEqualTo("identification.plate.plate");
    assertThat(decision.getPass()).isFalse();
    assertThat(decision.getRule()).isEqualTo("MALFORMED_CREDENTIAL");
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();
  }

  @Test
  void aHelloForAnUnknownGateEndsTheStreamNamingTheGate() throws Exception {
    AgentStream agent = stream();
    agent.send(AgentMessage.newBuilder().setHello(AgentHello.newBuilder().setGateId("G-NOPE").setAgentId("a1")
        .addLanes(AgentLane.newBuilder().setLaneId("L1"))).build());

    Throwable ended = agent.ended.get(30, TimeUnit.SECONDS);

    assertThat(Status.fromThrowable(ended).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(ended)).containsExactly("hello.gate_id");
  }

  @Test
  void aHelloWithALaneTheGateDoesNotHaveEndsTheStreamNamingTheLane() throws Exception {
    AgentStream agent = stream();
    agent.send(AgentMessage.newBuilder().setHello(AgentHello.newBuilder().setGateId(ORDINARY.id().value())
        .setAgentId("a1").addLanes(AgentLane.newBuilder().setLaneId("L1"))
        .addLanes(AgentLane.newBuilder().setLaneId("L9"))).build());

    Throwable ended = agent.ended.get(30, TimeUnit.SECONDS);

    assertThat(Status.fromThrowable(ended).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(ended)).containsExactly("hello.lanes[1].lane_id");
  }

  @Test
  void anIdentificationOnALaneTheAgentDidNotAnnounceIsAnErrorAndTheStreamKeepsWorking() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    Identification elsewhere = plate("L5", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK);
    agent.send(AgentMessage.newBuilder().setIdentification(elsewhere).build());

    AgentError error = agent.next(ServerMessage.BodyCase.ERROR).getError();

    assertThat(error.getField()).isEqualTo("identification.lane_id");
    assertThat(error.getCode()).isEqualTo(com.google.rpc.Code.NOT_FOUND.getNumber());
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();
  }

  @Test
  void anOversizedSnapshotReferenceIsAnErrorNamingIt() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    Identification big = plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK).toBuilder()
        .setSnapshotRef("x".repeat(300)).build();
    agent.send(AgentMessage.newBuilder().setIdentification(big).build());

    AgentError error = agent.next(ServerMessage.BodyCase.ERROR).getError();

    assertThat(error.getField()).isEqualTo("identification.snapshot_ref");
    assertThat(error.getRequestId()).isEqualTo(big.getRequestId());
  }

  // ---- offline uploads and presence -----------------------------------------------------------

  @Test
  void anOfflineBatchUploadedTwiceIsStoredOnceAndCountedOnce() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    AccessRecordBatch batch = AccessRecordBatch.newBuilder().setRequestId("up-1")
        .addRecords(offlineRecord("agent-1-1", "L3", HAZMAT_TRUCK)).build();

    agent.send(AgentMessage.newBuilder().setRecords(batch).build());
    ServerMessage first = agent.next(ServerMessage.BodyCase.ACK);
    agent.send(AgentMessage.newBuilder().setRecords(batch.toBuilder().setRequestId("up-2")).build());
    ServerMessage second = agent.next(ServerMessage.BodyCase.ACK);

    assertThat(first.getAck().getAccepted()).isEqualTo(1);
    assertThat(second.getAck().getAccepted()).isZero();
    assertThat(second.getAck().getDuplicates()).isEqualTo(1);
    assertThat(presence().getVehiclesByClassMap()).containsEntry("HAZMAT", 1);
    assertThat(records(ListAccessRecordsRequest.newBuilder().setHolder(HAZMAT_TRUCK).build()))
        .extracting(r -> r.getRecordId() + ":" + r.getDecidedOffline()).containsExactly("agent-1-1:true");
  }

  @Test
  void presenceCountsByClassAndEnterpriseAndListsWhoIsInside() throws Exception {
    AgentStream truckLane = connect(COMPREHENSIVE, "L3", "P1");
    decide(truckLane, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));
    truckLane.send(passage("L3", Direction.DIRECTION_ENTRY));
    truckLane.next(ServerMessage.BodyCase.ACK);
    decide(truckLane, identification("P1", Direction.DIRECTION_ENTRY)
        .setFace(FaceMatch.newBuilder().setPersonId(STAFF).setScore(0.9f)).build());
    truckLane.send(passage("P1", Direction.DIRECTION_ENTRY));
    truckLane.next(ServerMessage.BodyCase.ACK);

    PresenceSummary summary = presence();
    ListInsideResponse people = GateServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .listInside(ListInsideRequest.newBuilder().setKind("PERSON").build());

    assertThat(summary.getPeople()).isEqualTo(1);
    assertThat(summary.getVehicles()).isEqualTo(1);
    assertThat(summary.getVehiclesByClassMap()).containsEntry("HAZMAT", 1);
    assertThat(summary.getEnterprisesList()).singleElement().satisfies(e -> {
      assertThat(e.getEnterpriseId()).isEqualTo("ENT-01");
      assertThat(e.getName()).isEqualTo("江澄石化储运");
      assertThat(e.getPeople()).isEqualTo(1);
      assertThat(e.getVehicles()).isEqualTo(1);
    });
    assertThat(people.getTotal()).isEqualTo(1);
    assertThat(people.getEntries(0).getName()).isEqualTo("王晓明");
    assertThat(people.getEntries(0).getPhone()).isEqualTo("13800000001");
    assertThat(people.getEntries(0).getGateId()).isEqualTo(COMPREHENSIVE.id().value());
  }

  @Test
  void aForcedPassageRaisesAnAlarmAndIsListedAmongTheAlarmRecords() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L1");

    agent.send(passage("L1", Direction.DIRECTION_ENTRY));
    agent.next(ServerMessage.BodyCase.ACK);

    for (int i = 0; i < 300 && alarms.isEmpty(); i++) {
      Thread.sleep(20); // the alarm is raised after the record's commit, off the agent's stream
    }
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AlarmType.FORCED_PASSAGE);
      assertThat(a.source().id()).isEqualTo(COMPREHENSIVE.id().value());
    });
    assertThat(records(ListAccessRecordsRequest.newBuilder().setOutcome(AccessOutcomeFilter.ACCESS_OUTCOME_FILTER_ALARMS)
        .build())).singleElement().satisfies(r -> {
          assertThat(r.getForced()).isTrue();
          assertThat(r.getCredentialKind()).isEqualTo("loop");
        });
    assertThat(presence().getUnknown()).isEqualTo(1);
  }

  @Test
  void aSecondPassageOnOnePassIsTailgatingAndRaisesAnAlarm() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    assertThat(decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK)).getPass()).isTrue();
    agent.send(passage("L3", Direction.DIRECTION_ENTRY));
    agent.next(ServerMessage.BodyCase.ACK);

    agent.send(passage("L3", Direction.DIRECTION_ENTRY));
    agent.next(ServerMessage.BodyCase.ACK);

    for (int i = 0; i < 300 && alarms.isEmpty(); i++) {
      Thread.sleep(20); // the alarm is raised after the record's commit, off the agent's stream
    }
    assertThat(alarms).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(AlarmType.TAILGATING));
    assertThat(records(ListAccessRecordsRequest.newBuilder().setOutcome(AccessOutcomeFilter.ACCESS_OUTCOME_FILTER_ALARMS)
        .build())).singleElement().satisfies(r -> assertThat(r.getTailgate()).isTrue());
    assertThat(presence().getVehiclesByClassMap()).containsEntry("HAZMAT", 1);
  }

  @Test
  void aReplayedIdentificationGetsTheSameDecisionAndMakesNoSecondRecord() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    Identification truck = plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK);
    Decision first = decide(agent, truck);

    Decision replayed = decide(agent, truck);

    assertThat(replayed).isEqualTo(first);
    assertThat(records(ListAccessRecordsRequest.getDefaultInstance()))
        .filteredOn(r -> r.getRecordId().equals(first.getRecordId())).hasSize(1);
    assertThat(records(ListAccessRecordsRequest.getDefaultInstance())).hasSize(1);
  }

  @Test
  void aPassageThatNamesItsPassCountsEvenWhenItArrivesAfterTheLinkCameBack() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    Decision pass = decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));
    agent.send(AgentMessage.newBuilder().setPassage(LoopPassage.newBuilder().setRequestId("p-late")
        .setLaneId("L3").setDirection(Direction.DIRECTION_ENTRY).setTime(ts(Instant.now().minusSeconds(600)))
        .setRecordId(pass.getRecordId())).build());
    agent.next(ServerMessage.BodyCase.ACK);

    assertThat(presence().getVehiclesByClassMap()).containsEntry("HAZMAT", 1);
    assertThat(alarms).isEmpty();
  }

  @Test
  void aLatePassageWithoutItsPassIsIgnoredNotCountedAsForced() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L1");
    agent.send(AgentMessage.newBuilder().setPassage(LoopPassage.newBuilder().setRequestId("p-old")
        .setLaneId("L1").setDirection(Direction.DIRECTION_ENTRY).setTime(ts(Instant.now().minusSeconds(600))))
        .build());
    agent.next(ServerMessage.BodyCase.ACK);

    Thread.sleep(200);
    assertThat(alarms).isEmpty();
    assertThat(presence().getUnknown()).isZero();
  }

  @Test
  void barrierReportsShowPerLaneAndOpenTheGateOnTheMap() throws Exception {
    AgentStream agent = connect(COMPREHENSIVE, "L3");
    agent.send(AgentMessage.newBuilder().setBarrier(BarrierReport.newBuilder().setRequestId("b-1").setLaneId("L3")
        .setState(BarrierState.BARRIER_STATE_OPEN).setTime(ts(Instant.now()))).build());
    agent.next(ServerMessage.BodyCase.ACK);

    GateStatus status = null;
    for (int i = 0; i < 300; i++) {
      status = GateServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .listStates(ListGateStatesRequest.getDefaultInstance()).getGatesList().stream()
          .filter(g -> g.getGateId().equals(COMPREHENSIVE.id().value())).findFirst().orElseThrow();
      if (status.getState() == io.cordon.api.v1.GateState.GATE_STATE_OPEN) {
        break;
      }
      Thread.sleep(20); // the gate state is recorded off the agent's stream
    }
    assertThat(status.getState()).isEqualTo(io.cordon.api.v1.GateState.GATE_STATE_OPEN);
    assertThat(status.getAgentConnected()).isTrue();
    assertThat(status.getLanesList()).filteredOn(l -> l.getLaneId().equals("L3")).singleElement()
        .satisfies(l -> assertThat(l.getBarrier()).isEqualTo(BarrierState.BARRIER_STATE_OPEN));
  }

  // ---- the signed cache -----------------------------------------------------------------------

  @Test
  void cacheChunksVerifyWithTheWelcomeKeyAndATamperedChunkDoesNot() throws Exception {
    AgentStream agent = stream();
    agent.send(hello(COMPREHENSIVE, 0, "L3"));
    ByteString key = agent.next(ServerMessage.BodyCase.WELCOME).getWelcome().getCacheSigningKey();
    SignedCacheChunk chunk = agent.next(ServerMessage.BodyCase.CACHE).getCache();
    CacheVerifier verifier = CacheVerifier.forEncodedKey(key.toByteArray());
    GateCachePayload payload = GateCachePayload.parseFrom(chunk.getPayload());

    assertThat(verifier.verify(chunk.getPayload().toByteArray(), chunk.getSignature().toByteArray())).isTrue();
    assertThat(payload.getSnapshot()).isTrue();
    assertThat(payload.getPermitsList()).extracting(Permit::getPermitId)
        .containsExactlyInAnyOrder("A-000001", "A-000002", "A-000003");
    assertThat(payload.getBlacklistList()).extracting(e -> e.getEntryId()).containsExactly("B-1");
    byte[] forged = payload.toBuilder().addRemovedPermitIds("A-000001").build().toByteArray();
    assertThat(verifier.verify(forged, chunk.getSignature().toByteArray())).isFalse();
  }

  @Test
  void aPermitRevokedWhileTheAgentIsConnectedReachesItAsACacheUpdate() throws Exception {
    AgentStream agent = stream();
    agent.send(hello(COMPREHENSIVE, 0, "L3"));
    GateCachePayload snapshot = GateCachePayload.parseFrom(agent.next(ServerMessage.BodyCase.CACHE).getCache()
        .getPayload());

    Instant now = Instant.now();
    new RegistrySeed(database).revoke(hazmatPermit, now);
    journal.append(new NewEvent(now, "permit.revoked", List.of(new SubjectKey("permit", "A-000001")), Optional.empty(),
        "permit A-000001 revoked", Map.of("permit_id", "A-000001")));

    GateCachePayload update = GateCachePayload.parseFrom(agent.next(ServerMessage.BodyCase.CACHE).getCache()
        .getPayload());
    assertThat(update.getSnapshot()).isFalse();
    assertThat(update.getVersion()).isGreaterThan(snapshot.getVersion());
    assertThat(update.getPermitsList()).singleElement().satisfies(p -> {
      assertThat(p.getPermitId()).isEqualTo("A-000001");
      assertThat(p.hasRevocation()).isTrue();
    });
    Decision refused = decide(agent, plate("L3", Direction.DIRECTION_ENTRY, HAZMAT_TRUCK));
    assertThat(refused.getRule()).isEqualTo("PERMIT_REVOKED");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private AgentStream stream() {
    AgentStream s = new AgentStream(channel);
    streams.add(s);
    return s;
  }

  /** An agent with loop detectors on its lanes, past its Welcome. */
  private AgentStream connect(Gate gate, String... lanes) throws InterruptedException {
    AgentStream s = stream();
    s.send(hello(gate, 0, lanes));
    s.next(ServerMessage.BodyCase.WELCOME);
    return s;
  }

  private static AgentMessage hello(Gate gate, long cacheVersion, String... lanes) {
    AgentHello.Builder hello = AgentHello.newBuilder().setGateId(gate.id().value()).setAgentId("agent-" + gate.id())
        .setSoftwareVersion("1.0").setCacheVersion(cacheVersion);
    for (String lane : lanes) {
      hello.addLanes(AgentLane.newBuilder().setLaneId(lane).addDevices("plate_camera").addDevices("face")
          .addDevices("card").addDevices("loop").addDevices("barrier"));
    }
    return AgentMessage.newBuilder().setHello(hello).build();
  }

  private Decision decide(AgentStream agent, Identification identification) throws InterruptedException {
    agent.send(AgentMessage.newBuilder().setIdentification(identification).build());
    return agent.next(m -> m.hasDecision() && m.getDecision().getRequestId().equals(identification.getRequestId()))
        .getDecision();
  }

  private Identification.Builder identification(String lane, Direction direction) {
    return Identification.newBuilder().setRequestId("id-" + (++requests)).setLaneId(lane).setDirection(direction)
        .setTime(ts(Instant.now()));
  }

  private Identification plate(String lane, Direction direction, String plate) {
    return identification(lane, direction).setPlate(PlateRead.newBuilder().setPlate(plate).setConfidence(0.95f))
        .build();
  }

  private AgentMessage passage(String lane, Direction direction) {
    return AgentMessage.newBuilder().setPassage(LoopPassage.newBuilder().setRequestId("p-" + (++requests))
        .setLaneId(lane).setDirection(direction).setTime(ts(Instant.now()))).build();
  }

  private AccessRecord offlineRecord(String recordId, String lane, String plate) {
    Instant at = Instant.now().minusSeconds(60);
    return AccessRecord.newBuilder().setRecordId(recordId).setLaneId(lane).setDirection(Direction.DIRECTION_ENTRY)
        .setTime(ts(at)).setIdentification(plate(lane, Direction.DIRECTION_ENTRY, plate)).setPassed(true)
        .setRule("PERMIT_VALID").setPermitId("A-000001").setDecidedOffline(true).setCacheVersion(1)
        .setPassageTime(ts(at.plusSeconds(5))).build();
  }

  private PresenceSummary presence() {
    return GateServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getPresence(GetPresenceRequest.getDefaultInstance());
  }

  /** Access records once the writer committed them (it commits within milliseconds). */
  private List<io.cordon.api.v1.AccessRecordView> records(ListAccessRecordsRequest request) throws InterruptedException {
    List<io.cordon.api.v1.AccessRecordView> list = List.of();
    for (int i = 0; i < 300 && (list.isEmpty() || module.pendingWrites() > 0); i++) {
      list = GateServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .listAccessRecords(request).getRecordsList();
      if (list.isEmpty()) {
        Thread.sleep(20);
      }
    }
    return list;
  }

  private static List<String> violatedFields(Throwable t) {
    com.google.rpc.Status status = StatusProto.fromThrowable(t);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream().filter(any -> any.is(BadRequest.class)).flatMap(any -> {
      try {
        return any.unpack(BadRequest.class).getFieldViolationsList().stream();
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }).map(BadRequest.FieldViolation::getField).toList();
  }
}
