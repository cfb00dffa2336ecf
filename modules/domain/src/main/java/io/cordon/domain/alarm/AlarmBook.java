package io.cordon.domain.alarm;

import io.cordon.domain.park.SegmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Every alarm the center holds, and the rules that work across alarms: repeats of one source counted
 * on its open alarm (reactivation window per type), incidents formed by bursts of one type and by
 * touching perimeter segments, snoozed nuisance sources, and the timers (escalation, automatic
 * acknowledgement of info alarms, forward chains, snooze expiry).
 *
 * <p>Not thread-safe: one writer owns it. Decisions apply at once; an owner that fails to store
 * them reloads the book from what it stored.
 */
public final class AlarmBook {

  private final AlarmSettings settings;
  private final Function<AlarmType, Sop> sops;
  private final BiPredicate<SegmentId, SegmentId> touching;
  private final Map<AlarmId, Alarm> alarms = new LinkedHashMap<>();
  private final Map<SourceKey, AlarmId> openBySource = new HashMap<>();
  private final Map<SourceRef, Snooze> snoozes = new LinkedHashMap<>();
  /** Alarms raised lately, oldest first: only they can share an incident with a new one. */
  private final java.util.ArrayDeque<AlarmId> recentlyRaised = new java.util.ArrayDeque<>();
  /** When each alarm's next timer falls due (see {@link Alarm#nextTimer}): a tick visits only due ones. */
  private final TreeSet<Timed> timers = new TreeSet<>();
  private final Map<AlarmId, Instant> timerOf = new HashMap<>();
  /** Closed alarms by closing time, so forgetting old ones does not walk the open ones. */
  private final TreeSet<Timed> closed = new TreeSet<>();
  private long lastNumber;

  /**
   * @param sops the procedure for each type
   * @param touching whether two perimeter segments are the same or share an end
   */
  public AlarmBook(AlarmSettings settings, Function<AlarmType, Sop> sops, BiPredicate<SegmentId, SegmentId> touching) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sops = Objects.requireNonNull(sops, "sops");
    this.touching = Objects.requireNonNull(touching, "touching");
  }

  /** Replaces the content with stored alarms and snoozes. */
  public void load(Collection<Alarm> stored, Collection<Snooze> storedSnoozes) {
    alarms.clear();
    timers.clear();
    timerOf.clear();
    closed.clear();
    recentlyRaised.clear();
    openBySource.clear();
    snoozes.clear();
    lastNumber = 0;
    stored.stream().sorted(Comparator.comparing(Alarm::raisedAt)).forEach(alarm -> {
      put(alarm);
      recentlyRaised.addLast(alarm.id());
    });
    storedSnoozes.forEach(s -> snoozes.put(s.source(), s));
  }

  /** Raises new alarms above {@code number}: ids of forgotten (closed, unloaded) alarms are never reused. */
  public void numberAbove(long number) {
    lastNumber = Math.max(lastNumber, number);
  }

  public Optional<Alarm> alarm(AlarmId id) {
    return Optional.ofNullable(alarms.get(id));
  }

  public Collection<Alarm> alarms() {
    return List.copyOf(alarms.values());
  }

  public List<Snooze> snoozes() {
    return List.copyOf(snoozes.values());
  }

  public int size() {
    return alarms.size();
  }

  /** Records an alarm as it now is (after a command or a timer changed it). */
  public void put(Alarm alarm) {
    Alarm before = alarms.put(alarm.id(), alarm);
    index(before, alarm);
    lastNumber = Math.max(lastNumber, alarm.id().numberOrMinusOne());
    SourceKey key = new SourceKey(alarm.type(), alarm.source());
    if (alarm.state().isOpen()) {
      // Repeats go to the newest open alarm of a source: acting on an older one must not take them over.
      AlarmId mapped = openBySource.get(key);
      Alarm current = mapped == null ? null : alarms.get(mapped);
      if (current == null || !current.state().isOpen() || !alarm.raisedAt().isBefore(current.raisedAt())) {
        openBySource.put(key, alarm.id());
      }
    } else {
      openBySource.remove(key, alarm.id());
    }
  }

  /** Forgets closed alarms closed before {@code cutoff} (they stay in the store and the journal). */
  public List<AlarmId> forgetClosedBefore(Instant cutoff) {
    List<AlarmId> gone = new ArrayList<>();
    while (!closed.isEmpty() && closed.first().at().isBefore(cutoff)) {
      AlarmId id = closed.pollFirst().id();
      Alarm alarm = alarms.get(id);
      if (alarm != null && alarm.closedAt().map(at -> at.isBefore(cutoff)).orElse(false)) {
        alarms.remove(id);
        timerOf.remove(id);
        gone.add(id);
      }
    }
    return gone;
  }

  private void index(Alarm before, Alarm after) {
    Instant oldTimer = timerOf.remove(after.id());
    if (oldTimer != null) {
      timers.remove(new Timed(oldTimer, after.id()));
    }
    after.nextTimer(settings.autoAcknowledgeInfoAfter()).ifPresent(at -> {
      timers.add(new Timed(at, after.id()));
      timerOf.put(after.id(), at);
    });
    if (before != null) {
      before.closedAt().ifPresent(at -> closed.remove(new Timed(at, before.id())));
    }
    after.closedAt().ifPresent(at -> closed.add(new Timed(at, after.id())));
  }

  /** An alarm at an instant, ordered by instant then id. */
  private record Timed(Instant at, AlarmId id) implements Comparable<Timed> {
    @Override
    public int compareTo(Timed other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : id.value().compareTo(other.id.value());
    }
  }

  /** Decides what a source report does, and applies it. */
  public ReportDecision report(SourceReport report, Instant now) {
    Snooze snooze = snoozes.get(report.source());
    if (snooze != null && snooze.holds(now)) {
      return new ReportDecision.Held(snooze);
    }
    AlarmId openId = openBySource.get(new SourceKey(report.type(), report.source()));
    if (openId != null) {
      Alarm open = alarms.get(openId);
      Duration window = settings.reactivationWindow(report.type());
      if (!report.observedAt().isAfter(open.lastAt().plus(window))) {
        Alarm repeated = open.repeat(report.observedAt(), report.evidence(), report.detail());
        put(repeated);
        return new ReportDecision.Repeated(repeated);
      }
    }
    Severity severity = report.severity().orElse(report.type().defaultSeverity());
    AlarmId id = AlarmId.number(++lastNumber);
    AlarmId incident = incidentFor(report, now).orElse(id);
    Alarm raised = Alarm.raise(id, report.type(), severity, report.source(), report.location(),
        report.linkedCameras(), report.evidence(), report.detail(), report.observedAt(), now, incident,
        settings.escalateAfter(report.type(), severity), sops.apply(report.type()));
    put(raised);
    recentlyRaised.addLast(raised.id());
    return new ReportDecision.Raised(raised);
  }

  /** Holds a source for {@code duration}; its reports are recorded but raise nothing. */
  public Snooze snooze(SourceRef source, Duration duration, String reason, String by, Instant now) {
    Snooze snooze = new Snooze(source, now.plus(duration), reason, by);
    snoozes.put(source, snooze);
    return snooze;
  }

  /** Lifts a snooze; false when the source was not snoozed. */
  public boolean unsnooze(SourceRef source) {
    return snoozes.remove(source) != null;
  }

  /** Every timer that has run out by {@code now}, applied: escalations, automatic acknowledgements, forward offers. */
  public List<Outcome.Changed> due(Instant now) {
    List<Outcome.Changed> changes = new ArrayList<>();
    List<Timed> dueNow = new ArrayList<>();
    while (!timers.isEmpty() && !timers.first().at().isAfter(now)) {
      Timed next = timers.pollFirst();
      timerOf.remove(next.id());
      dueNow.add(next); // one change per alarm and call: a change re-indexes its alarm for the next call
    }
    for (Timed next : dueNow) {
      Alarm alarm = alarms.get(next.id());
      if (alarm == null) {
        continue;
      }
      Optional<Outcome.Changed> change = alarm.escalateIfOverdue(now);
      if (change.isEmpty() && settings.autoAcknowledgeInfoAfter().isPresent()) {
        change = alarm.autoAcknowledgeIfDue(settings.autoAcknowledgeInfoAfter().get(), now);
      }
      if (change.isEmpty()) {
        change = alarm.advanceForwardIfDue(now);
      }
      change.ifPresent(c -> {
        put(c.after());
        changes.add(c);
      });
    }
    return changes;
  }

  /** Snoozes that have run out by {@code now}, removed. */
  public List<Snooze> expiredSnoozes(Instant now) {
    List<Snooze> expired = new ArrayList<>();
    snoozes.values().removeIf(s -> {
      boolean over = !s.holds(now);
      if (over) {
        expired.add(s);
      }
      return over;
    });
    return expired;
  }

  /**
   * The incident a new alarm joins: an open alarm of the same type raised within the burst window and
   * radius, or a perimeter alarm on the same or a touching segment within the adjacency window.
   */
  private Optional<AlarmId> incidentFor(SourceReport report, Instant now) {
    Duration reach = settings.burstWindow().compareTo(settings.adjacentSegmentWindow()) > 0
        ? settings.burstWindow() : settings.adjacentSegmentWindow();
    // a storm of never-closed alarms must not make every new one scan them all
    while (!recentlyRaised.isEmpty()) {
      Alarm oldest = alarms.get(recentlyRaised.peekFirst());
      if (oldest != null && !oldest.raisedAt().isBefore(now.minus(reach))) {
        break;
      }
      recentlyRaised.removeFirst();
    }
    // newest first: the first alarm that qualifies is the latest one, the incident to join
    for (java.util.Iterator<AlarmId> newest = recentlyRaised.descendingIterator(); newest.hasNext(); ) {
      Alarm other = alarms.get(newest.next());
      if (other == null || !other.state().isOpen()) {
        continue;
      }
      Duration apart = Duration.between(other.raisedAt(), now).abs();
      boolean burst = other.type() == report.type()
          && apart.compareTo(settings.burstWindow()) <= 0
          && metresBetween(other.location(), report.location()) <= settings.burstRadiusMetres();
      boolean adjacent = !burst && other.location().segment().isPresent() && report.location().segment().isPresent()
          && apart.compareTo(settings.adjacentSegmentWindow()) <= 0
          && touching.test(other.location().segment().get(), report.location().segment().get());
      if (burst || adjacent) {
        return Optional.of(other.incident());
      }
    }
    return Optional.empty();
  }

  /** Equirectangular distance: exact enough within a park of a few kilometres. */
  static double metresBetween(AlarmLocation a, AlarmLocation b) {
    double earth = 6_371_008.8;
    double meanLat = Math.toRadians((a.lat() + b.lat()) / 2);
    double dx = Math.toRadians(b.lon() - a.lon()) * Math.cos(meanLat) * earth;
    double dy = Math.toRadians(b.lat() - a.lat()) * earth;
    return Math.hypot(dx, dy);
  }

  private record SourceKey(AlarmType type, SourceRef source) {
  }
}
