package io.cordon.server.track.trip;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.Trip;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.Park;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.track.rules.ParkGeometry;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.ScannedPage;
import io.cordon.server.event.TypeFilter;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * The trips open now, in memory, indexed by terminal and by plate: the position pipeline asks it
 * for every position ({@link OpenTrips}), the TripService changes it. Loaded from {@code
 * track_trip} and {@code track_own_terminal} at start. Every change is committed (trip rows, the
 * request's first answer and its journal event in one transaction) before memory changes, under
 * one lock, so a change either happened everywhere or nowhere; readers never take the lock.
 *
 * <p>Each open trip's permit is kept as it is now: a follower reads the registration's {@code
 * permit.*} events after the journal seq seen at load (woken after each commit, like the gate
 * access index) and reloads the permits of open trips. A vehicle's own terminal is bound by
 * terminal number for good; its trip is open while the vehicle holds a valid permit (unrevoked,
 * inside its window), checked on each permit event of that plate and every {@code sweepSeconds}.
 * Between permits the terminal still answers with a trip of empty id and no permit, so its
 * positions stay the vehicle's.
 */
public final class TripBook implements OpenTrips, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TripBook.class);
  private static final TypeFilter PERMIT_EVENTS = new TypeFilter(List.of("permit."));
  private static final int PAGE = 500;
  static final long DEFAULT_SWEEP_SECONDS = 30;

  private final Park park;
  private final EventJournal journal;
  private final Clock clock;
  private final TripTable table;
  private final RegistrationReads reads;
  private final Trajectories trajectories;
  private final ReentrantLock lock = new ReentrantLock();
  /** Open trips as stored, by terminal (guarded by lock). */
  private final Map<String, StoredTrip> openStored = new HashMap<>();
  private final Map<String, OpenTrip> byTerminal = new ConcurrentHashMap<>();
  private final Map<String, OpenTrip> byPlate = new ConcurrentHashMap<>();
  private final Map<String, OwnTerminal> ownByTerminal = new ConcurrentHashMap<>();
  private final Map<String, OwnTerminal> ownByPlate = new ConcurrentHashMap<>();
  private final List<TripListener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService executor;
  private final AtomicInteger wip = new AtomicInteger();
  private long lastTripNumber;
  private volatile long cursor;
  private volatile boolean closed;
  private LiveEvents.Registration registration;

  private TripBook(Park park, Database database, EventJournal journal, Clock clock) {
    this.park = park;
    this.journal = journal;
    this.clock = clock;
    this.table = new TripTable(database);
    this.reads = new RegistrationReads(database);
    this.trajectories = new Trajectories(database, journal, ParkGeometry.of(park));
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cordon-trip-book");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Loads the open trips and own terminals and starts following permit changes. */
  public static TripBook start(Park park, Database database, EventJournal journal, LiveEvents live, Clock clock) {
    return start(park, database, journal, live, clock, DEFAULT_SWEEP_SECONDS);
  }

  static TripBook start(Park park, Database database, EventJournal journal, LiveEvents live, Clock clock,
      long sweepSeconds) {
    TripBook book = new TripBook(Objects.requireNonNull(park, "park"), Objects.requireNonNull(database, "database"),
        Objects.requireNonNull(journal, "journal"), Objects.requireNonNull(clock, "clock"));
    book.load();
    book.registration = live.listen(book::wakeUp);
    book.wakeUp(); // events committed between the load and the listen
    book.executor.scheduleWithFixedDelay(book::sweepQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    return book;
  }

  private void load() {
    lock.lock();
    try {
      cursor = journal.lastSeq(); // before reading: a change after it is followed, none is missed
      lastTripNumber = table.lastTripNumber();
      for (StoredTrip trip : table.openTrips()) {
        openStored.put(trip.terminalNumber(), trip);
        publish(trip.toOpenTrip(permitOf(trip.permitId())), false, false);
      }
      for (OwnTerminal own : table.ownTerminals()) {
        ownByTerminal.put(own.terminalNumber(), own);
        ownByPlate.put(own.plate().value(), own);
        if (!openStored.containsKey(own.terminalNumber())) {
          publish(standing(own), false, false);
        }
      }
      log.info("Trip book loaded: {} open trips, {} own terminals", openStored.size(), ownByTerminal.size());
    } finally {
      lock.unlock();
    }
    refreshOwnTerminals();
  }

  // ---- OpenTrips --------------------------------------------------------------------------------

  @Override
  public Optional<OpenTrip> byTerminal(String terminalNumber) {
    return Optional.ofNullable(byTerminal.get(terminalNumber));
  }

  @Override
  public Optional<OpenTrip> byPlate(String plate) {
    return Optional.ofNullable(byPlate.get(plate));
  }

  @Override
  public void addListener(TripListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  // ---- reads for the service --------------------------------------------------------------------

  TripTable table() {
    return table;
  }

  RegistrationReads reads() {
    return reads;
  }

  Park park() {
    return park;
  }

  Trajectories trajectories() {
    return trajectories;
  }

  Clock clock() {
    return clock;
  }

  /** The open trips as stored, by trip id. */
  List<StoredTrip> openTrips() {
    lock.lock();
    try {
      return openStored.values().stream().sorted(Comparator.comparing(StoredTrip::tripId)).toList();
    } finally {
      lock.unlock();
    }
  }

  Optional<StoredTrip> openTripOfTerminal(String terminalNumber) {
    lock.lock();
    try {
      return Optional.ofNullable(openStored.get(terminalNumber));
    } finally {
      lock.unlock();
    }
  }

  Optional<StoredTrip> openTripOfPlate(String plate) {
    lock.lock();
    try {
      return Optional.ofNullable(openTripOfPlateLocked(plate));
    } finally {
      lock.unlock();
    }
  }

  Collection<OwnTerminal> ownTerminals() {
    return List.copyOf(ownByTerminal.values());
  }

  Optional<OwnTerminal> ownTerminal(String terminalNumber) {
    return Optional.ofNullable(ownByTerminal.get(terminalNumber));
  }

  Optional<OwnTerminal> ownTerminalOfPlate(String plate) {
    return Optional.ofNullable(ownByPlate.get(plate));
  }

  // ---- changes ----------------------------------------------------------------------------------

  /** What the entry gate hands out: a terminal for a vehicle on a permit. */
  record Issue(String terminalNumber, Plate plate, PlateColor plateColor, String permitId, String gateId) {
  }

  /**
   * 发放定位终端: opens a trip.
   *
   * @throws TripRefusal naming the field of an unknown id or a conflict
   */
  Trip issue(String requestKey, Issue issue, String user) {
    return once(requestKey, Trip.parser(), () -> {
      Instant now = now();
      io.cordon.api.v1.Permit stored = reads.permit(issue.permitId())
          .orElseThrow(() -> TripRefusal.notFound("permit_id", "names no permit"));
      Permit permit = TripProtos.permit(stored);
      VehicleClass vehicleClass = permit.vehicles().get(issue.plate());
      if (vehicleClass == null) {
        throw TripRefusal.conflict("plate", "is not a vehicle of permit " + issue.permitId());
      }
      if (permit.revokedAt(now)) {
        throw TripRefusal.conflict("permit_id", "was revoked");
      }
      if (!now.isBefore(permit.window().until())) {
        throw TripRefusal.conflict("permit_id", "is no longer valid: its window ended " + permit.window().until());
      }
      Gate gate = park.gate(new io.cordon.domain.park.GateId(issue.gateId()))
          .orElseThrow(() -> TripRefusal.notFound("gate_id", "names no gate of the park"));
      if (!takes(gate, vehicleClass, LaneDirection.ENTRY)) {
        throw TripRefusal.conflict("gate_id", "is no entry gate for " + vehicleClass.name().toLowerCase()
            + " vehicles");
      }
      checkTerminalFree(issue.terminalNumber(), "terminal_number");
      checkVehicleFree(issue.plate().value());
      StoredTrip trip = new StoredTrip(nextTripId(), issue.terminalNumber(), issue.plate(), issue.plateColor(),
          vehicleClass, false, issue.permitId(), now, gate.id().value(), user, Optional.empty(), "", "");
      return new Change<>(List.of(TripEvents.issued(trip, gate)), c -> TripTable.insert(c, trip), () -> {
        openStored.put(trip.terminalNumber(), trip);
        publish(trip.toOpenTrip(Optional.of(permit)), false, true);
      }, trip.toProto());
    });
  }

  /**
   * 回收定位终端: closes the terminal's trip.
   *
   * @throws TripRefusal naming the field of an unknown id or a conflict
   */
  Trip returnTerminal(String requestKey, String terminalNumber, String gateId, String user) {
    return once(requestKey, Trip.parser(), () -> {
      Instant now = now();
      Gate gate = park.gate(new io.cordon.domain.park.GateId(gateId))
          .orElseThrow(() -> TripRefusal.notFound("gate_id", "names no gate of the park"));
      StoredTrip open = openStored.get(terminalNumber);
      if (open == null) {
        if (ownByTerminal.containsKey(terminalNumber)) {
          throw TripRefusal.conflict("terminal_number", "is a vehicle's own terminal: remove it with SaveOwnTerminal");
        }
        if (!table.terminalKnown(terminalNumber)) {
          throw TripRefusal.notFound("terminal_number", "was never issued");
        }
        throw TripRefusal.conflict("terminal_number", "is on no open trip: its trip is already closed");
      }
      if (open.ownTerminal()) {
        throw TripRefusal.conflict("terminal_number", "is a vehicle's own terminal: remove it with SaveOwnTerminal");
      }
      if (!takes(gate, open.vehicleClass(), LaneDirection.EXIT)) {
        throw TripRefusal.conflict("gate_id", "is no exit gate for " + open.vehicleClass().name().toLowerCase()
            + " vehicles");
      }
      StoredTrip closedTrip = open.closed(now, gate.id().value(), user);
      return new Change<>(List.of(TripEvents.returned(closedTrip, gate)), c -> TripTable.close(c, closedTrip), () -> {
        openStored.remove(terminalNumber);
        publish(closedTrip.toOpenTrip(Optional.empty()), true, true);
      }, closedTrip.toProto());
    });
  }

  /** An own terminal to bind (or unbind, when {@code remove}). */
  record Own(String terminalNumber, Plate plate, PlateColor plateColor, VehicleClass vehicleClass, boolean remove) {
  }

  /**
   * 自带终端: binds the terminal to the vehicle for good, or removes the binding (closing its trip).
   *
   * @throws TripRefusal naming the field of an unknown id or a conflict
   */
  Terminal saveOwn(String requestKey, Own own, String user) {
    Terminal answer = once(requestKey, Terminal.parser(), () -> {
      Instant now = now();
      String terminal = own.terminalNumber();
      String plate = own.plate().value();
      OwnTerminal before = ownByTerminal.get(terminal);
      if (own.remove()) {
        if (before == null) {
          throw TripRefusal.notFound("terminal_number", "is no vehicle's own terminal");
        }
        if (!before.plate().equals(own.plate())) {
          throw TripRefusal.conflict("plate", "does not hold own terminal " + terminal + " (" + before.plate() + " does)");
        }
        List<NewEvent> events = new ArrayList<>();
        events.add(TripEvents.ownSaved(before, true, now, user));
        StoredTrip open = openStored.get(terminal);
        StoredTrip closedTrip = open == null ? null : open.closed(now, "", user);
        if (closedTrip != null) {
          events.add(TripEvents.ownTripClosed(closedTrip, "自带终端已解除"));
        }
        return new Change<>(events, c -> {
          TripTable.deleteOwn(c, terminal);
          if (closedTrip != null) {
            TripTable.close(c, closedTrip);
          }
        }, () -> {
          ownByTerminal.remove(terminal);
          ownByPlate.remove(plate, before);
          if (closedTrip != null) {
            openStored.remove(terminal);
            publish(closedTrip.toOpenTrip(Optional.empty()), true, true);
          } else {
            publish(standing(before), true, true);
          }
        }, Terminal.newBuilder().setTerminalNumber(terminal).build());
      }
      if (before == null) {
        checkTerminalFree(terminal, "terminal_number");
      } else if (!before.plate().equals(own.plate())) {
        throw TripRefusal.conflict("terminal_number", "is the own terminal of " + before.plate());
      }
      OwnTerminal other = ownByPlate.get(plate);
      if (other != null && !other.terminalNumber().equals(terminal)) {
        throw TripRefusal.conflict("plate", "already has own terminal " + other.terminalNumber() + ": remove it first");
      }
      StoredTrip issued = openTripOfPlateLocked(plate);
      if (issued != null && !issued.ownTerminal()) {
        throw TripRefusal.conflict("plate", "is on trip " + issued.tripId() + " with issued terminal "
            + issued.terminalNumber() + ": return it first");
      }
      OwnTerminal saved = new OwnTerminal(terminal, own.plate(), own.plateColor(), own.vehicleClass(), now, user);
      StoredTrip open = openStored.get(terminal);
      return new Change<>(List.of(TripEvents.ownSaved(saved, false, now, user)), c -> TripTable.saveOwn(c, saved),
          () -> {
            ownByTerminal.put(terminal, saved);
            ownByPlate.put(plate, saved);
            if (open == null) {
              publish(standing(saved), false, true);
            }
          }, Terminal.newBuilder().setTerminalNumber(terminal).setPlate(plate).setOwn(true)
              .setTripId(open == null ? "" : open.tripId()).build());
    });
    if (!own.remove()) {
      refreshOwn(own.plate().value());
    }
    return answer;
  }

  /**
   * Runs {@code action} once per request key: a repeat returns the first answer and runs nothing.
   * The action's answer is journalled under {@code event}.
   */
  <T extends MessageLite> T once(String requestKey, Parser<T> parser, java.util.function.Supplier<T> action,
      java.util.function.Function<T, NewEvent> event) {
    return once(requestKey, parser, () -> {
      T answer = action.get();
      return new Change<>(List.of(event.apply(answer)), c -> {
      }, () -> {
      }, answer);
    });
  }

  // ---- following permits and own terminals ------------------------------------------------------

  /** Checks every own terminal's permit now (also run every sweep period). */
  void refreshOwnTerminals() {
    for (OwnTerminal own : List.copyOf(ownByTerminal.values())) {
      refreshOwn(own.plate().value());
    }
  }

  private void sweepQuietly() {
    try {
      refreshOwnTerminals();
    } catch (RuntimeException e) {
      log.warn("Cannot check the own terminals' permits; retried at the next sweep", e);
    }
  }

  /** Opens, keeps or closes the own terminal's trip of this plate after its permits. */
  private void refreshOwn(String plate) {
    Instant now = now();
    OwnTerminal own = ownByPlate.get(plate);
    if (own == null) {
      return;
    }
    List<Permit> valid = reads.unendedPermitsOf(plate, now).stream().map(TripProtos::permit)
        .filter(p -> p.vehicles().containsKey(own.plate()) && p.window().contains(now) && !p.revokedAt(now))
        .sorted(Comparator.comparing((Permit p) -> p.window().until()).thenComparing(p -> p.id().value()))
        .toList();
    lock.lock();
    try {
      if (!own.equals(ownByTerminal.get(own.terminalNumber()))) {
        return; // removed or replaced meanwhile
      }
      StoredTrip open = openStored.get(own.terminalNumber());
      if (open != null && valid.stream().anyMatch(p -> p.id().value().equals(open.permitId()))) {
        return; // still on the same permit (its changes come with the permit events)
      }
      List<NewEvent> events = new ArrayList<>();
      StoredTrip closedTrip = open == null ? null : open.closed(now, "", "");
      if (closedTrip != null) {
        events.add(TripEvents.ownTripClosed(closedTrip, "通行证 " + open.permitId() + " 已失效"));
      }
      Permit next = valid.isEmpty() ? null : valid.get(0);
      StoredTrip opened = next == null ? null : new StoredTrip(nextTripId(), own.terminalNumber(), own.plate(),
          own.plateColor(), own.vehicleClass(), true, next.id().value(), now, "", "", Optional.empty(), "", "");
      if (opened != null) {
        events.add(TripEvents.ownTripOpened(opened));
      }
      if (events.isEmpty()) {
        return;
      }
      commit(Optional.empty(), new Change<>(events, c -> {
        if (closedTrip != null) {
          TripTable.close(c, closedTrip);
        }
        if (opened != null) {
          TripTable.insert(c, opened);
        }
      }, () -> {
        if (closedTrip != null) {
          openStored.remove(own.terminalNumber());
          listeners(closedTrip.toOpenTrip(Optional.empty()), true);
        }
        if (opened != null) {
          openStored.put(own.terminalNumber(), opened);
          publish(opened.toOpenTrip(Optional.of(next)), false, true);
        } else {
          publish(standing(own), false, true);
        }
      }, null));
    } finally {
      lock.unlock();
    }
  }

  private void wakeUp() {
    if (wip.getAndIncrement() == 0) {
      try {
        executor.execute(this::drainLoop);
      } catch (RejectedExecutionException e) {
        wip.set(0);
      }
    }
  }

  private void drainLoop() {
    int missed = 1;
    while (true) {
      drain();
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void drain() {
    while (!closed) {
      ScannedPage page;
      try {
        page = journal.readAfterScanned(cursor, PERMIT_EVENTS, PAGE);
      } catch (RuntimeException e) {
        log.warn("Cannot read permit events after seq {}; retried on the next commit", cursor, e);
        return;
      }
      for (JournalEvent event : page.events()) {
        try {
          permitChanged(event);
        } catch (RuntimeException e) {
          log.warn("Cannot apply {} (seq {}) to the open trips", event.type(), event.seq(), e);
        }
        cursor = event.seq();
      }
      // past the other events in between too: woken by every commit, it must not read them again
      cursor = Math.max(cursor, page.scannedTo());
      if (!page.full(PAGE)) {
        return;
      }
    }
  }

  private void permitChanged(JournalEvent event) {
    String permitId = event.attributes().get("permit_id");
    if (permitId == null) {
      return;
    }
    List<StoredTrip> affected;
    lock.lock();
    try {
      affected = openStored.values().stream().filter(t -> t.permitId().equals(permitId)).toList();
    } finally {
      lock.unlock();
    }
    if (!affected.isEmpty()) {
      Optional<Permit> permit = permitOf(permitId);
      lock.lock();
      try {
        for (StoredTrip trip : affected) {
          if (trip.equals(openStored.get(trip.terminalNumber()))) {
            publish(trip.toOpenTrip(permit), false, true);
          }
        }
      } finally {
        lock.unlock();
      }
    }
    String plates = event.attributes().getOrDefault("plates", "");
    for (String plate : plates.split(",")) {
      if (!plate.isEmpty() && ownByPlate.containsKey(plate)) {
        refreshOwn(plate);
      }
    }
  }

  // ---- internals --------------------------------------------------------------------------------

  /** What a change writes, journals and then applies to memory; {@code answer} is stored for repeats. */
  private record Change<T extends MessageLite>(List<NewEvent> events, SqlWork write, Runnable apply, T answer) {
  }

  @FunctionalInterface
  private interface SqlWork {
    void run(Connection connection) throws SQLException;
  }

  private <T extends MessageLite> T once(String requestKey, Parser<T> parser,
      java.util.function.Supplier<Change<T>> change) {
    lock.lock();
    try {
      Optional<String> first = table.answer(requestKey);
      if (first.isPresent()) {
        return TripProtos.decode(first.get(), parser);
      }
      Change<T> c = change.get();
      commit(Optional.of(requestKey), c);
      return c.answer();
    } finally {
      lock.unlock();
    }
  }

  /** Commits the change's rows, answer and events in one transaction, then applies it to memory. */
  private void commit(Optional<String> requestKey, Change<?> change) {
    Instant now = now();
    List<JournalAppend> appends = new ArrayList<>();
    for (int i = 0; i < change.events().size(); i++) {
      NewEvent e = change.events().get(i);
      appends.add(i == 0 && requestKey.isPresent() ? JournalAppend.once(requestKey.get(), e) : JournalAppend.of(e));
    }
    journal.appendAll(appends, (session, appended) -> {
      if (requestKey.isPresent() && !appended.get(0).isNew()) {
        throw new IllegalStateException("request " + requestKey.get() + " was journalled without its answer");
      }
      session.doWork(c -> {
        change.write().run(c);
        if (requestKey.isPresent()) {
          TripTable.putAnswer(c, requestKey.get(), TripProtos.encode(change.answer()), now);
        }
      });
    });
    change.apply().run();
  }

  /** Puts the trip into (or, closed, takes it out of) the lock-free indexes and tells the listeners. */
  private void publish(OpenTrip trip, boolean closedNow, boolean tell) {
    String terminal = trip.terminalNumber();
    String plate = trip.plate().value();
    OwnTerminal own = ownByTerminal.get(terminal);
    if (closedNow && own != null && own.plate().equals(trip.plate())) {
      // an own terminal stays bound after its trip closes
      OpenTrip standing = standing(own);
      byTerminal.put(terminal, standing);
      byPlate.put(plate, standing);
    } else if (closedNow) {
      byTerminal.remove(terminal);
      byPlate.computeIfPresent(plate, (k, v) -> v.terminalNumber().equals(terminal) ? null : v);
    } else {
      byTerminal.put(terminal, trip);
      byPlate.put(plate, trip);
    }
    if (tell) {
      listeners(trip, closedNow);
    }
  }

  private void listeners(OpenTrip trip, boolean closedNow) {
    for (TripListener listener : listeners) {
      try {
        listener.changed(trip, closedNow);
      } catch (RuntimeException e) {
        log.warn("A trip listener failed on trip {}", trip.tripId(), e);
      }
    }
  }

  /** An own terminal between permits: bound to its vehicle, no trip id, no permit. */
  private static OpenTrip standing(OwnTerminal own) {
    return new OpenTrip("", own.terminalNumber(), own.plate(), own.plateColor(), own.vehicleClass(),
        Optional.empty(), true, own.savedAt());
  }

  private Optional<Permit> permitOf(String permitId) {
    if (permitId.isEmpty()) {
      return Optional.empty();
    }
    try {
      return reads.permit(permitId).map(TripProtos::permit);
    } catch (RuntimeException e) {
      log.warn("Cannot read permit {}; its trip goes on without it", permitId, e);
      return Optional.empty();
    }
  }

  private void checkTerminalFree(String terminal, String field) {
    StoredTrip open = openStored.get(terminal);
    if (open != null) {
      throw TripRefusal.conflict(field, "is on open trip " + open.tripId() + " of " + open.plate());
    }
    OwnTerminal own = ownByTerminal.get(terminal);
    if (own != null) {
      throw TripRefusal.conflict(field, "is the own terminal of " + own.plate());
    }
  }

  private void checkVehicleFree(String plate) {
    StoredTrip open = openTripOfPlateLocked(plate);
    if (open != null) {
      throw TripRefusal.conflict("plate", "is on open trip " + open.tripId() + " with terminal "
          + open.terminalNumber());
    }
    OwnTerminal own = ownByPlate.get(plate);
    if (own != null) {
      throw TripRefusal.conflict("plate", "has its own terminal " + own.terminalNumber());
    }
  }

  private StoredTrip openTripOfPlateLocked(String plate) {
    OpenTrip trip = byPlate.get(plate);
    return trip == null ? null : openStored.get(trip.terminalNumber());
  }

  /** Now, to the microsecond the database keeps, so an answer equals the stored trip read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private String nextTripId() {
    lastTripNumber++;
    return String.format("T-%08d", lastTripNumber);
  }

  /** True when the gate lets this vehicle class through in that direction (emergency gates: out only). */
  static boolean takes(Gate gate, VehicleClass vehicleClass, LaneDirection direction) {
    if (gate.isCheckpoint()) {
      return false;
    }
    if (gate.type() == GateType.EMERGENCY) {
      return direction == LaneDirection.EXIT;
    }
    LaneClass laneClass = PermitScope.laneFor(vehicleClass);
    return gate.lanes().stream().anyMatch(l -> l.laneClass() == laneClass
        && (l.direction() == direction || l.direction() == LaneDirection.BOTH));
  }

  @Override
  public void close() {
    closed = true;
    if (registration != null) {
      registration.close();
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS); // the database closes next
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
