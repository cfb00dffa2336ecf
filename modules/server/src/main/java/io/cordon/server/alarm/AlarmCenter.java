package io.cordon.server.alarm;

import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.AlarmBook;
import io.cordon.domain.alarm.AlarmId;
import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.alarm.AlarmPlaces;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Outcome;
import io.cordon.domain.alarm.Refusal;
import io.cordon.domain.alarm.ReportDecision;
import io.cordon.domain.alarm.Snooze;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.alarm.SourceReport;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.event.NewEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm center: the single writer of alarms. One thread consumes the journal's committed report
 * events in order (devices' {@code alarm.report}s, sensors' intrusion/fault/tamper reports and
 * heartbeats), runs operators' commands and the timers, decides with the domain's {@link AlarmBook}
 * and commits each round as one transaction: the {@code alarm.*} journal events, the alarms' current
 * state and the consumer cursor. A report acknowledged to its device is in the journal, so after a
 * crash the center resumes from its cursor and the report still becomes an alarm.
 *
 * <p>If a commit fails, nothing of the round is published: the book is reloaded from the store and
 * the round's reports are read again.
 */
public final class AlarmCenter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlarmCenter.class);
  static final int REPORT_BATCH = 500;
  static final int COMMAND_BATCH = 200;
  private static final int RECENT_REQUESTS = 10_000;
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final Park park;
  private final AlarmStore store;
  private final EventJournal journal;
  private final LiveEvents live;
  private final ReportEvents reports;
  private final AlarmPlaces places;
  private final AlarmBook book;
  private final AlarmCenterSettings settings;
  private final Clock clock;
  private final HeartbeatWatch heartbeats;
  private final AlarmChangeLog changes = new AlarmChangeLog();
  private final LinkedBlockingQueue<Work> commands = new LinkedBlockingQueue<>();
  private final Object signal = new Object();
  private final Map<String, AlarmId> recentRequests = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AlarmId> eldest) {
      return size() > RECENT_REQUESTS;
    }
  };
  private boolean signalled;
  private volatile boolean running;
  private Thread thread;
  private LiveEvents.Registration registration;
  private long cursor;
  private Instant nextTick = Instant.EPOCH;

  public AlarmCenter(Park park, io.cordon.server.persistence.Database database, EventJournal journal,
      LiveEvents live, SopCatalog sops, AlarmCenterSettings settings, Clock clock) {
    this.park = park;
    this.store = new AlarmStore(database, journal, sops);
    this.journal = journal;
    this.live = live;
    this.places = AlarmPlaces.of(park);
    this.reports = new ReportEvents(places);
    this.book = new AlarmBook(settings.rules(), sops::forType, places::touching);
    this.settings = settings;
    this.clock = clock;
    this.heartbeats = new HeartbeatWatch(settings.heartbeatTimeout());
  }

  /** Loads the stored alarms and starts consuming. */
  public synchronized void start() {
    reload();
    running = true;
    registration = live.listen(this::signal);
    thread = new Thread(this::run, "cordon-alarm-center");
    thread.setDaemon(true);
    thread.start();
    log.info("Alarm center started: {} alarms held, reports consumed up to seq {}", book.size(), cursor);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (registration != null) {
      registration.close();
    }
    signal();
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Work pending;
    while ((pending = commands.poll()) != null) {
      pending.fail(new IllegalStateException("the alarm center stopped"));
    }
  }

  /** The alarms as clients see them (for AlarmService.Watch). */
  AlarmChangeLog changes() {
    return changes;
  }

  /** One alarm: from the live set, else from the store (closed long ago). */
  Optional<io.cordon.api.v1.Alarm> find(String alarmId) {
    io.cordon.api.v1.Alarm live = changes.find(alarmId);
    return live != null ? Optional.of(live) : store.find(alarmId);
  }

  /**
   * Runs an action on one alarm. The result completes with the alarm as it is after the commit, or
   * fails with {@link AlarmRefusedException} (refused; nothing changed), {@link UnknownAlarmException}
   * or another exception (not recorded; retry with the same request key).
   */
  CompletableFuture<io.cordon.api.v1.Alarm> act(String requestKey, String alarmId,
      Function<Alarm, Outcome> action) {
    ActWork work = new ActWork(requestKey, new AlarmId(alarmId), action, new CompletableFuture<>());
    submit(work);
    return work.result;
  }

  /** Raises an alarm an operator reports (or counts it as a repeat of their open one of the same type). */
  CompletableFuture<io.cordon.api.v1.Alarm> reportManual(String requestKey, SourceReport report) {
    ManualWork work = new ManualWork(requestKey, report, new CompletableFuture<>());
    submit(work);
    return work.result;
  }

  /** Snoozes ({@code duration} present) or lifts the snooze of a source; completes with the active snoozes. */
  CompletableFuture<List<Snooze>> snooze(String requestKey, SourceRef source, Optional<Duration> duration,
      String reason, String by) {
    SnoozeWork work = new SnoozeWork(requestKey, source, duration, reason, by, new CompletableFuture<>());
    submit(work);
    return work.result;
  }

  /** Places a point in the park (zone, covering cameras) for manual reports. */
  AlarmLocation locate(double lon, double lat) {
    return places.locate(lon, lat, Optional.empty(), Optional.empty(), Optional.empty());
  }

  List<io.cordon.domain.park.CameraId> camerasCovering(AlarmLocation location) {
    return places.camerasCovering(location);
  }

  private void submit(Work work) {
    if (!running) {
      work.fail(new IllegalStateException("the alarm center is not running"));
      return;
    }
    commands.add(work);
    signal();
  }

  private void signal() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (running) {
      boolean more;
      try {
        more = round();
      } catch (RuntimeException e) {
        log.warn("Alarm center round failed; reloading and retrying", e);
        pause(RETRY_PAUSE);
        try {
          reload();
        } catch (RuntimeException reloadFailure) {
          log.warn("Alarm center cannot reload its state", reloadFailure);
        }
        more = true;
      }
      if (!more) {
        awaitSignal();
      }
    }
  }

  /** One round: reports, commands, timers, one commit. True when more reports are waiting. */
  private boolean round() {
    Instant now = clock.instant();
    Batch batch = new Batch();
    List<JournalEvent> events = journal.readAfter(cursor, ReportEvents.CONSUMED, REPORT_BATCH);
    long newCursor = cursor;
    for (JournalEvent event : events) {
      newCursor = event.seq();
      try {
        consume(event, now, batch);
      } catch (RuntimeException e) {
        log.warn("Skipping report event {} ({}) the center cannot use", event.seq(), event.type(), e);
      }
    }
    List<Work> works = new ArrayList<>();
    commands.drainTo(works, COMMAND_BATCH);
    for (Work work : works) {
      work.decide(this, now, batch);
    }
    if (!now.isBefore(nextTick)) {
      nextTick = now.plus(settings.tick());
      timers(now, batch);
    }
    if (batch.isEmpty() && newCursor == cursor) {
      return false;
    }
    List<Appended> appended;
    try {
      appended = store.commit(batch.appends, batch.pendingAlarms(), batch.snoozed, batch.unsnoozed, newCursor);
    } catch (RuntimeException e) {
      for (Work work : works) {
        work.fail(e);
      }
      throw e;
    }
    cursor = newCursor;
    publish(batch, appended);
    for (Work work : works) {
      work.complete(this, appended);
    }
    return events.size() == REPORT_BATCH || !commands.isEmpty();
  }

  private void consume(JournalEvent event, Instant now, Batch batch) {
    if (event.type().equals(ReportEvents.SENSOR_HEARTBEAT)) {
      if (!event.subjects().isEmpty()) {
        heartbeats.beat(event.subjects().get(0).id(), event.occurredAt());
      }
      return;
    }
    reports.report(event).ifPresent(report -> decide(report, now, batch, Optional.empty()));
  }

  /** Applies a report to the book and adds its event; returns the index of that event in the batch. */
  private int decide(SourceReport report, Instant now, Batch batch, Optional<String> requestKey) {
    ReportDecision decision = book.report(report, now);
    if (decision instanceof ReportDecision.Raised raised) {
      int index = batch.append(requestKey, AlarmJournalEvents.raised(raised.alarm()));
      batch.alarm(raised.alarm(), index);
      return index;
    }
    if (decision instanceof ReportDecision.Repeated repeated) {
      int index = batch.append(requestKey, AlarmJournalEvents.repeat(repeated.alarm(), report.observedAt()));
      batch.alarm(repeated.alarm(), index);
      return index;
    }
    ReportDecision.Held held = (ReportDecision.Held) decision;
    return batch.append(requestKey, AlarmJournalEvents.held(held.snooze(), report.type().name(), report.observedAt()));
  }

  private void timers(Instant now, Batch batch) {
    for (Outcome.Changed change : book.due(now)) {
      batch.alarm(change.after(), batch.append(Optional.empty(), AlarmJournalEvents.changed(change.after(),
          change.transition())));
    }
    for (Snooze expired : book.expiredSnoozes(now)) {
      batch.unsnoozed.add(expired.source());
      batch.snoozesChanged = true;
      batch.append(Optional.empty(), AlarmJournalEvents.unsnoozed(expired, "system", now));
    }
    for (String sensorId : heartbeats.newlySilent(now)) {
      park.sensor(new SensorId(sensorId)).ifPresent(sensor -> decide(heartbeatMissing(sensor, now), now, batch,
          Optional.empty()));
    }
    List<AlarmId> forgotten = book.forgetClosedBefore(now.minus(settings.closedRetention()));
    if (!forgotten.isEmpty()) {
      changes.forget(forgotten.stream().map(AlarmId::value).toList());
    }
  }

  private SourceReport heartbeatMissing(Sensor sensor, Instant now) {
    AlarmLocation location = places.locate(sensor.position().getX(), sensor.position().getY(),
        Optional.of(sensor.segmentId()), Optional.empty(), Optional.empty());
    return new SourceReport(AlarmType.HEARTBEAT_MISSING, Optional.empty(), new SourceRef("sensor", sensor.id().value()),
        location, places.camerasCovering(location), List.of(),
        "no heartbeat for " + heartbeats.timeout().toSeconds() + " s", now);
  }

  private void publish(Batch batch, List<Appended> appended) {
    List<io.cordon.api.v1.Alarm> changed = new ArrayList<>();
    for (AlarmStore.Pending pending : batch.pendingAlarms()) {
      changed.add(AlarmProtos.toProto(pending.alarm(), appended.get(pending.appendIndex()).event().seq()));
    }
    changed.sort(Comparator.comparingLong(io.cordon.api.v1.Alarm::getSeq));
    long head = appended.isEmpty() ? changes.head() : appended.get(appended.size() - 1).event().seq();
    if (batch.snoozesChanged) {
      changes.publishSnoozes(book.snoozes().stream().map(AlarmProtos::toProto).toList(), head);
    }
    if (!changed.isEmpty()) {
      changes.publish(changed, head);
    }
  }

  private void reload() {
    Instant now = clock.instant();
    List<Alarm> alarms = store.loadCurrent(now.minus(settings.closedRetention()));
    book.load(alarms, store.loadSnoozes());
    book.numberAbove(store.highestAlarmNumber());
    cursor = store.cursor();
    Map<String, Long> seqs = store.lastSeqs(alarms);
    List<io.cordon.api.v1.Alarm> protos = new ArrayList<>();
    for (Alarm alarm : alarms) {
      protos.add(AlarmProtos.toProto(alarm, seqs.getOrDefault(alarm.id().value(), 0L)));
    }
    protos.sort(Comparator.comparingLong(io.cordon.api.v1.Alarm::getSeq));
    long head = journal.lastSeq();
    changes.publishSnoozes(book.snoozes().stream().map(AlarmProtos::toProto).toList(), head);
    changes.publish(protos, head);
  }

  private void awaitSignal() {
    synchronized (signal) {
      long waitMillis = Math.max(1, Duration.between(clock.instant(), nextTick).toMillis());
      if (!signalled && running) {
        try {
          signal.wait(Math.min(waitMillis, settings.tick().toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      signalled = false;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the round's batch ----------------------------------------------------------------------

  /** What one round commits. */
  private static final class Batch {
    final List<JournalAppend> appends = new ArrayList<>();
    final Map<AlarmId, AlarmStore.Pending> alarms = new LinkedHashMap<>();
    final List<Snooze> snoozed = new ArrayList<>();
    final List<SourceRef> unsnoozed = new ArrayList<>();
    boolean snoozesChanged;

    int append(Optional<String> requestKey, NewEvent event) {
      appends.add(new JournalAppend(requestKey, event));
      return appends.size() - 1;
    }

    /** The alarm as it now is, stored with the seq of the batch's latest event about it. */
    void alarm(Alarm alarm, int appendIndex) {
      alarms.put(alarm.id(), new AlarmStore.Pending(alarm, appendIndex));
    }

    List<AlarmStore.Pending> pendingAlarms() {
      return new ArrayList<>(alarms.values());
    }

    boolean isEmpty() {
      return appends.isEmpty();
    }
  }

  // ---- commands --------------------------------------------------------------------------------

  /** A command from an operator, decided on the center's thread and answered after the commit. */
  private abstract static class Work {
    final String requestKey;

    Work(String requestKey) {
      this.requestKey = requestKey;
    }

    abstract void decide(AlarmCenter center, Instant now, Batch batch);

    abstract void complete(AlarmCenter center, List<Appended> appended);

    abstract void fail(Throwable failure);
  }

  private static final class ActWork extends Work {
    final AlarmId alarmId;
    final Function<Alarm, Outcome> action;
    final CompletableFuture<io.cordon.api.v1.Alarm> result;
    /** The index of this action's event in the batch; -1 when decided without one. */
    int index = -1;
    boolean settled;

    ActWork(String requestKey, AlarmId alarmId, Function<Alarm, Outcome> action,
        CompletableFuture<io.cordon.api.v1.Alarm> result) {
      super(requestKey);
      this.alarmId = alarmId;
      this.action = action;
      this.result = result;
    }

    @Override
    void decide(AlarmCenter center, Instant now, Batch batch) {
      Optional<Alarm> alarm = center.book.alarm(alarmId);
      if (alarm.isEmpty()) {
        settled = true;
        result.completeExceptionally(new UnknownAlarmException(alarmId.value()));
        return;
      }
      if (center.recentRequests.containsKey(requestKey)) {
        settled = true;
        result.complete(center.current(alarmId));
        return;
      }
      Outcome outcome = action.apply(alarm.get());
      if (outcome instanceof Outcome.Refused refused) {
        settled = true;
        if (refused.refusal().kind() != Refusal.Kind.INVALID && center.store.wasProcessed(requestKey)) {
          result.complete(center.current(alarmId)); // a retry of an action applied before a restart
        } else {
          result.completeExceptionally(new AlarmRefusedException(refused.refusal()));
        }
        return;
      }
      Outcome.Changed changed = (Outcome.Changed) outcome;
      center.book.put(changed.after());
      index = batch.append(Optional.of(requestKey), AlarmJournalEvents.changed(changed.after(), changed.transition()));
      batch.alarm(changed.after(), index);
    }

    @Override
    void complete(AlarmCenter center, List<Appended> appended) {
      if (!settled) {
        center.recentRequests.put(requestKey, alarmId);
        result.complete(center.current(alarmId));
      }
    }

    @Override
    void fail(Throwable failure) {
      result.completeExceptionally(failure);
    }
  }

  private static final class ManualWork extends Work {
    final SourceReport report;
    final CompletableFuture<io.cordon.api.v1.Alarm> result;
    int index = -1;

    ManualWork(String requestKey, SourceReport report, CompletableFuture<io.cordon.api.v1.Alarm> result) {
      super(requestKey);
      this.report = report;
      this.result = result;
    }

    @Override
    void decide(AlarmCenter center, Instant now, Batch batch) {
      if (center.recentRequests.containsKey(requestKey)) {
        return;
      }
      index = center.decide(report, now, batch, Optional.of(requestKey));
    }

    @Override
    void complete(AlarmCenter center, List<Appended> appended) {
      AlarmId id = center.recentRequests.get(requestKey);
      if (id == null && index >= 0) {
        Appended event = appended.get(index);
        String alarmId = event.event().attributes().get("alarm_id");
        id = alarmId == null ? null : new AlarmId(alarmId);
      }
      if (id == null) {
        result.completeExceptionally(new AlarmRefusedException(new Refusal(Refusal.Kind.CONFLICT, "type",
            "the source is snoozed")));
        return;
      }
      center.recentRequests.put(requestKey, id);
      result.complete(center.current(id));
    }

    @Override
    void fail(Throwable failure) {
      result.completeExceptionally(failure);
    }
  }

  private static final class SnoozeWork extends Work {
    final SourceRef source;
    final Optional<Duration> duration;
    final String reason;
    final String by;
    final CompletableFuture<List<Snooze>> result;

    SnoozeWork(String requestKey, SourceRef source, Optional<Duration> duration, String reason, String by,
        CompletableFuture<List<Snooze>> result) {
      super(requestKey);
      this.source = source;
      this.duration = duration;
      this.reason = reason;
      this.by = by;
      this.result = result;
    }

    @Override
    void decide(AlarmCenter center, Instant now, Batch batch) {
      if (duration.isPresent()) {
        Snooze snooze = center.book.snooze(source, duration.get(), reason, by, now);
        batch.snoozed.add(snooze);
        batch.snoozesChanged = true;
        batch.append(Optional.of(requestKey), AlarmJournalEvents.snoozed(snooze, now));
      } else {
        Optional<Snooze> current = center.book.snoozes().stream().filter(s -> s.source().equals(source)).findFirst();
        if (current.isPresent() && center.book.unsnooze(source)) {
          batch.unsnoozed.add(source);
          batch.snoozesChanged = true;
          batch.append(Optional.of(requestKey), AlarmJournalEvents.unsnoozed(current.get(), by, now));
        }
      }
    }

    @Override
    void complete(AlarmCenter center, List<Appended> appended) {
      result.complete(center.book.snoozes());
    }

    @Override
    void fail(Throwable failure) {
      result.completeExceptionally(failure);
    }
  }

  private io.cordon.api.v1.Alarm current(AlarmId id) {
    io.cordon.api.v1.Alarm published = changes.find(id.value());
    if (published != null) {
      return published;
    }
    return book.alarm(id).map(a -> AlarmProtos.toProto(a, 0)).orElseThrow(() -> new UnknownAlarmException(id.value()));
  }

  /** Alarms by id for tests and the gRPC layer's reads. */
  Map<String, io.cordon.api.v1.Alarm> snapshot() {
    Map<String, io.cordon.api.v1.Alarm> all = new HashMap<>();
    changes.all().forEach(a -> all.put(a.getAlarmId(), a));
    return all;
  }
}
