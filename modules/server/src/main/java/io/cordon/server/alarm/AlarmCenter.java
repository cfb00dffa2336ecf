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
 * The alarm center: the single writer of alarms. One thread takes the devices' reports ({@code
 * alarm.report}s, sensors' intrusion/fault/tamper reports), operators' commands and the timers,
 * decides with the domain's {@link AlarmBook} and commits each round as one transaction: the report
 * events, the {@code alarm.*} events they cause, the alarms' current state and the cursor. A report
 * is acknowledged to its device only after that commit, so an acknowledged report is an alarm (or a
 * repeat, or held by a snooze) with no second hop through the journal: one commit from the device's
 * call to the watchers (issue 4 point 10).
 *
 * <p>The cursor is the highest seq the center has committed. Report events above it were written by
 * someone else (an older server that journalled reports first); they are consumed once at start.
 * Heartbeats are journalled by the sensor intake and told to the center's heartbeat watch directly.
 *
 * <p>If a commit fails, nothing of the round is published and its callers get the failure (devices
 * retry with the same request id): the book is reloaded from the store.
 */
public final class AlarmCenter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlarmCenter.class);
  static final int REPORT_BATCH = 500;
  static final int COMMAND_BATCH = 500;
  private static final int RECENT_REQUESTS = 10_000;
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final Park park;
  private final AlarmStore store;
  private final EventJournal journal;
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
  private long cursor;
  private Instant nextTick = Instant.EPOCH;

  public AlarmCenter(Park park, io.cordon.server.persistence.Database database, EventJournal journal,
      SopCatalog sops, AlarmCenterSettings settings, Clock clock) {
    this.park = park;
    this.store = new AlarmStore(database, journal, sops);
    this.journal = journal;
    this.places = AlarmPlaces.of(park);
    this.reports = new ReportEvents(places);
    this.book = new AlarmBook(settings.rules(), sops::forType, places::touching);
    this.settings = settings;
    this.clock = clock;
    this.heartbeats = new HeartbeatWatch(settings.heartbeatTimeout());
  }

  /** Loads the stored alarms, consumes report events journalled by others, and starts taking work. */
  public synchronized void start() {
    reload();
    catchUp();
    running = true;
    thread = new Thread(this::run, "cordon-alarm-center");
    thread.setDaemon(true);
    thread.start();
    log.info("Alarm center started: {} alarms held, reports consumed up to seq {}", book.size(), cursor);
  }

  @Override
  public synchronized void close() {
    running = false;
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

  /**
   * Journals a device's report event and decides it, in one transaction. Completes with the event's
   * seq (the device's acknowledgement; the seq recorded before when {@code requestKey} was seen), or
   * fails (nothing recorded; the device retries with the same key).
   */
  CompletableFuture<Long> record(String requestKey, NewEvent reportEvent) {
    ReportWork work = new ReportWork(requestKey, reportEvent, new CompletableFuture<>());
    submit(work);
    return work.result;
  }

  /**
   * As {@link #record}, but completes with the id of the alarm the report raised or was counted on
   * (empty when a snooze held it, or when {@code requestKey} was recorded before).
   */
  CompletableFuture<Optional<String>> recordForAlarm(String requestKey, NewEvent reportEvent) {
    ReportWork work = new ReportWork(requestKey, reportEvent, new CompletableFuture<>());
    work.alarm = new CompletableFuture<>();
    CompletableFuture<Optional<String>> alarm = work.alarm;
    work.result.whenComplete((seq, error) -> {
      if (error != null) {
        alarm.completeExceptionally(error);
      }
    });
    submit(work);
    return alarm;
  }

  /**
   * Notes that the condition of an alarm ended (a vehicle back on its route, below the limit): a
   * "condition_ended" transition by "system", which sets {@code condition_ended_at}. The alarm stays
   * in its state for the operators. Fails with {@link AlarmRefusedException} for a closed alarm.
   */
  CompletableFuture<io.cordon.api.v1.Alarm> conditionEnded(String requestKey, String alarmId, Instant at,
      String note) {
    return act(requestKey, alarmId, alarm -> ConditionEnd.apply(alarm, at, note));
  }

  /** A sensor's heartbeat, journalled by the intake: it keeps the sensor off the silent list. */
  void heartbeat(String sensorId, Instant at) {
    heartbeats.beat(sensorId, at);
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
    List<Work> works = new ArrayList<>();
    commands.drainTo(works, COMMAND_BATCH);
    try {
      batch.recordedReports = store.processedSeqs(works.stream()
          .filter(w -> w instanceof ReportWork).map(w -> w.requestKey).toList());
    } catch (RuntimeException e) {
      works.forEach(work -> work.fail(e)); // nothing decided yet: the callers retry
      throw e;
    }
    for (Work work : works) {
      work.decide(this, now, batch);
    }
    if (!now.isBefore(nextTick)) {
      nextTick = now.plus(settings.tick());
      timers(now, batch);
    }
    if (batch.isEmpty()) {
      works.forEach(work -> work.complete(this, List.of()));
      return !commands.isEmpty();
    }
    List<Appended> appended;
    try {
      appended = store.commit(batch.appends, batch.pendingAlarms(), batch.snoozed, batch.unsnoozed, cursor);
    } catch (RuntimeException e) {
      for (Work work : works) {
        work.fail(e);
      }
      throw e;
    }
    cursor = Math.max(cursor, highestSeq(appended));
    publish(batch, appended);
    for (Work work : works) {
      work.complete(this, appended);
    }
    return !commands.isEmpty();
  }

  /**
   * Consumes the report events journalled by others after the cursor (reports an older server
   * acknowledged before it turned them into alarms), before any new work is taken.
   */
  private void catchUp() {
    while (true) {
      Instant now = clock.instant();
      List<JournalEvent> events = journal.readAfter(cursor, ReportEvents.CONSUMED, REPORT_BATCH);
      if (events.isEmpty()) {
        return;
      }
      Batch batch = new Batch();
      for (JournalEvent event : events) {
        try {
          consume(event, now, batch);
        } catch (RuntimeException e) {
          log.warn("Skipping report event {} ({}) the center cannot use", event.seq(), event.type(), e);
        }
      }
      long consumed = events.get(events.size() - 1).seq();
      List<Appended> appended = store.commit(batch.appends, batch.pendingAlarms(), batch.snoozed,
          batch.unsnoozed, consumed);
      cursor = Math.max(consumed, highestSeq(appended));
      publish(batch, appended);
      log.info("Alarm center consumed {} journalled report events up to seq {}", events.size(), consumed);
    }
  }

  private static long highestSeq(List<Appended> appended) {
    return appended.stream().mapToLong(a -> a.event().seq()).max().orElse(0);
  }

  private void consume(JournalEvent event, Instant now, Batch batch) {
    reports.report(event).ifPresent(report -> decide(report, now, batch, Optional.empty()));
  }

  /** Applies a report to the book and adds its event; returns the index of that event in the batch. */
  private int decide(SourceReport report, Instant now, Batch batch, Optional<String> requestKey) {
    ReportDecision decision = book.report(report, now);
    if (decision instanceof ReportDecision.Raised raised) {
      int index = batch.append(requestKey, AlarmJournalEvents.raised(raised.alarm()));
      batch.alarm(raised.alarm(), index, true);
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
    /** Report request keys recorded before this round, with their seqs. */
    Map<String, Long> recordedReports = Map.of();
    /** Report request keys appended in this round, with the index of their event. */
    final Map<String, Integer> reportIndex = new HashMap<>();
    boolean snoozesChanged;

    int append(Optional<String> requestKey, NewEvent event) {
      appends.add(new JournalAppend(requestKey, event));
      return appends.size() - 1;
    }

    /** The alarm as it now is, stored with the seq of the batch's latest event about it. */
    void alarm(Alarm alarm, int appendIndex) {
      alarm(alarm, appendIndex, false);
    }

    /** As {@link #alarm(Alarm, int)}; {@code raised} when this batch raises it. */
    void alarm(Alarm alarm, int appendIndex, boolean raised) {
      AlarmStore.Pending before = alarms.get(alarm.id());
      alarms.put(alarm.id(), new AlarmStore.Pending(alarm, appendIndex, raised || before != null && before.raised()));
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

  private static final class ReportWork extends Work {
    final NewEvent event;
    final CompletableFuture<Long> result;
    /** Set by {@link #recordForAlarm}: completes with the alarm's id. */
    CompletableFuture<Optional<String>> alarm;
    int index = -1;
    int alarmIndex = -1;
    long recordedSeq = -1;

    ReportWork(String requestKey, NewEvent event, CompletableFuture<Long> result) {
      super(requestKey);
      this.event = event;
      this.result = result;
    }

    @Override
    void decide(AlarmCenter center, Instant now, Batch batch) {
      Long recorded = batch.recordedReports.get(requestKey);
      if (recorded != null) {
        recordedSeq = recorded; // a retry of a report committed before: acknowledge it again
        return;
      }
      Integer twin = batch.reportIndex.get(requestKey);
      if (twin != null) {
        index = twin; // the same report twice in one round
        return;
      }
      index = batch.append(Optional.of(requestKey), event);
      batch.reportIndex.put(requestKey, index);
      try {
        center.reports.report(event)
            .ifPresent(report -> alarmIndex = center.decide(report, now, batch, Optional.empty()));
      } catch (RuntimeException e) {
        log.warn("Report {} ({}) is journalled but cannot raise an alarm", requestKey, event.type(), e);
      }
    }

    @Override
    void complete(AlarmCenter center, List<Appended> appended) {
      result.complete(recordedSeq >= 0 ? recordedSeq : appended.get(index).event().seq());
      if (alarm != null) {
        alarm.complete(alarmIndex < 0 ? Optional.empty()
            : Optional.ofNullable(appended.get(alarmIndex).event().attributes().get("alarm_id")));
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
