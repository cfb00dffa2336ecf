package io.cordon.server.gate.emergency;

import com.google.rpc.Code;
import io.cordon.api.v1.EmergencyGateState;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.IssuedGateCommand;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.event.ScannedPage;
import io.cordon.server.event.TransactionWork;
import io.cordon.server.gate.GateCommands;
import io.cordon.server.gate.GateEvents;
import io.cordon.server.gate.GateOrder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs emergency openings (one at a time). Opening journals {@code emergency.opened}, one {@code
 * gate.command} per gate (HOLD_OPEN for emergency gates; SET_MODE EVACUATION for every other gate
 * in an evacuation) and each gate's first {@code emergency.gate} progress, all in ONE transaction,
 * so every gate's agent is woken by the same commit. It then follows the journal's {@code
 * gate.command_result} events: a gate whose agent answers done turns CONFIRMED (RESTORED after the
 * end), one that answers not done or stays silent past the timeout turns FAILED, one whose agent is
 * not connected is QUEUED until it connects. Each change is an {@code emergency.gate} event, and
 * the whole state is rebuilt from the journal when the server starts.
 *
 * <p>All changes happen under one lock (the journal append included), so an answer is never
 * matched before its command's emergency is known, and watchers see every change in order.
 */
public final class EmergencyOpening implements AutoCloseable {

  /** A validated request to open; the second person's password has been checked already. */
  public record OpenRequest(String requestId, String reason, EmergencyScope scope, String secondPerson) {
    public OpenRequest {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(secondPerson, "secondPerson");
    }
  }

  /** Receives the full status on every change, one call at a time. */
  public interface Watcher {
    void status(EmergencyStatus status);

    /** The server stops; nothing more follows. */
    void ended();
  }

  /** Ends a watch. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  private static final Logger log = LoggerFactory.getLogger(EmergencyOpening.class);
  static final Duration TICK = Duration.ofMillis(100);
  private static final int PAGE = 500;
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private final Park park;
  private final EventJournal journal;
  private final LiveEvents live;
  private final GateCommands commands;
  private final EmergencySettings settings;
  private final Clock clock;
  private final GateModeSwitch modes;
  private final ReentrantLock lock = new ReentrantLock();
  private final ScheduledExecutorService worker;
  private final AtomicInteger wip = new AtomicInteger();
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private final SecureRandom random = new SecureRandom();
  /** The latest emergency (active or ended); null when none was ever opened. */
  private Emergency current;
  /** The last {@code gate.command_result} seq looked at. */
  private long cursor;
  private volatile boolean started;
  private volatile boolean closed;
  private LiveEvents.Registration registration;

  private EmergencyOpening(Park park, EventJournal journal, LiveEvents live, GateCommands commands,
      EmergencySettings settings, Clock clock, GateModeSwitch modes) {
    this.modes = Objects.requireNonNull(modes, "modes");
    this.park = Objects.requireNonNull(park, "park");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.live = Objects.requireNonNull(live, "live");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cordon-emergency");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Rebuilds the latest emergency from the journal and starts following the gates' answers. */
  public static EmergencyOpening start(Park park, EventJournal journal, LiveEvents live, GateCommands commands,
      EmergencySettings settings, Clock clock) {
    return start(park, journal, live, commands, settings, clock, GateModeSwitch.NONE);
  }

  /**
   * As {@link #start(Park, EventJournal, LiveEvents, GateCommands, EmergencySettings, Clock)}, telling
   * {@code modes} every mode switch (and, on start, the evacuation an active emergency keeps up).
   */
  public static EmergencyOpening start(Park park, EventJournal journal, LiveEvents live, GateCommands commands,
      EmergencySettings settings, Clock clock, GateModeSwitch modes) {
    EmergencyOpening opening = new EmergencyOpening(park, journal, live, commands, settings, clock, modes);
    try {
      opening.begin();
    } catch (RuntimeException e) {
      opening.close();
      throw e;
    }
    return opening;
  }

  private void begin() {
    registration = live.listen(this::wakeUp); // before reading the journal, so no answer falls between
    lock.lock();
    try {
      long lastOpened = 0;
      long after = 0;
      while (true) {
        List<JournalEvent> page = journal.readAfter(after, EmergencyEvents.OPENINGS, PAGE);
        if (!page.isEmpty()) {
          lastOpened = page.get(page.size() - 1).seq();
          after = lastOpened;
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      cursor = journal.lastSeq();
      if (lastOpened > 0) {
        current = rebuild(lastOpened);
        Instant deadline = clock.instant().plus(settings.confirmTimeout());
        for (GateProgress gate : current.gates.values()) {
          if (gate.awaitsAnswer()) {
            cursor = Math.min(cursor, gate.commandSeq - 1);
          }
          if (gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED) {
            gate.deadline = Optional.of(deadline);
          }
        }
        if (current.active()) {
          switchModes(current, GateMode.EVACUATION);
        }
        log.info("Emergency {} restored from the journal (active: {})", current.id, current.active());
      }
      started = true;
    } finally {
      lock.unlock();
    }
    worker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The latest emergency; {@code active = false} and no gates when none was ever opened. */
  public EmergencyStatus current() {
    lock.lock();
    try {
      return current == null ? EmergencyStatus.getDefaultInstance() : current.toProto();
    } finally {
      lock.unlock();
    }
  }

  public EmergencySettings settings() {
    return settings;
  }

  /**
   * Opens an emergency: journals it with every gate's command in one transaction. Repeating a
   * request id answers the emergency it opened.
   *
   * @throws EmergencyRefusal FAILED_PRECONDITION on "emergency" while another one is active
   */
  public EmergencyStatus open(String user, OpenRequest request) {
    String key = "emergency-open/" + user + "/" + request.requestId();
    lock.lock();
    try {
      Long recorded = journal.recordedSeqs(List.of(key)).get(key);
      if (recorded != null) {
        return current != null && current.openedSeq == recorded ? current.toProto() : rebuild(recorded).toProto();
      }
      if (current != null && current.active()) {
        throw new EmergencyRefusal(Code.FAILED_PRECONDITION, "emergency",
            "is already active (" + current.id + "): end it before opening another");
      }
      Instant now = clock.instant();
      String id = "EM-" + ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) random.nextInt());
      List<GateOrder> orders = new ArrayList<>();
      for (Gate gate : park.gates()) {
        if (gate.type() == GateType.EMERGENCY) {
          orders.add(GateOrder.emergency(gate, BarrierAction.HOLD_OPEN, request.reason(), id));
        } else if (request.scope() == EmergencyScope.EMERGENCY_SCOPE_EVACUATION) {
          orders.add(GateOrder.emergencyMode(gate, GateMode.EVACUATION, request.reason(), id));
        }
      }
      if (orders.isEmpty()) {
        throw new EmergencyRefusal(Code.FAILED_PRECONDITION, "scope", "names no gate: the park has no emergency gate");
      }
      List<JournalAppend> appends = new ArrayList<>();
      appends.add(JournalAppend.once(key,
          EmergencyEvents.opened(id, request.scope(), request.reason(), user, request.secondPerson(), now)));
      List<GateProgress> progress = commandAll(orders, user, now, appends, id);
      List<Appended> done = journal.appendAll(appends, TransactionWork.NONE);
      Emergency applied = new Emergency(id, done.get(0).event().seq(), request.scope(), request.reason(), user,
          request.secondPerson(), now);
      applyCommands(applied, progress, done, 1);
      current = applied;
      switchModes(applied, GateMode.EVACUATION);
      log.warn("EMERGENCY {} opened by {}{} ({}): {} gates commanded", id, user,
          request.secondPerson().isEmpty() ? "" : " with " + request.secondPerson(),
          EmergencyEvents.scopeName(request.scope()), orders.size());
      publish();
      return applied.toProto();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends one gate's current command again (its opening command, or its restore command after
   * the end). Repeating a request id changes nothing more.
   */
  public EmergencyStatus retry(String user, String requestId, String emergencyId, GateId gateId) {
    String key = "emergency-retry/" + user + "/" + requestId;
    lock.lock();
    try {
      Emergency emergency = latest(emergencyId);
      if (journal.recordedSeqs(List.of(key)).containsKey(key)) {
        return emergency.toProto();
      }
      GateProgress gate = emergency.gates.get(gateId);
      if (gate == null) {
        throw new EmergencyRefusal(Code.NOT_FOUND, "gate_id", "is not a gate of emergency " + emergencyId);
      }
      if (!gate.awaitsAnswer()) {
        throw new EmergencyRefusal(Code.FAILED_PRECONDITION, "gate_id", "has confirmed its command already");
      }
      Gate parkGate = park.gate(gateId).orElseThrow();
      Instant now = clock.instant();
      String reason = emergency.active() ? emergency.reason : emergency.endReason;
      GateOrder order = new GateOrder(parkGate, Optional.empty(), gate.action, gate.mode, reason,
          Optional.of(emergency.id));
      List<JournalAppend> appends = new ArrayList<>();
      appends.add(JournalAppend.once(key, GateEvents.command(order, user, now)));
      GateProgress next = gate.copy();
      next.attempts = gate.attempts + 1;
      next.commandSeq = 0;
      next.state = commands.isConnected(parkGate)
          ? EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED : EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED;
      next.detail = "retry by " + user;
      appends.add(JournalAppend.of(EmergencyEvents.gate(emergency.id, parkGate, next, now)));
      List<Appended> done = journal.appendAll(appends, TransactionWork.NONE);
      next.commanded(done.get(0).event().seq(), gate.action, gate.mode, now);
      next.deadline = deadlineFor(next);
      emergency.gates.put(gateId, next);
      emergency.seq = done.get(1).event().seq();
      log.info("Emergency {}: {} retried gate {} (attempt {})", emergency.id, user, gateId, next.attempts);
      publish();
      return emergency.toProto();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the active emergency: journals {@code emergency.ended} and commands every gate back
   * (emergency gates CLOSE, the others SET_MODE NORMAL); gates turn RESTORED as they confirm.
   */
  public EmergencyStatus end(String user, String requestId, String emergencyId, String reason) {
    String key = "emergency-end/" + user + "/" + requestId;
    lock.lock();
    try {
      Emergency emergency = latest(emergencyId);
      if (journal.recordedSeqs(List.of(key)).containsKey(key)) {
        return emergency.toProto();
      }
      if (!emergency.active()) {
        throw new EmergencyRefusal(Code.FAILED_PRECONDITION, "emergency", "has ended already");
      }
      Instant now = clock.instant();
      List<GateOrder> orders = new ArrayList<>();
      for (GateProgress gate : emergency.gates.values()) {
        Gate parkGate = park.gate(gate.gate).orElseThrow();
        orders.add(parkGate.type() == GateType.EMERGENCY
            ? GateOrder.emergency(parkGate, BarrierAction.CLOSE, reason, emergency.id)
            : GateOrder.emergencyMode(parkGate, GateMode.NORMAL, reason, emergency.id));
      }
      List<JournalAppend> appends = new ArrayList<>();
      appends.add(JournalAppend.once(key, EmergencyEvents.ended(emergency.id, user, reason, now)));
      List<GateProgress> progress = commandAll(orders, user, now, appends, emergency.id);
      List<Appended> done = journal.appendAll(appends, TransactionWork.NONE);
      emergency.endedAt = Optional.of(now);
      emergency.endedBy = user;
      emergency.endReason = reason;
      applyCommands(emergency, progress, done, 1);
      switchModes(emergency, GateMode.NORMAL);
      log.warn("EMERGENCY {} ended by {}: restoring {} gates", emergency.id, user, orders.size());
      publish();
      return emergency.toProto();
    } finally {
      lock.unlock();
    }
  }

  /** Sends the current status now and every change after it, until the watch is closed. */
  public Watch watch(Watcher watcher) {
    lock.lock();
    try {
      watcher.status(current == null ? EmergencyStatus.getDefaultInstance() : current.toProto());
      watchers.add(watcher);
    } finally {
      lock.unlock();
    }
    return () -> watchers.remove(watcher);
  }

  @Override
  public void close() {
    closed = true;
    if (registration != null) {
      registration.close();
    }
    worker.shutdownNow();
    for (Watcher watcher : watchers) {
      watchers.remove(watcher);
      try {
        watcher.ended();
      } catch (RuntimeException e) {
        log.debug("An emergency watcher failed to end", e);
      }
    }
  }

  // --- commands ---------------------------------------------------------------------------------

  /**
   * Adds one command and one first progress event per order to {@code appends}; the progress
   * returned is not applied yet (its command seq comes from the commit).
   */
  private List<GateProgress> commandAll(List<GateOrder> orders, String user, Instant now, List<JournalAppend> appends,
      String emergencyId) {
    List<GateProgress> progress = new ArrayList<>();
    for (GateOrder order : orders) {
      appends.add(JournalAppend.of(GateEvents.command(order, user, now)));
      GateProgress gate = new GateProgress(order.gate().id(), order.gate().name());
      gate.action = order.action();
      gate.mode = order.mode();
      gate.attempts = 1;
      gate.state = commands.isConnected(order.gate())
          ? EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED : EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED;
      progress.add(gate);
    }
    for (GateProgress gate : progress) {
      appends.add(JournalAppend.of(EmergencyEvents.gate(emergencyId, park.gate(gate.gate).orElseThrow(), gate, now)));
    }
    return progress;
  }

  /** Applies committed commands: {@code done} holds them from {@code first}, then their progress events. */
  private void applyCommands(Emergency emergency, List<GateProgress> progress, List<Appended> done, int first) {
    Map<GateId, GateProgress> gates = new LinkedHashMap<>();
    long firstCommand = Long.MAX_VALUE;
    for (int i = 0; i < progress.size(); i++) {
      GateProgress gate = progress.get(i);
      JournalEvent command = done.get(first + i).event();
      IssuedGateCommand issued = GateEvents.commandOf(command);
      gate.commanded(command.seq(), issued.action(), issued.mode(), command.occurredAt());
      gate.deadline = deadlineFor(gate);
      gates.put(gate.gate, gate);
      firstCommand = Math.min(firstCommand, command.seq());
    }
    emergency.gates.clear();
    emergency.gates.putAll(gates);
    emergency.seq = done.get(done.size() - 1).event().seq();
    // every gate now waits for one of these commands: earlier answers concern none of them
    cursor = firstCommand - 1;
  }

  /** Tells the server's decisions the mode of every gate the emergency switches (not its emergency gates). */
  private void switchModes(Emergency emergency, GateMode mode) {
    for (GateProgress gate : emergency.gates.values()) {
      if (park.gate(gate.gate).map(g -> g.type() != GateType.EMERGENCY).orElse(false)) {
        try {
          modes.switchTo(gate.gate, mode);
        } catch (RuntimeException e) {
          log.warn("Could not switch the decisions of gate {} to {}", gate.gate, mode, e);
        }
      }
    }
  }

  private Optional<Instant> deadlineFor(GateProgress gate) {
    return gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED
        ? Optional.of(clock.instant().plus(settings.confirmTimeout()))
        : Optional.empty();
  }

  private Emergency latest(String emergencyId) {
    if (current == null || !current.id.equals(emergencyId)) {
      throw new EmergencyRefusal(Code.NOT_FOUND, "emergency_id",
          current == null ? "names no emergency: none was opened" : "is not the latest emergency (" + current.id + ")");
    }
    return current;
  }

  // --- answers and timeouts ---------------------------------------------------------------------

  private void wakeUp() {
    if (wip.getAndIncrement() == 0) {
      try {
        worker.execute(this::drainLoop);
      } catch (RejectedExecutionException e) {
        wip.set(0); // shutting down
      }
    }
  }

  private void drainLoop() {
    int missed = 1;
    while (true) {
      followAnswers();
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Reads the answers committed since the cursor and journals the progress they make. */
  private void followAnswers() {
    if (!started || closed) {
      return;
    }
    lock.lock();
    try {
      if (current == null || current.gates.values().stream().noneMatch(GateProgress::awaitsAnswer)) {
        return;
      }
      while (true) {
        ScannedPage scanned = journal.readAfterScanned(cursor, EmergencyEvents.RESULTS, PAGE);
        List<JournalEvent> page = scanned.events();
        Map<GateId, GateProgress> changes = new LinkedHashMap<>();
        Map<GateId, Instant> times = new LinkedHashMap<>();
        for (JournalEvent result : page) {
          Optional<GateProgress> gate = current.byCommand(EmergencyEvents.answeredCommand(result));
          if (gate.isEmpty() || !gate.get().awaitsAnswer()) {
            continue;
          }
          GateProgress next = changes.getOrDefault(gate.get().gate, gate.get()).copy();
          if (EmergencyEvents.done(result)) {
            next.state = current.active()
                ? EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED : EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED;
            next.detail = "";
            next.confirmedAt = Optional.of(result.occurredAt());
          } else {
            next.state = EmergencyGateState.EMERGENCY_GATE_STATE_FAILED;
            String detail = EmergencyEvents.detailOf(result);
            next.detail = detail.isEmpty() ? "the gate reported failure" : detail;
          }
          next.deadline = Optional.empty();
          changes.put(next.gate, next);
          times.put(next.gate, result.occurredAt());
        }
        if (!changes.isEmpty()) {
          record(changes, times);
        }
        if (!page.isEmpty()) {
          cursor = page.get(page.size() - 1).seq();
        }
        cursor = Math.max(cursor, scanned.scannedTo());
        if (page.size() < PAGE) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Cannot follow the gates' answers to emergency {} (retrying)", current == null ? "" : current.id, e);
    } finally {
      lock.unlock();
    }
  }

  /** Fails silent gates after the timeout and notices queued gates whose agent has connected. */
  private void tick() {
    if (!started || closed) {
      return;
    }
    lock.lock();
    try {
      if (current == null) {
        return;
      }
      Instant now = clock.instant();
      Map<GateId, GateProgress> changes = new LinkedHashMap<>();
      Map<GateId, Instant> times = new LinkedHashMap<>();
      for (GateProgress gate : current.gates.values()) {
        if (gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED && gate.deadline.isPresent()
            && !now.isBefore(gate.deadline.get())) {
          GateProgress next = gate.copy();
          next.state = EmergencyGateState.EMERGENCY_GATE_STATE_FAILED;
          next.detail = "no confirmation within " + describe(settings.confirmTimeout());
          next.deadline = Optional.empty();
          changes.put(gate.gate, next);
          times.put(gate.gate, now);
        } else if (gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_QUEUED
            && commands.isConnected(park.gate(gate.gate).orElseThrow())) {
          GateProgress next = gate.copy();
          next.state = EmergencyGateState.EMERGENCY_GATE_STATE_COMMANDED;
          next.detail = "agent connected";
          next.deadline = Optional.of(now.plus(settings.confirmTimeout()));
          changes.put(gate.gate, next);
          times.put(gate.gate, now);
        }
      }
      if (!changes.isEmpty()) {
        record(changes, times);
      }
    } catch (RuntimeException e) {
      log.warn("Emergency timeouts could not be recorded (retrying)", e);
    } finally {
      lock.unlock();
    }
    followAnswers(); // covers a wake-up lost to a failed read
  }

  /** Journals progress changes in one transaction, then applies and publishes them. */
  private void record(Map<GateId, GateProgress> changes, Map<GateId, Instant> times) {
    List<JournalAppend> appends = new ArrayList<>();
    for (GateProgress next : changes.values()) {
      appends.add(JournalAppend.of(EmergencyEvents.gate(current.id, park.gate(next.gate).orElseThrow(), next,
          times.get(next.gate))));
    }
    List<Appended> done = journal.appendAll(appends, TransactionWork.NONE);
    changes.values().forEach(next -> current.gates.put(next.gate, next));
    current.seq = done.get(done.size() - 1).event().seq();
    publish();
  }

  private void publish() {
    EmergencyStatus status = current.toProto();
    for (Watcher watcher : watchers) {
      try {
        watcher.status(status);
      } catch (RuntimeException e) {
        watchers.remove(watcher);
        log.debug("Dropped an emergency watcher that failed", e);
      }
    }
  }

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  // --- rebuilding from the journal ----------------------------------------------------------------

  /** The emergency opened by the {@code emergency.opened} event at {@code openedSeq}, as the journal tells it. */
  private Emergency rebuild(long openedSeq) {
    Emergency emergency = null;
    long after = openedSeq - 1;
    while (true) {
      List<JournalEvent> page = journal.readAfter(after, EmergencyEvents.HISTORY, PAGE);
      for (JournalEvent event : page) {
        if (emergency == null) {
          if (event.seq() == openedSeq && event.type().equals(EmergencyEvents.OPENED)) {
            Map<String, String> a = event.attributes();
            emergency = new Emergency(EmergencyEvents.emergencyIdOf(event), event.seq(),
                EmergencyEvents.scopeOf(event), a.getOrDefault(EmergencyEvents.ATTR_REASON, ""),
                a.getOrDefault(EmergencyEvents.ATTR_USER, ""), a.getOrDefault(EmergencyEvents.ATTR_SECOND_PERSON, ""),
                event.occurredAt());
            continue;
          }
          throw new IllegalStateException("journal event " + openedSeq + " is no emergency opening");
        }
        if (!emergency.id.equals(event.attributes().get(EmergencyEvents.ATTR_EMERGENCY_ID))) {
          continue;
        }
        apply(emergency, event);
      }
      if (page.isEmpty() || page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).seq();
    }
    if (emergency == null) {
      throw new IllegalStateException("journal event " + openedSeq + " is no emergency opening");
    }
    // park order, whatever order the events came in
    Map<GateId, GateProgress> ordered = new LinkedHashMap<>();
    for (Gate gate : park.gates()) {
      Optional.ofNullable(emergency.gates.get(gate.id())).ifPresent(p -> ordered.put(gate.id(), p));
    }
    emergency.gates.forEach(ordered::putIfAbsent);
    emergency.gates.clear();
    emergency.gates.putAll(ordered);
    return emergency;
  }

  private void apply(Emergency emergency, JournalEvent event) {
    Map<String, String> a = event.attributes();
    switch (event.type()) {
      case GateEvents.COMMAND -> {
        IssuedGateCommand command = GateEvents.commandOf(event);
        String name = park.gate(command.gateId()).map(Gate::name).orElse(command.gateId().value());
        emergency.gates.computeIfAbsent(command.gateId(), id -> new GateProgress(id, name))
            .commanded(event.seq(), command.action(), command.mode(), event.occurredAt());
      }
      case EmergencyEvents.GATE -> {
        GateId gateId = event.subjects().stream().filter(s -> s.kind().equals("gate")).findFirst()
            .map(s -> new GateId(s.id())).orElse(null);
        GateProgress gate = gateId == null ? null : emergency.gates.get(gateId);
        if (gate == null) {
          return;
        }
        gate.state = EmergencyEvents.stateOf(event);
        gate.detail = a.getOrDefault(EmergencyEvents.ATTR_DETAIL, "");
        gate.attempts = Integer.parseInt(a.getOrDefault(EmergencyEvents.ATTR_ATTEMPTS, "1"));
        if (gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_CONFIRMED
            || gate.state == EmergencyGateState.EMERGENCY_GATE_STATE_RESTORED) {
          gate.confirmedAt = Optional.of(event.occurredAt());
        }
        emergency.seq = event.seq();
      }
      case EmergencyEvents.ENDED -> {
        emergency.endedAt = Optional.of(event.occurredAt());
        emergency.endedBy = a.getOrDefault(EmergencyEvents.ATTR_USER, "");
        emergency.endReason = a.getOrDefault(EmergencyEvents.ATTR_REASON, "");
        emergency.seq = event.seq();
      }
      default -> {
        // emergency.opened of this id again cannot happen; other types are not selected
      }
    }
  }
}
