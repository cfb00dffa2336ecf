package io.cordon.server.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.Snooze;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alarms as clients see them, indexed by the journal seq of each alarm's latest change, so a
 * watcher that has seen everything up to seq N asks for what changed after N. Written by the
 * {@link AlarmCenter}'s thread only; read by any number of watchers.
 *
 * <p>Alarms the center forgets (closed long ago) leave the log; a watcher behind that point gets a
 * fresh snapshot instead (its {@link #horizon()}).
 */
final class AlarmChangeLog {

  private final ConcurrentSkipListMap<Long, Alarm> bySeq = new ConcurrentSkipListMap<>();
  private final Map<String, Long> seqOf = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile long head;
  private volatile long horizon;
  private volatile List<Snooze> snoozes = List.of();
  private volatile long snoozesSeq;

  /** Publishes changed alarms (each carrying its seq) up to {@code seq}, then wakes the watchers. */
  void publish(List<Alarm> changed, long seq) {
    for (Alarm alarm : changed) {
      Long previous = seqOf.put(alarm.getAlarmId(), alarm.getSeq());
      if (previous != null) {
        bySeq.remove(previous);
      }
      bySeq.put(alarm.getSeq(), alarm);
    }
    head = Math.max(head, seq);
    listeners.forEach(Runnable::run);
  }

  void publishSnoozes(List<Snooze> active, long seq) {
    snoozes = List.copyOf(active);
    snoozesSeq = seq;
    head = Math.max(head, seq);
    listeners.forEach(Runnable::run);
  }

  /** Drops forgotten alarms; watchers that have not seen their last change get a snapshot. */
  void forget(List<String> alarmIds) {
    for (String id : alarmIds) {
      Long seq = seqOf.remove(id);
      if (seq != null) {
        bySeq.remove(seq);
        horizon = Math.max(horizon, seq);
      }
    }
  }

  /** Alarms changed after {@code afterSeq}, in seq order. */
  List<Alarm> changedAfter(long afterSeq) {
    return new ArrayList<>(bySeq.tailMap(afterSeq, false).values());
  }

  /** Every alarm held, in seq order. */
  List<Alarm> all() {
    return new ArrayList<>(bySeq.values());
  }

  Alarm find(String alarmId) {
    Long seq = seqOf.get(alarmId);
    return seq == null ? null : bySeq.get(seq);
  }

  long head() {
    return head;
  }

  long horizon() {
    return horizon;
  }

  List<Snooze> snoozes() {
    return snoozes;
  }

  long snoozesSeq() {
    return snoozesSeq;
  }

  Runnable listen(Runnable wakeUp) {
    listeners.add(wakeUp);
    return () -> listeners.remove(wakeUp);
  }
}
