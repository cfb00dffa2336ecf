package io.cordon.devices.gate.edge;

import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.AgentAck;
import io.cordon.api.v1.AgentError;
import io.cordon.api.v1.AgentHello;
import io.cordon.api.v1.AgentLane;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.AgentWelcome;
import io.cordon.api.v1.BarrierAction;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.api.v1.BarrierReport;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.CacheAck;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.DeviceFault;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.LoopPassage;
import io.cordon.api.v1.ServerMessage;
import io.cordon.devices.gate.AccessRecordIds;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.gate.access.AccessDecision;
import io.cordon.domain.gate.access.GateAccessPolicy;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.LanePassages;
import io.cordon.domain.gate.access.PassageOutcome;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneDirection;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent of one gate. It holds a {@code GateAgentService.Connect} session with the server
 * (Hello → Welcome → cache → commands → live traffic), reconnecting with backoff and resuming from
 * its cache version and last command seq. An identification goes to the server and its Decision is
 * carried out; when the server is unreachable or does not answer within the decision timeout, the
 * agent decides alone on its signed cache ({@link OfflineDecider}), writes the record to its queue
 * on disk before the barrier moves, and uploads the queue oldest first in batches of at most 500
 * when the link is back, removing records only when the server acknowledged them.
 *
 * <p>All state changes run on one thread (the agent's loop); the hardware and gRPC threads only
 * post to it. The barrier is never waited for on that thread.
 */
public final class GateAgent implements LaneEvents, AutoCloseable {

  /** Largest record batch (AccessRecordBatch.records: 1..500). */
  public static final int MAX_BATCH = 500;
  private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(GateAgent.class);

  private final Channel channel;
  private final Supplier<CallCredentials> credentials;
  private final GateAgentConfig config;
  /** The last state each lane's barrier reported, re-sent at every connect. */
  private final Map<String, BarrierState> barriers = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, LaneHardware> lanes = new LinkedHashMap<>();
  private final Map<String, LanePassages> passages = new HashMap<>();
  private final AgentCache cache;
  private final RecordQueue queue;
  private final LocalPresence presence = new LocalPresence();
  private final OfflineDecider decider;
  private final ScheduledThreadPoolExecutor loop;
  private final ExecutorService connector;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong requestCounter = new AtomicLong();
  private final Path commandSeqFile;

  // counters, readable from any thread
  private final AtomicLong onlineDecisions = new AtomicLong();
  private final AtomicLong offlineDecisions = new AtomicLong();
  private final AtomicLong uploadedAccepted = new AtomicLong();
  private final AtomicLong uploadedDuplicates = new AtomicLong();
  private final AtomicLong commandsDone = new AtomicLong();
  private volatile boolean online;
  private volatile boolean closed;
  private volatile GateOperatingMode mode;

  // loop-thread state
  private StreamObserver<AgentMessage> stream;
  private int generation;
  private Duration backoff;
  private long lastCommandSeq;
  private final Map<String, Pending> pending = new HashMap<>();
  private String batchInFlight;
  private List<String> batchIds = List.of();
  private final Set<String> passagesInFlight = new HashSet<>();
  private final List<CommandResult> unsentResults = new ArrayList<>();
  private final Set<String> heldByMode = new HashSet<>();

  private record Pending(Identification identification, CompletableFuture<GateDecision> future,
      ScheduledFuture<?> timeout) {
  }

  /**
   * @param credentials called before each (re)connect for the session's call credentials, e.g. a
   *     bearer token from a fresh login; it may block, it is not called on the agent's loop
   * @param hardware the gate's lanes; each must be a lane of the gate
   */
  public GateAgent(Channel channel, Supplier<CallCredentials> credentials, GateAgentConfig config,
      List<? extends LaneHardware> hardware) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.config = Objects.requireNonNull(config, "config");
    for (LaneHardware lane : hardware) {
      if (config.gate().lanes().stream().noneMatch(l -> l.id().equals(lane.laneId()))) {
        throw new IllegalArgumentException("gate " + config.gate().id().value() + " has no lane " + lane.laneId());
      }
      lanes.put(lane.laneId(), lane);
      passages.put(lane.laneId(), new LanePassages(config.settleFor(), LanePassages.DEFAULT_TAILGATE_WITHIN));
    }
    this.cache = new AgentCache(config.gate().id().value(), config.dataDir().resolve("cache"), config.installedKey());
    this.queue = new RecordQueue(config.dataDir().resolve("records"), config.agentId());
    this.mode = cache.index().mode();
    this.decider = new OfflineDecider(config.gate(), config.guardedZone(),
        new GateAccessPolicy(config.accessSettings()), cache::index, presence::of,
        () -> EdgeProtos.gateMode(mode), config.clock());
    this.commandSeqFile = config.dataDir().resolve("last-command-seq");
    this.lastCommandSeq = readCommandSeq();
    this.backoff = config.minBackoff();
    this.loop = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "cordon-agent-" + config.agentId()));
    this.loop.setRemoveOnCancelPolicy(true);
    this.loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.connector = Executors.newSingleThreadExecutor(r -> daemon(r, "cordon-agent-connect-" + config.agentId()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Attaches the lanes and connects in the background. */
  public void start() {
    lanes.values().forEach(l -> l.attach(this));
    post(this::connect);
    loop.scheduleWithFixedDelay(() -> {
      if (online) {
        upload();
      }
    }, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------------------------------------
  // what the agent tells about itself

  public String agentId() {
    return config.agentId();
  }

  public String gateId() {
    return config.gate().id().value();
  }

  /** True while a session is established (Welcome received). */
  public boolean online() {
    return online;
  }

  public long cacheVersion() {
    return cache.version();
  }

  public GateOperatingMode mode() {
    return mode;
  }

  /** The agent's own decider over its live cache, presence and mode (no network). */
  public OfflineDecider decider() {
    return decider;
  }

  public AgentCache cache() {
    return cache;
  }

  /** Records and passages waiting for the server's acknowledgement. */
  public int queued() {
    return queue.size();
  }

  public AgentStats stats() {
    return new AgentStats(online, cache.version(), cache.refusedChunks(), onlineDecisions.get(),
        offlineDecisions.get(), queue.size(), uploadedAccepted.get(), uploadedDuplicates.get(), commandsDone.get());
  }

  /** Completes once the agent has handled everything reported to it before this call (e.g. passages). */
  public CompletionStage<Void> drained() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!post(() -> done.complete(null))) {
      done.complete(null);
    }
    return done;
  }

  /** Uploads what is ready now (when online) instead of at the next periodic flush. */
  public void flush() {
    post(() -> {
      if (online) {
        upload();
      }
    });
  }

  // ------------------------------------------------------------------------------------------
  // local hardware API

  @Override
  public CompletionStage<GateDecision> identified(Identification identification) {
    CompletableFuture<GateDecision> future = new CompletableFuture<>();
    Identification id = identification.getRequestId().isEmpty()
        ? identification.toBuilder().setRequestId(newRequestId("i")).build() : identification;
    if (!id.hasTime()) {
      id = id.toBuilder().setTime(EdgeProtos.timestamp(config.clock().instant())).build();
    }
    Identification request = id;
    if (!post(() -> decide(request, future))) {
      future.completeExceptionally(new IllegalStateException("the agent is closed"));
    }
    return future;
  }

  @Override
  public void barrier(String laneId, BarrierState state, String detail) {
    Instant at = config.clock().instant();
    post(() -> {
      LanePassages lane = passages.get(laneId);
      if (lane != null) {
        lane.barrier(gateState(state));
      }
      barriers.put(laneId, state);
      sendBarrier(laneId, state, at, detail);
    });
  }

  @Override
  public void passage(String laneId, Direction direction, Instant at) {
    post(() -> onPassage(laneId, direction, at));
  }

  @Override
  public void fault(String laneId, String device, String code, String detail, boolean cleared) {
    Instant at = config.clock().instant();
    post(() -> send(AgentMessage.newBuilder().setFault(DeviceFault.newBuilder().setRequestId(newRequestId("f"))
        .setLaneId(laneId).setDevice(device).setCode(limit(code, 32)).setDetail(limit(detail, 256))
        .setCleared(cleared).setTime(EdgeProtos.timestamp(at))).build()));
  }

  // ------------------------------------------------------------------------------------------
  // decisions

  private void decide(Identification id, CompletableFuture<GateDecision> future) {
    if (!online) {
      future.complete(decideOffline(id));
      return;
    }
    ScheduledFuture<?> timeout = loop.schedule(() -> {
      Pending p = pending.remove(id.getRequestId());
      if (p != null) {
        log.info("Gate {}: no decision for {} within {} ms; deciding offline", gateId(), id.getRequestId(),
            config.decisionTimeout().toMillis());
        p.future().complete(decideOffline(id));
      }
    }, config.decisionTimeout().toMillis(), TimeUnit.MILLISECONDS);
    pending.put(id.getRequestId(), new Pending(id, future, timeout));
    send(AgentMessage.newBuilder().setIdentification(id).build());
  }

  private void onDecision(Decision d) {
    Pending p = pending.remove(d.getRequestId());
    if (p == null) {
      log.debug("Gate {}: late decision for {} ignored (decided offline)", gateId(), d.getRequestId());
      return;
    }
    p.timeout().cancel(false);
    onlineDecisions.incrementAndGet();
    Identification id = p.identification();
    LaneHardware lane = lanes.get(id.getLaneId());
    if (d.getPass() && !decider.internalCheckpoint()) {
      EdgeProtos.direction(id.getDirection())
          .ifPresent(dir -> presence.passed(decider.holderOf(id).key(), dir));
    }
    if (d.getPass() && passages.containsKey(id.getLaneId()) && !d.getRecordId().isEmpty()) {
      // armed here too, so that its passage names the server's record even if the link breaks first
      passages.get(id.getLaneId()).armed(d.getRecordId(), config.clock().instant());
    }
    if (lane != null) {
      lane.show(d.getLedText());
      lane.say(d.getVoicePhrase());
      if (d.getPass()) {
        lane.openOnce();
      }
    }
    p.future().complete(new GateDecision(d.getRequestId(), d.getPass(), d.getRule(), d.getDetail(), d.getLedText(),
        d.getVoicePhrase(), d.getPermitId(), d.getRecordId(), d.getHolderName(), d.getHolderClass(), false));
  }

  private GateDecision decideOffline(Identification id) {
    OfflineDecision decision;
    try {
      decision = decider.decide(id);
    } catch (IllegalArgumentException e) {
      log.warn("Gate {}: cannot decide on {}: {}", gateId(), id.getRequestId(), e.getMessage());
      return new GateDecision(id.getRequestId(), false, "INVALID_IDENTIFICATION", e.getMessage(), "禁止通行",
          "禁止通行", "", "", "", "UNKNOWN", true);
    }
    offlineDecisions.incrementAndGet();
    AccessDecision verdict = decision.decision();
    String permitId = verdict instanceof AccessDecision.Pass pass
        ? pass.permit().map(p -> p.value()).orElse("") : "";
    String recordId = AccessRecordIds.of(config.agentId(), id.getRequestId());
    AccessRecord record = AccessRecord.newBuilder()
        .setRecordId(recordId)
        .setLaneId(decision.lane().id())
        .setDirection(id.getDirection())
        .setTime(EdgeProtos.timestamp(decision.at()))
        .setIdentification(id)
        .setPassed(verdict.passes())
        .setRule(verdict.rule().code())
        .setPermitId(permitId)
        .setDecidedOffline(true)
        .setCacheVersion(decision.cacheVersion())
        .build();
    queue.append(record); // durable before the barrier moves
    String led = led(decision);
    String voice = verdict.passes() ? "请通行" : "禁止通行";
    LaneHardware lane = lanes.get(decision.lane().id());
    if (verdict.passes()) {
      passages.get(decision.lane().id()).armed(recordId, decision.at());
      if (!decider.internalCheckpoint()) {
        presence.passed(decision.holder().key(), decision.direction());
      }
    }
    if (lane != null) {
      lane.show(led);
      lane.say(voice);
      if (verdict.passes()) {
        lane.openOnce();
      }
    }
    String detail = verdict instanceof AccessDecision.Deny deny ? deny.detail() : verdict.rule().description();
    return new GateDecision(id.getRequestId(), verdict.passes(), verdict.rule().code(), limit(detail, 256), led, voice,
        permitId, recordId, decision.holderName(), EdgeProtos.holderClass(decision.holder()), true);
  }

  private static String led(OfflineDecision decision) {
    String name = decision.holder() instanceof Holder.Unknown ? "" : decision.holderName() + " ";
    return limit(name + (decision.passes() ? "请通行" : "禁止通行"), 64);
  }

  // ------------------------------------------------------------------------------------------
  // passages

  private void onPassage(String laneId, Direction direction, Instant at) {
    LanePassages lane = passages.get(laneId);
    if (lane == null) {
      log.warn("Gate {}: passage on unknown lane {}", gateId(), laneId);
      return;
    }
    PassageOutcome outcome = lane.passage(at);
    if (outcome.kind() == PassageOutcome.Kind.MATCHED) {
      Optional<AccessRecord> record = queue.record(outcome.decisionId().orElseThrow());
      if (record.isPresent()) {
        queue.append(record.get().toBuilder().setPassageTime(EdgeProtos.timestamp(at)).build());
        return;
      }
    }
    // a pass the server decided (its record named), or no pass at all: the server matches it (or
    // raises forced / tailgate)
    String serverRecord = outcome.kind() == PassageOutcome.Kind.MATCHED ? outcome.decisionId().orElse("") : "";
    LoopPassage passage = LoopPassage.newBuilder().setRequestId(queue.nextId()).setLaneId(laneId)
        .setDirection(direction).setTime(EdgeProtos.timestamp(at)).setRecordId(serverRecord).build();
    queue.append(passage);
    if (online) {
      sendPassage(passage);
    }
  }

  private void sendPassage(LoopPassage passage) {
    if (passagesInFlight.add(passage.getRequestId())) {
      send(AgentMessage.newBuilder().setPassage(passage).build());
    }
  }

  // ------------------------------------------------------------------------------------------
  // upload

  private void upload() {
    for (LoopPassage p : queue.passages()) {
      sendPassage(p);
    }
    if (batchInFlight != null) {
      return;
    }
    Instant now = config.clock().instant();
    List<AccessRecord> batch = queue.nextRecords(MAX_BATCH, r -> settled(r, now));
    if (batch.isEmpty()) {
      return;
    }
    batchInFlight = newRequestId("r");
    batchIds = batch.stream().map(AccessRecord::getRecordId).toList();
    log.info("Gate {}: uploading {} offline records (batch {})", gateId(), batch.size(), batchInFlight);
    send(AgentMessage.newBuilder().setRecords(AccessRecordBatch.newBuilder().setRequestId(batchInFlight)
        .addAllRecords(batch)).build());
  }

  /** Denials at once; passes once their passage was seen, or after the settle time (nobody went through). */
  private boolean settled(AccessRecord r, Instant now) {
    return !r.getPassed() || r.hasPassageTime()
        || !EdgeProtos.instant(r.getTime()).plus(config.settleFor()).isAfter(now);
  }

  private void onAck(AgentAck ack) {
    if (ack.getRequestId().equals(batchInFlight)) {
      uploadedAccepted.addAndGet(ack.getAccepted());
      uploadedDuplicates.addAndGet(ack.getDuplicates());
      queue.acknowledged(batchIds); // after the counters: whoever sees the queue empty sees them too
      log.info("Gate {}: batch {} stored ({} new, {} already there)", gateId(), batchInFlight, ack.getAccepted(),
          ack.getDuplicates());
      batchInFlight = null;
      batchIds = List.of();
      upload();
    } else if (passagesInFlight.remove(ack.getRequestId())) {
      queue.acknowledged(List.of(ack.getRequestId()));
    }
  }

  private void onError(AgentError error) {
    log.warn("Gate {}: the server refused {} at {}: {}", gateId(), error.getRequestId(), error.getField(),
        error.getDescription());
    Pending p = pending.remove(error.getRequestId());
    if (p != null) {
      p.timeout().cancel(false);
      p.future().complete(decideOffline(p.identification()));
    } else if (error.getRequestId().equals(batchInFlight)) {
      // a record the server will never take (it says which): drop it, keep the rest
      List<String> drop = refusedRecords(error.getField());
      log.error("Gate {}: dropping refused offline records {}", gateId(), drop);
      queue.acknowledged(drop);
      batchInFlight = null;
      batchIds = List.of();
    } else if (passagesInFlight.remove(error.getRequestId())) {
      queue.acknowledged(List.of(error.getRequestId()));
    }
  }

  private List<String> refusedRecords(String field) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("records\\[(\\d+)]").matcher(field);
    if (m.find()) {
      int i = Integer.parseInt(m.group(1));
      if (i < batchIds.size()) {
        return List.of(batchIds.get(i));
      }
    }
    return batchIds; // the batch as a whole is refused: resending it would loop forever
  }

  // ------------------------------------------------------------------------------------------
  // commands and modes

  private void onCommand(BarrierCommand command) {
    if (command.getCommandSeq() != 0 && command.getCommandSeq() <= lastCommandSeq) {
      sendResult(CommandResult.newBuilder().setCommandSeq(command.getCommandSeq()).setDone(true)
          .setDetail("already carried out").setTime(EdgeProtos.timestamp(config.clock().instant())).build());
      return;
    }
    lastCommandSeq = Math.max(lastCommandSeq, command.getCommandSeq());
    writeCommandSeq();
    List<LaneHardware> targets = command.getLaneId().isEmpty() ? List.copyOf(lanes.values())
        : Optional.ofNullable(lanes.get(command.getLaneId())).map(List::of).orElse(List.of());
    if (targets.isEmpty() && command.getAction() != BarrierAction.BARRIER_ACTION_SET_MODE) {
      sendResult(result(command, List.of(BarrierResult.failed(BarrierState.BARRIER_STATE_UNSPECIFIED,
          "no lane " + command.getLaneId()))));
      return;
    }
    List<CompletableFuture<BarrierResult>> moves = new ArrayList<>();
    switch (command.getAction()) {
      case BARRIER_ACTION_OPEN_ONCE -> targets.forEach(l -> moves.add(l.openOnce().toCompletableFuture()));
      case BARRIER_ACTION_HOLD_OPEN -> targets.forEach(l -> moves.add(l.holdOpen().toCompletableFuture()));
      case BARRIER_ACTION_CLOSE -> targets.forEach(l -> {
        heldByMode.remove(l.laneId());
        moves.add(l.close().toCompletableFuture());
      });
      case BARRIER_ACTION_SET_MODE -> moves.addAll(setMode(command.getMode()));
      default -> moves.add(CompletableFuture.completedFuture(BarrierResult.failed(
          BarrierState.BARRIER_STATE_UNSPECIFIED, "unknown action " + command.getAction())));
    }
    CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new))
        .orTimeout(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((ok, failure) -> post(() -> {
          List<BarrierResult> results = moves.stream().map(f -> f.isDone() && !f.isCompletedExceptionally()
              ? f.join() : BarrierResult.failed(BarrierState.BARRIER_STATE_UNSPECIFIED,
                  failure != null ? "no answer from the barrier within " + config.commandTimeout().toSeconds() + " s"
                      : "barrier failed")).toList();
          sendResult(result(command, results));
        }));
  }

  /** Switches the local mode and moves the barriers it implies. */
  private List<CompletableFuture<BarrierResult>> setMode(GateOperatingMode newMode) {
    if (newMode == GateOperatingMode.GATE_OPERATING_MODE_UNSPECIFIED || newMode == GateOperatingMode.UNRECOGNIZED) {
      return List.of(CompletableFuture.completedFuture(BarrierResult.failed(BarrierState.BARRIER_STATE_UNSPECIFIED,
          "no mode given")));
    }
    mode = newMode;
    log.info("Gate {}: mode {}", gateId(), newMode);
    List<CompletableFuture<BarrierResult>> moves = new ArrayList<>();
    for (LaneHardware hw : lanes.values()) {
      Lane lane = decider.lane(hw.laneId()).orElseThrow();
      boolean hold = newMode == GateOperatingMode.GATE_OPERATING_MODE_EMERGENCY_OPEN
          || newMode == GateOperatingMode.GATE_OPERATING_MODE_EVACUATION && lane.direction() == LaneDirection.EXIT;
      if (hold) {
        heldByMode.add(hw.laneId());
        moves.add(hw.holdOpen().toCompletableFuture());
      } else if (heldByMode.remove(hw.laneId())) {
        moves.add(hw.close().toCompletableFuture());
      }
    }
    return moves;
  }

  private CommandResult result(BarrierCommand command, List<BarrierResult> results) {
    boolean done = results.stream().allMatch(BarrierResult::done);
    String detail = String.join("; ", results.stream().filter(r -> !r.done()).map(BarrierResult::detail).toList());
    if (done) {
      commandsDone.incrementAndGet();
    }
    return CommandResult.newBuilder().setCommandSeq(command.getCommandSeq()).setDone(done)
        .setDetail(limit(detail, 256)).setTime(EdgeProtos.timestamp(config.clock().instant())).build();
  }

  private void sendResult(CommandResult result) {
    if (online) {
      send(AgentMessage.newBuilder().setCommandResult(result).build());
    } else {
      unsentResults.add(result);
    }
  }

  // ------------------------------------------------------------------------------------------
  // session

  private void connect() {
    if (closed) {
      return;
    }
    int gen = ++generation;
    connector.execute(() -> {
      CallCredentials creds;
      try {
        creds = credentials.get();
      } catch (RuntimeException e) {
        log.debug("Gate {}: cannot sign in: {}", gateId(), e.toString());
        post(() -> {
          if (gen == generation) {
            reconnectLater();
          }
        });
        return;
      }
      post(() -> open(gen, creds));
    });
  }

  private void open(int gen, CallCredentials creds) {
    if (closed || gen != generation) {
      return;
    }
    GateAgentServiceGrpc.GateAgentServiceStub stub = GateAgentServiceGrpc.newStub(channel)
        .withDeadlineAfter(config.sessionDeadline().toMillis(), TimeUnit.MILLISECONDS);
    if (creds != null) {
      stub = stub.withCallCredentials(creds);
    }
    stream = stub.connect(new StreamObserver<>() {
      @Override
      public void onNext(ServerMessage message) {
        post(() -> {
          if (gen == generation) {
            onMessage(message);
          }
        });
      }

      @Override
      public void onError(Throwable t) {
        post(() -> {
          if (gen == generation) {
            lost(Status.fromThrowable(t));
          }
        });
      }

      @Override
      public void onCompleted() {
        post(() -> {
          if (gen == generation) {
            lost(Status.UNAVAILABLE.withDescription("the server ended the session"));
          }
        });
      }
    });
    AgentHello.Builder hello = AgentHello.newBuilder().setGateId(gateId()).setAgentId(config.agentId())
        .setSoftwareVersion(limit(config.softwareVersion(), 32)).setCacheVersion(cache.version())
        .setLastCommandSeq(lastCommandSeq);
    lanes.values().forEach(l -> hello.addLanes(AgentLane.newBuilder().setLaneId(l.laneId()).addAllDevices(l.devices())));
    stream.onNext(AgentMessage.newBuilder().setHello(hello).build());
  }

  private void onMessage(ServerMessage message) {
    switch (message.getBodyCase()) {
      case WELCOME -> onWelcome(message.getWelcome());
      case DECISION -> onDecision(message.getDecision());
      case COMMAND -> onCommand(message.getCommand());
      case CACHE -> {
        ChunkOutcome outcome = cache.offer(message.getCache());
        if (outcome == ChunkOutcome.APPLIED) {
          send(AgentMessage.newBuilder().setCacheAck(CacheAck.newBuilder().setCacheVersion(cache.version())).build());
        }
      }
      case ACK -> onAck(message.getAck());
      case ERROR -> onError(message.getError());
      default -> log.debug("Gate {}: ignoring an empty server message", gateId());
    }
  }

  private void sendBarrier(String laneId, BarrierState state, Instant at, String detail) {
    send(AgentMessage.newBuilder().setBarrier(BarrierReport.newBuilder().setRequestId(newRequestId("b"))
        .setLaneId(laneId).setState(state).setTime(EdgeProtos.timestamp(at)).setDetail(limit(detail, 256))).build());
  }

  private void onWelcome(AgentWelcome welcome) {
    cache.offerKey(welcome.getCacheSigningKey().toByteArray());
    online = true;
    backoff = config.minBackoff();
    log.info("Gate {}: connected (cache version {}, {} records to upload)", gateId(), cache.version(), queue.size());
    if (welcome.getMode() != GateOperatingMode.GATE_OPERATING_MODE_UNSPECIFIED && welcome.getMode() != mode) {
      setMode(welcome.getMode());
    }
    List<CommandResult> results = List.copyOf(unsentResults);
    unsentResults.clear();
    results.forEach(this::sendResult);
    // the server knows the barriers only from reports: say where each one stands now (e.g. at start-up)
    Instant now = config.clock().instant();
    barriers.forEach((lane, state) -> sendBarrier(lane, state, now, "state at connect"));
    upload();
  }

  private void lost(Status status) {
    boolean was = online;
    online = false;
    stream = null;
    generation++;
    batchInFlight = null;
    batchIds = List.of();
    passagesInFlight.clear();
    if (was) {
      log.warn("Gate {}: lost the server ({}); deciding offline", gateId(), status);
    } else if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      log.debug("Gate {}: cannot reach the server ({})", gateId(), status);
    } else {
      log.warn("Gate {}: the server refused the session ({}); retrying", gateId(), status);
    }
    // identifications waiting for the server: decide now instead of at their timeout
    List<Pending> waiting = List.copyOf(pending.values());
    pending.clear();
    for (Pending p : waiting) {
      p.timeout().cancel(false);
      p.future().complete(decideOffline(p.identification()));
    }
    reconnectLater();
  }

  private void reconnectLater() {
    if (closed) {
      return;
    }
    long half = Math.max(1, backoff.toMillis() / 2);
    long wait = half + java.util.concurrent.ThreadLocalRandom.current().nextLong(half);
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    loop.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
  }

  private void send(AgentMessage message) {
    if (stream == null || !online && !message.hasHello()) {
      return;
    }
    try {
      stream.onNext(message);
    } catch (RuntimeException e) {
      lost(Status.fromThrowable(e));
    }
  }

  // ------------------------------------------------------------------------------------------

  private boolean post(Runnable task) {
    try {
      loop.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("Gate {}: agent task failed", gateId(), e);
        }
      });
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return false;
    }
  }

  private String newRequestId(String kind) {
    return kind + "-" + runId + "-" + requestCounter.incrementAndGet();
  }

  private long readCommandSeq() {
    try {
      return Files.exists(commandSeqFile) ? Long.parseLong(Files.readString(commandSeqFile).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      log.warn("Gate {}: cannot read the last command seq: {}", gateId(), e.toString());
      return 0;
    }
  }

  private void writeCommandSeq() {
    try {
      Files.createDirectories(commandSeqFile.getParent());
      Path tmp = commandSeqFile.resolveSibling(commandSeqFile.getFileName() + ".tmp");
      Files.writeString(tmp, Long.toString(lastCommandSeq), StandardCharsets.US_ASCII);
      Files.move(tmp, commandSeqFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Gate {}: cannot store the last command seq: {}", gateId(), e.toString());
    }
  }

  private static GateState gateState(BarrierState state) {
    return switch (state) {
      case BARRIER_STATE_CLOSED -> GateState.CLOSED;
      case BARRIER_STATE_OPEN, BARRIER_STATE_HELD_OPEN -> GateState.OPEN;
      case BARRIER_STATE_FAULT -> GateState.FAULT;
      default -> GateState.UNKNOWN;
    };
  }

  static String limit(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    post(() -> {
      online = false;
      generation++;
      if (stream != null) {
        try {
          stream.onCompleted();
        } catch (RuntimeException ignored) {
          // already broken
        }
        stream = null;
      }
    });
    loop.shutdown();
    connector.shutdownNow();
    try {
      if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
