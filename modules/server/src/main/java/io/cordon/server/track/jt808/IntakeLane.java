package io.cordon.server.track.jt808;

import io.cordon.devices.jt808.Jt808Position;
import io.cordon.devices.jt808.Jt808PositionOrigin;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.track.parking.LotEvent;
import io.cordon.domain.track.rules.Fix;
import io.cordon.domain.track.rules.RuleEvent;
import io.cordon.domain.track.rules.Violation;
import io.cordon.domain.track.rules.ViolationEnded;
import io.cordon.domain.track.rules.ViolationStarted;
import io.cordon.server.track.LiveFix;
import io.cordon.server.track.trip.OpenTrip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered lane of the pipeline: filter → match → rules → parking lot for the terminals hashed
 * to it, one message at a time in arrival order, then the result goes to the group commit. A
 * terminal is always in the same lane, so its positions keep their order without locks.
 */
final class IntakeLane implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(IntakeLane.class);

  private record Message(List<Jt808Position> positions, CompletableFuture<Void> done) {}

  private record Tick(Instant now) {}

  private record Forget(String terminal, long[] fixTimes) {}

  /** A violation or lot event to publish once its positions are committed. */
  private record Published(VehicleBinding vehicle, String terminal, RuleEvent event) {}

  private final Jt808Intake intake;
  private final LinkedBlockingQueue<Object> tasks = new LinkedBlockingQueue<>();
  private final Map<String, TerminalTrack> terminals = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  IntakeLane(Jt808Intake intake, int index) {
    this.intake = intake;
    this.thread = new Thread(this, "cordon-jt808-lane-" + index);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void submit(List<Jt808Position> positions, CompletableFuture<Void> done) {
    tasks.add(new Message(positions, done));
  }

  void tick(Instant now) {
    tasks.add(new Tick(now));
  }

  /** Processes what is queued, then stops. */
  void close() {
    running = false;
    tasks.add(new Tick(null));
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    while (running || !tasks.isEmpty()) {
      Object task;
      try {
        task = tasks.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (task instanceof Message message) {
          process(message);
        } else if (task instanceof Tick tick && tick.now() != null) {
          tick(tick);
        } else if (task instanceof Forget forget) {
          TerminalTrack track = terminals.get(forget.terminal());
          if (track != null) {
            for (long t : forget.fixTimes()) {
              track.filter.forget(t);
            }
          }
        }
      } catch (RuntimeException e) {
        log.warn("A JT/T 808 lane failed on a task", e);
        if (task instanceof Message message) {
          message.done().completeExceptionally(e);
        }
      }
    }
  }

  // ---- positions ----

  private void process(Message message) {
    Jt808IntakeSettings settings = intake.settings;
    long maxAhead = settings.maxAhead().toMillis();
    long maxAge = settings.maxAge().toMillis();
    List<StoredPosition> rows = new ArrayList<>(message.positions().size());
    List<LiveFix> live = new ArrayList<>(message.positions().size());
    List<Published> published = null;
    List<LotEvents> lotEvents = null;
    String unboundAlarm = null;
    double unboundLon = 0;
    double unboundLat = 0;
    Instant unboundAt = null;
    TerminalTrack track = null;
    for (Jt808Position p : message.positions()) {
      intake.counters.received.increment();
      if (track == null || !track.number.equals(p.terminalNumber())) {
        track = track(p.terminalNumber());
      }
      track.status.lastSeen = p.receivedAt();
      TerminalFilter.Verdict verdict = track.filter.check(p, maxAhead, maxAge, settings.maxJumpKmh());
      if (verdict != TerminalFilter.Verdict.ACCEPT) {
        count(verdict);
        continue;
      }
      track.lastHeardMillis = p.receivedAt().toEpochMilli();
      if (p.origin() == Jt808PositionOrigin.LIVE) {
        track.clockLagMillis = track.lastHeardMillis - p.fixTime().toEpochMilli();
      }
      List<Published> changes = match(track, p.fixTime());
      if (changes != null) {
        published = add(published, changes);
      }
      VehicleBinding vehicle = track.binding;
      boolean valid = p.validFix() && Double.isFinite(p.longitude()) && Double.isFinite(p.latitude());
      boolean outside = valid && !intake.serviceArea.contains(p.longitude(), p.latitude());
      int flags = (vehicle.unbound() ? StoredPosition.UNBOUND : 0) | (outside ? StoredPosition.OUTSIDE_PARK : 0);
      rows.add(new StoredPosition(p, vehicle.plate(), vehicle.plateColor(), vehicle.vehicleClass(), vehicle.tripId(),
          vehicle.permitId(), flags));
      if (!valid) {
        intake.counters.invalidFixes.increment();
      }
      if (vehicle.unbound()) {
        intake.counters.unbound.increment();
        track.status.unboundPositions.incrementAndGet();
      }
      if (outside) {
        intake.counters.outsidePark.increment(); // kept, but no rule, lot or map sees it
        continue;
      }
      long t = p.fixTime().toEpochMilli();
      List<RuleEvent> events = intake.engine.onFix(track.rules, vehicle.trip(), new Fix(t, p.longitude(),
          p.latitude(), p.speedKmh(), p.course() % 360, valid, p.alarmFlags()));
      if (!events.isEmpty()) {
        published = add(published, note(track, events));
      }
      if (!valid) {
        continue;
      }
      TrackPoint point = new TrackPoint(p.longitude(), p.latitude(), p.course() % 360, p.speedKmh(), t);
      track.status.lastPosition = point;
      live.add(new LiveFix(vehicle.plate(), vehicle.plateColor(), vehicle.vehicleClass(), point, track.tags));
      intake.vehicles.computeIfAbsent(vehicle.plate(), VehicleView::new).update(vehicle, track.number, point);
      if (vehicle.vehicleClass().isDangerous()) {
        for (ParkingLotDesk desk : intake.lots) {
          if (desk.concerns(vehicle.key(), p.longitude(), p.latitude())) {
            List<LotEvent> happened = desk.position(vehicle.key(), vehicle.destination(), p.longitude(),
                p.latitude(), p.fixTime());
            if (!happened.isEmpty()) {
              lotEvents = lotEvents == null ? new ArrayList<>() : lotEvents;
              lotEvents.add(new LotEvents(desk, happened));
            }
          }
        }
      }
      if (vehicle.unbound() && (track.unboundAlarmMillis == Long.MIN_VALUE
          || p.receivedAt().toEpochMilli() - track.unboundAlarmMillis >= settings.unboundAlarmRepeat().toMillis())) {
        track.unboundAlarmMillis = p.receivedAt().toEpochMilli();
        unboundAlarm = track.number;
        unboundLon = p.longitude();
        unboundLat = p.latitude();
        unboundAt = p.fixTime();
      }
    }
    intake.committer.submit(new WriteBatch(rows, live, afterCommit(published, lotEvents, unboundAlarm, unboundLon,
        unboundLat, unboundAt, null, null), forgetOnFailure(rows), message.done()));
  }

  private record LotEvents(ParkingLotDesk desk, List<LotEvent> events) {}

  private TerminalTrack track(String number) {
    TerminalTrack track = terminals.get(number);
    if (track == null) {
      track = new TerminalTrack(number, intake.status(number));
      for (long t : intake.restoredFixTimes(number)) {
        track.filter.remember(t);
      }
      terminals.put(number, track);
    }
    return track;
  }

  /**
   * The match step: the terminal's open trip now. When it changed to another vehicle (a trip
   * closed or opened), the violations of the vehicle before end here.
   *
   * @return the ends to publish, or null
   */
  private List<Published> match(TerminalTrack track, Instant at) {
    OpenTrip open = intake.openTrips.byTerminal(track.number).orElse(null);
    if (track.binding != null && (open == track.trip || Objects.equals(open, track.trip))) {
      return null;
    }
    VehicleBinding before = track.binding;
    VehicleBinding now = open == null ? VehicleBinding.unbound(track.number)
        : VehicleBinding.of(open, intake.park, intake.routes);
    track.trip = open;
    track.binding = now;
    List<Published> ends = null;
    if (before == null || !before.plate().equals(now.plate())) {
      if (before != null && track.rules != null) {
        for (Violation v : track.rules.openViolations()) {
          ends = add(ends, List.of(new Published(before, track.number, new ViolationEnded(v, at, at, v.place()))));
        }
      }
      track.rules = intake.engine.newState(now.key());
      track.violationKeys.clear();
      track.violationRules.clear();
    }
    track.status.plate = now.unbound() ? "" : now.plate();
    track.status.tripId = now.tripId();
    track.retag();
    return ends;
  }

  /** Keeps the vehicle's open violations for the live view; returns the events to publish. */
  private List<Published> note(TerminalTrack track, List<RuleEvent> events) {
    List<Published> out = new ArrayList<>(events.size());
    for (RuleEvent event : events) {
      Violation v = event.violation();
      if (event instanceof ViolationStarted) {
        track.violationKeys.add(v.key());
        track.violationRules.add(v.rule().name());
      } else {
        int i = track.violationKeys.indexOf(v.key());
        if (i >= 0) {
          track.violationKeys.remove(i);
          track.violationRules.remove(i);
        }
      }
      out.add(new Published(track.binding, track.number, event));
    }
    track.retag();
    return out;
  }

  private Runnable afterCommit(List<Published> published, List<LotEvents> lotEvents, String unboundTerminal,
      double lon, double lat, Instant at, String retagPlate, TerminalTrack retagged) {
    if (published == null && lotEvents == null && unboundTerminal == null && retagPlate == null) {
      return null;
    }
    TrackEventPublisher publisher = intake.publisher;
    io.cordon.server.track.LiveTags tags = retagged == null ? null : retagged.tags;
    return () -> {
      if (retagPlate != null) {
        intake.live.retag(retagPlate, tags);
      }
      if (published != null) {
        for (Published p : published) {
          if (p.event() instanceof ViolationStarted started) {
            publisher.violationStarted(p.vehicle(), p.terminal(), started.violation());
          } else {
            publisher.violationEnded(p.vehicle(), p.terminal(), (ViolationEnded) p.event());
          }
        }
      }
      if (lotEvents != null) {
        for (LotEvents e : lotEvents) {
          publisher.lotEvents(e.desk().lot(), e.events());
        }
      }
      if (unboundTerminal != null) {
        publisher.unbound(unboundTerminal, lon, lat, at);
      }
    };
  }

  private Runnable forgetOnFailure(List<StoredPosition> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    String terminal = rows.get(0).position().terminalNumber();
    long[] times = new long[rows.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = rows.get(i).position().fixTime().toEpochMilli();
    }
    return () -> tasks.add(new Forget(terminal, times));
  }

  private void count(TerminalFilter.Verdict verdict) {
    switch (verdict) {
      case DUPLICATE:
        intake.counters.duplicates.increment();
        break;
      case JUMP:
        intake.counters.jumps.increment();
        break;
      case AHEAD:
        intake.counters.aheadOfClock.increment();
        break;
      default:
        intake.counters.tooOld.increment();
        break;
    }
  }

  // ---- clock ticks ----

  private void tick(Tick tick) {
    Instant now = tick.now();
    long forgetBefore = now.toEpochMilli() - intake.settings.forgetAfter().toMillis();
    for (Iterator<TerminalTrack> it = terminals.values().iterator(); it.hasNext(); ) {
      TerminalTrack track = it.next();
      if (track.lastHeardMillis < forgetBefore) {
        it.remove();
        continue;
      }
      if (track.binding == null || track.rules == null) {
        continue;
      }
      List<Published> published = match(track, now);
      List<RuleEvent> events =
          intake.engine.tick(track.rules, track.binding.trip(), now.minusMillis(track.clockLagMillis));
      if (!events.isEmpty()) {
        published = add(published, note(track, events));
      }
      if (published != null) {
        intake.committer.submit(new WriteBatch(List.of(), List.of(), afterCommit(published, null, null, 0, 0, null,
            track.binding.plate(), track), null, new CompletableFuture<>()));
      }
    }
  }

  private static <T> List<T> add(List<T> list, List<T> more) {
    if (list == null) {
      return new ArrayList<>(more);
    }
    list.addAll(more);
    return list;
  }

}
