package io.cordon.server.gate.access;

import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.BarrierReport;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.DeviceFault;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.LoopPassage;
import io.cordon.devices.alarm.AlarmReportSink;
import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.devices.gate.AccessRecordIds;
import io.cordon.devices.gate.GateStateObservation;
import io.cordon.devices.gate.GateStateSink;
import io.cordon.devices.gate.agent.AgentSession;
import io.cordon.devices.gate.agent.GateAgentBackend;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.gate.access.AccessDecision;
import io.cordon.domain.gate.access.AccessFacts;
import io.cordon.domain.gate.access.AccessRequest;
import io.cordon.domain.gate.access.GateAccessPolicy;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.gate.access.PassageOutcome;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of the gate agents (the {@link GateAgentBackend} port). The decision path, all
 * in memory: identification → holder (plate/RFID → registered vehicle, face → person id, card →
 * person by ID number; else {@link Holder.Unknown}) → facts (the holder's permits and blacklist
 * entries from the {@link AccessIndex}, presence and occupancy from the {@link PresenceBook}, the
 * gate's mode, the core zone an internal checkpoint guards) → {@link GateAccessPolicy} → the
 * {@code Decision} goes out at once; its access record is queued to the {@link AccessRecordWriter},
 * committed within the next group commit (a few ms). A server crash in between loses at most those
 * few ms of records, never a decision's effect on the barrier.
 *
 * <p>Presence counts passages, not decisions: a pass arms the lane's {@code LanePassages}; the loop
 * passage it matches moves the holder in or out. On a lane without a loop detector the pass itself
 * counts. Internal checkpoints never change presence.
 */
final class AccessBackend implements GateAgentBackend {

  private static final Logger log = LoggerFactory.getLogger(AccessBackend.class);
  /** Passages reported this much later than they happened are stale: recorded, matched to nothing. */
  static final Duration STALE_PASSAGE = Duration.ofMinutes(2);
  static final String REPORTER = "gate-agent";

  /** A pass waiting for its loop passage. */
  private record PendingPass(Holder holder, PassageDirection direction, boolean perimeter, String holderKind,
      String holderId, Instant at) {
  }

  /** Who an identification names, and how to show them. */
  record Resolved(Holder holder, String credentialKind, String holderKind, String holderId, String holderName,
      String holderClass) {
  }

  private final Park park;
  private final AccessIndex index;
  private final GateAccessPolicy policy;
  private final PresenceBook presence;
  private final GateBoard board;
  private final AccessRecordWriter writer;
  private final GateCache cache;
  private final byte[] signingKey;
  private final GateStateSink gateStates;
  private final AlarmReportSink alarms;
  private final Executor gateStateExecutor;
  private final Executor alarmExecutor;
  private final Clock clock;
  private final Map<GateId, Optional<ControlZone>> guarded = new HashMap<>();
  private final Map<String, PendingPass> pending = new ConcurrentHashMap<>();
  private final String idPrefix;
  private final AtomicLong counter = new AtomicLong();

  AccessBackend(Park park, AccessIndex index, GateAccessPolicy policy, PresenceBook presence, GateBoard board,
      AccessRecordWriter writer, GateCache cache, byte[] signingKey, GateStateSink gateStates, AlarmReportSink alarms,
      Executor gateStateExecutor, Executor alarmExecutor, Clock clock) {
    this.park = park;
    this.index = index;
    this.policy = policy;
    this.presence = presence;
    this.board = board;
    this.writer = writer;
    this.cache = cache;
    this.signingKey = signingKey.clone();
    this.gateStates = gateStates;
    this.alarms = alarms;
    this.gateStateExecutor = gateStateExecutor;
    this.alarmExecutor = alarmExecutor;
    this.clock = clock;
    this.idPrefix = "S" + Long.toString(clock.millis(), 36) + "-";
    for (Gate gate : park.gates()) {
      guarded.put(gate.id(), gate.guardedZone().flatMap(park::zone).filter(z -> z.zoneClass() == ZoneClass.CORE));
    }
  }

  // ---- sessions ---------------------------------------------------------------------------------

  @Override
  public void connected(AgentSession session, AgentSession replaced) {
    board.connected(session.gate().id(), true, session.connectedAt());
    writer.event(Optional.empty(), AccessEvents.agent(session.gate(), session.agentId(), true,
        session.softwareVersion(), session.connectedAt()));
  }

  @Override
  public void disconnected(AgentSession session) {
    Instant now = clock.instant();
    board.connected(session.gate().id(), false, session.lastSeen());
    writer.event(Optional.empty(), AccessEvents.agent(session.gate(), session.agentId(), false, "", now));
  }

  // ---- decisions --------------------------------------------------------------------------------

  @Override
  public Decision decide(AgentSession session, Identification id) {
    Gate gate = session.gate();
    Lane lane = session.lane(id.getLaneId()).orElseThrow();
    PassageDirection direction = direction(id.getDirection());
    Instant now = clock.instant();
    board.seen(gate.id(), now);
    Resolved who = resolve(id);
    Holder holder = who.holder();
    Optional<ControlZone> zone = guarded.getOrDefault(gate.id(), Optional.empty());
    AccessFacts facts = new AccessFacts(permitsOf(holder), blacklistOf(holder),
        presence.occupancy().presenceOf(holder), Optional.of(presence.occupancy().occupancy()), mode(gate.id()) ==
        GateOperatingMode.GATE_OPERATING_MODE_EVACUATION ? GateMode.EVACUATION : GateMode.NORMAL);
    AccessDecision decision = policy.decide(new AccessRequest(gate, lane, direction, now, holder, zone), facts);
    String recordId = AccessRecordIds.of(session.agentId(), id.getRequestId());
    String permitId = decision instanceof AccessDecision.Pass pass ? pass.permit().map(p -> p.value()).orElse("") : "";
    String detail = decision instanceof AccessDecision.Deny deny ? deny.detail() : decision.rule().description();
    Optional<PresenceRow> row = Optional.empty();
    if (decision.passes()) {
      boolean perimeter = zone.isEmpty();
      if (session.hasDevice(lane.id(), "loop")) {
        pending.put(recordId, new PendingPass(holder, direction, perimeter, who.holderKind(), who.holderId(), now));
        board.passages(gate.id(), lane.id()).armed(recordId, now);
        forgetOldPasses(now);
      } else if (perimeter) {
        row = presence.apply(recordId, holder, direction, gate.id(), now); // no loop: the pass is the passage
      }
    }
    AccessEntry entry = new AccessEntry(recordId, gate, lane.id(), direction, instant(id.getTime()),
        who.credentialKind(), who.holderKind(), who.holderId(), who.holderName(), who.holderClass(),
        holder.enterprise().map(e -> e.value()).orElse(""), decision.passes(), decision.rule().code(), detail,
        permitId, id.getSnapshotRef(), false, Optional.empty(), false, false);
    writer.record(entry, row).exceptionally(e -> {
      log.warn("Access record {} of {} was not stored", recordId, gate.id(), e);
      return 0L;
    });
    return Decision.newBuilder().setRequestId(id.getRequestId()).setPass(decision.passes())
        .setRule(decision.rule().code()).setDetail(AccessEntry.clip(detail, 256))
        .setLedText(AccessTexts.led(who.holderName(), decision.passes(), decision.rule().code()))
        .setVoicePhrase(AccessTexts.voice(decision.passes(), decision.rule().code()))
        .setPermitId(permitId).setRecordId(recordId).setHolderName(who.holderName())
        .setHolderClass(who.holderClass()).build();
  }

  @Override
  public Decision refuseMalformed(AgentSession session, Identification id, String field, String problem) {
    Gate gate = session.gate();
    String recordId = AccessRecordIds.of(session.agentId(), id.getRequestId());
    String credential = rawCredential(id);
    String kind = credentialKind(id);
    String detail = field + ": " + problem;
    AccessEntry entry = new AccessEntry(recordId, gate, id.getLaneId(), direction(id.getDirection()),
        instant(id.getTime()), kind, "credential", credential, "", PresenceRow.UNKNOWN, "", false,
        AccessTexts.MALFORMED_CREDENTIAL, detail, "", id.getSnapshotRef(), false, Optional.empty(), false, false);
    writer.record(entry, Optional.empty());
    return Decision.newBuilder().setRequestId(id.getRequestId()).setPass(false)
        .setRule(AccessTexts.MALFORMED_CREDENTIAL).setDetail(AccessEntry.clip(detail, 256))
        .setLedText(AccessTexts.led("", false, AccessTexts.MALFORMED_CREDENTIAL))
        .setVoicePhrase(AccessTexts.voice(false, AccessTexts.MALFORMED_CREDENTIAL)).setRecordId(recordId)
        .setHolderClass(PresenceRow.UNKNOWN).build();
  }

  /** The holder an identification names; its credential's syntax was checked. */
  Resolved resolve(Identification id) {
    switch (id.getCredentialCase()) {
      case PLATE:
        return vehicle(id.getPlate().getPlate(), "plate", RegistryBodies.vehicleClass(id.getPlate().getSeenClass()));
      case RFID:
        return vehicle(id.getRfid().getPlate(), "rfid", Optional.empty());
      case FACE: {
        String personId = id.getFace().getPersonId();
        return index.person(personId).map(p -> person(p, "face"))
            .orElseGet(() -> unknown("face:" + personId, "face", Optional.empty()));
      }
      case CARD: {
        String number = id.getCard().getIdNumber().toUpperCase(java.util.Locale.ROOT);
        return index.personByIdNumber(number).map(p -> person(p, "card"))
            .orElseGet(() -> unknown("card:" + ResidentIdNumber.parse(number).masked(), "card", Optional.empty()));
      }
      default:
        throw new IllegalArgumentException("no credential");
    }
  }

  private Resolved vehicle(String text, String kind, Optional<VehicleClass> seen) {
    String plate = Plate.parse(text).value();
    Optional<AccessIndex.VehicleInfo> v = index.vehicle(plate);
    if (v.isEmpty()) {
      Holder.Unknown unknown = new Holder.Unknown(plate, seen);
      return new Resolved(unknown, kind, "vehicle", plate, plate, PresenceRow.classOf(unknown));
    }
    AccessIndex.VehicleInfo info = v.get();
    return new Resolved(new Holder.Vehicle(info.plate(), info.vehicleClass(), info.owner(), info.emergencyService()),
        kind, "vehicle", plate, plate, info.vehicleClass().name());
  }

  private static Resolved person(AccessIndex.PersonInfo p, String kind) {
    return new Resolved(new Holder.Person(p.id(), p.enterprise()), kind, "person", p.id().value(), p.name(),
        PresenceRow.PERSON);
  }

  private static Resolved unknown(String credential, String kind, Optional<VehicleClass> seen) {
    return new Resolved(new Holder.Unknown(credential, seen), kind, "credential", credential, "",
        PresenceRow.UNKNOWN);
  }

  private List<Permit> permitsOf(Holder holder) {
    if (holder instanceof Holder.Vehicle v) {
      return index.permitsOfPlate(v.plate().value());
    }
    if (holder instanceof Holder.Person p) {
      return index.permitsOfPerson(p.id().value());
    }
    return List.of();
  }

  private List<io.cordon.domain.violation.BlacklistEntry> blacklistOf(Holder holder) {
    if (holder instanceof Holder.Vehicle v) {
      return index.blacklistOf(Subject.vehicle(v.plate()), v.owner());
    }
    if (holder instanceof Holder.Person p) {
      return index.blacklistOf(Subject.person(p.id()), p.enterprise());
    }
    return List.of();
  }

  private void forgetOldPasses(Instant now) {
    if (pending.size() > 10_000) {
      Instant before = now.minus(Duration.ofMinutes(2));
      pending.values().removeIf(p -> p.at().isBefore(before));
    }
  }

  // ---- reports ----------------------------------------------------------------------------------

  @Override
  public CompletableFuture<Long> barrier(AgentSession session, BarrierReport report) {
    Gate gate = session.gate();
    Instant at = instant(report.getTime());
    GateBoard.BarrierChange change = board.barrier(gate.id(), report.getLaneId(), report.getState(), at);
    if (!change.applied()) {
      return CompletableFuture.completedFuture(0L);
    }
    change.gateState().ifPresent(state -> gateStateExecutor.execute(() -> {
      try {
        gateStates.record(new GateStateObservation(report.getRequestId(), session.agentId(), gate, state, at,
            report.getDetail()));
      } catch (RuntimeException e) {
        log.warn("Gate state {} of {} was not recorded", state, gate.id(), e);
      }
    }));
    return writer.event(Optional.of(key(session, "barrier", report.getRequestId())),
        AccessEvents.barrier(gate, report.getLaneId(), state(report.getState()), state(change.previous()),
            report.getDetail(), session.agentId(), at));
  }

  @Override
  public CompletableFuture<Long> passage(AgentSession session, LoopPassage passage) {
    Gate gate = session.gate();
    Instant now = clock.instant();
    Instant at = instant(passage.getTime());
    PassageDirection direction = direction(passage.getDirection());
    PendingPass named = passage.getRecordId().isEmpty() ? null : pending.get(passage.getRecordId());
    if (named == null && at.isBefore(now.minus(STALE_PASSAGE))) {
      return CompletableFuture.completedFuture(0L); // replayed or late: the barrier moved on long ago
    }
    PassageOutcome outcome;
    if (named != null) {
      // the agent matched it to our pass (late after a broken link, perhaps): complete that record
      board.passages(gate.id(), passage.getLaneId()).cancel(passage.getRecordId());
      outcome = PassageOutcome.matched(passage.getRecordId());
    } else {
      outcome = board.passages(gate.id(), passage.getLaneId()).passage(now);
    }
    if (outcome.kind() == PassageOutcome.Kind.MATCHED) {
      String recordId = outcome.decisionId().orElseThrow();
      PendingPass pass = pending.remove(recordId);
      Optional<PresenceRow> row = pass != null && pass.perimeter()
          ? presence.apply(recordId, pass.holder(), pass.direction(), gate.id(), at) : Optional.empty();
      AccessRecordWriter.Passage item = new AccessRecordWriter.Passage(
          AccessEvents.passage(gate, recordId, passage.getLaneId(), (pass == null ? direction : pass.direction()).name(),
              pass == null ? "credential" : pass.holderKind(), pass == null ? "" : pass.holderId(), at),
          new AccessStore.PassageUpdate(recordId, at), row, new CompletableFuture<>());
      writer.submit(item);
      return item.done();
    }
    boolean forced = outcome.kind() == PassageOutcome.Kind.FORCED;
    String recordId = idPrefix + counter.incrementAndGet();
    Lane lane = session.lane(passage.getLaneId()).orElseThrow();
    Holder.Unknown nobody = new Holder.Unknown((forced ? "forced:" : "tailgate:") + recordId, seenClass(lane));
    Optional<PresenceRow> row = guarded.getOrDefault(gate.id(), Optional.empty()).isEmpty()
        ? presence.apply(recordId, nobody, direction, gate.id(), at) : Optional.empty();
    String detail = forced ? "passage at " + gate.id() + "/" + lane.id() + " without a pass"
        : "passage at " + gate.id() + "/" + lane.id() + " on the heels of " + outcome.decisionId().orElse("");
    AccessEntry entry = new AccessEntry(recordId, gate, lane.id(), direction, at, "loop", "credential", "", "",
        PresenceRow.UNKNOWN, "", false, forced ? "FORCED" : "TAILGATE", detail, "", "", false, Optional.of(at),
        forced, !forced);
    CompletableFuture<Long> stored = writer.record(entry, row);
    stored.thenRun(() -> alarmExecutor.execute(() -> raise(session, entry, forced)));
    return stored;
  }

  private void raise(AgentSession session, AccessEntry entry, boolean forced) {
    try {
      alarms.record(new ReceivedAlarmReport(entry.recordId(), REPORTER,
          forced ? AlarmType.FORCED_PASSAGE : AlarmType.TAILGATING, Optional.empty(),
          new SourceRef("gate", entry.gate().id().value()), entry.gate().position().getX(),
          entry.gate().position().getY(), List.of(), entry.detail(), entry.at()));
    } catch (RuntimeException e) {
      log.warn("The {} alarm of {} was not raised", forced ? "forced passage" : "tailgating", session, e);
    }
  }

  private static Optional<VehicleClass> seenClass(Lane lane) {
    if (lane.laneClass() == LaneClass.PEDESTRIAN) {
      return Optional.empty();
    }
    if (lane.laneClass() == LaneClass.HAZMAT) {
      return Optional.of(VehicleClass.HAZMAT);
    }
    if (lane.laneClass() == LaneClass.HAZWASTE) {
      return Optional.of(VehicleClass.HAZWASTE);
    }
    return Optional.of(VehicleClass.ORDINARY);
  }

  @Override
  public CompletableFuture<Long> fault(AgentSession session, DeviceFault fault) {
    Gate gate = session.gate();
    String text = fault.getDevice() + (fault.getCode().isEmpty() ? "" : " " + fault.getCode())
        + (fault.getDetail().isEmpty() ? "" : ": " + fault.getDetail());
    board.fault(gate.id(), fault.getLaneId(), fault.getDevice(), text, fault.getCleared());
    return writer.event(Optional.of(key(session, "fault", fault.getRequestId())), AccessEvents.fault(gate,
        fault.getLaneId(), fault.getDevice(), fault.getCode(), fault.getDetail(), fault.getCleared(),
        session.agentId(), instant(fault.getTime())));
  }

  @Override
  public CompletableFuture<UploadResult> upload(AgentSession session, AccessRecordBatch batch) {
    Gate gate = session.gate();
    boolean perimeter = guarded.getOrDefault(gate.id(), Optional.empty()).isEmpty();
    List<AccessRecordWriter.Uploaded> records = new ArrayList<>();
    for (AccessRecord r : batch.getRecordsList()) {
      Resolved who = resolve(r.getIdentification());
      boolean went = r.hasPassageTime() || !session.hasDevice(r.getLaneId(), "loop");
      AccessEntry entry = new AccessEntry(r.getRecordId(), gate, r.getLaneId(), direction(r.getDirection()),
          instant(r.getTime()), who.credentialKind(), who.holderKind(), who.holderId(), who.holderName(),
          who.holderClass(), who.holder().enterprise().map(e -> e.value()).orElse(""), r.getPassed(), r.getRule(),
          "decided offline with cache " + r.getCacheVersion(), r.getPermitId(),
          r.getIdentification().getSnapshotRef(), true,
          r.hasPassageTime() ? Optional.of(instant(r.getPassageTime())) : Optional.empty(), false, false);
      records.add(new AccessRecordWriter.Uploaded(entry,
          r.getPassed() && went && perimeter ? Optional.of(who.holder()) : Optional.empty()));
    }
    AccessRecordWriter.Upload upload = new AccessRecordWriter.Upload(records, new CompletableFuture<>());
    writer.submit(upload);
    return upload.done().thenApply(result -> {
      board.uploaded(gate.id(), result.accepted());
      return result;
    });
  }

  @Override
  public CompletableFuture<Long> commandResult(AgentSession session, CommandResult result) {
    Instant at = result.hasTime() ? instant(result.getTime()) : clock.instant();
    return writer.event(Optional.of(key(session, "command-result", result.getCommandSeq() + "/" + result.getDone())),
        AccessEvents.commandResult(session.gate(), result.getCommandSeq(), result.getDone(), result.getDetail(),
            session.agentId(), at));
  }

  @Override
  public void cacheAck(AgentSession session, long version) {
    board.cacheAck(session.gate().id(), version);
  }

  @Override
  public CacheUpdate cacheSince(GateId gate, long version) {
    return cache.since(gate, version, mode(gate));
  }

  @Override
  public GateOperatingMode mode(GateId gate) {
    return board.mode(gate);
  }

  @Override
  public byte[] cacheSigningKey() {
    return signingKey.clone();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String key(AgentSession session, String what, String requestId) {
    return "gate-agent/" + session.gate().id().value() + "/" + what + "/" + requestId;
  }

  static PassageDirection direction(Direction direction) {
    return direction == Direction.DIRECTION_EXIT ? PassageDirection.EXIT : PassageDirection.ENTRY;
  }

  private static String state(io.cordon.api.v1.BarrierState state) {
    return state.name().replace("BARRIER_STATE_", "");
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static String credentialKind(Identification id) {
    switch (id.getCredentialCase()) {
      case PLATE:
        return "plate";
      case FACE:
        return "face";
      case CARD:
        return "card";
      case RFID:
        return "rfid";
      default:
        return "none";
    }
  }

  private static String rawCredential(Identification id) {
    switch (id.getCredentialCase()) {
      case PLATE:
        return id.getPlate().getPlate();
      case RFID:
        return id.getRfid().getPlate();
      case FACE:
        return id.getFace().getPersonId();
      case CARD:
        String n = id.getCard().getIdNumber();
        return n.length() > 6 ? n.substring(0, 6) + "…" : n; // never store a wrong ID number whole
      default:
        return "";
    }
  }

  /** The park, for the module. */
  Park park() {
    return park;
  }
}
