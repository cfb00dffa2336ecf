package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.Snooze;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The alarms the server says are current, by id, and the active snoozes. Ingest is thread-safe
 * (the watch stream writes on its own thread, action answers on the background executor); a newer
 * version of an alarm always wins over an older one, whatever order they arrive in.
 *
 * <p>Listeners hear about changes on the UI executor, batched: while one notification is waiting
 * to run, further changes join it, so a storm of 10,000 alarms costs a handful of UI tasks, not
 * 10,000.
 */
public final class AlarmStore {

  /** What changed since the last notification. */
  public record Changes(boolean replaced, List<Alarm> changed, boolean snoozesChanged) {
    public Changes {
      changed = List.copyOf(changed);
    }
  }

  /** Called on the UI executor. */
  public interface Listener {
    /**
     * @param changes when {@code replaced}, {@code changed} is the complete set (a snapshot came);
     *     otherwise the alarms that changed, each in its latest version
     */
    void onAlarmsChanged(Changes changes);
  }

  private final Executor ui;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  // guarded by lock
  private final Map<String, Alarm> alarms = new HashMap<>();
  private List<Snooze> snoozes = List.of();
  private final Map<String, Alarm> pending = new LinkedHashMap<>();
  private boolean pendingReplaced;
  private boolean pendingSnoozes;
  private boolean drainScheduled;

  public AlarmStore(Executor ui) {
    this.ui = Objects.requireNonNull(ui, "ui");
  }

  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** Applies one batch of the watch stream: a snapshot replaces everything, else alarms by id. */
  public void apply(AlarmBatch batch) {
    boolean schedule;
    synchronized (lock) {
      if (batch.getSnapshot()) {
        Map<String, Alarm> known = new HashMap<>(alarms);
        alarms.clear();
        for (Alarm alarm : batch.getAlarmsList()) {
          Alarm mine = known.get(alarm.getAlarmId());
          // an action's answer may be newer than the snapshot that crossed it
          alarms.put(alarm.getAlarmId(), mine != null && mine.getVersion() > alarm.getVersion() ? mine : alarm);
        }
        pending.clear();
        pendingReplaced = true;
      } else {
        for (Alarm alarm : batch.getAlarmsList()) {
          putLocked(alarm);
        }
      }
      if (batch.getSnapshot() || batch.getSnoozesChanged()) {
        snoozes = List.copyOf(batch.getSnoozesList());
        pendingSnoozes = true;
      }
      schedule = scheduleLocked();
    }
    if (schedule) {
      ui.execute(this::drain);
    }
  }

  /** Takes one alarm (an action's answer, a refresh) unless the store already has a newer version. */
  public void put(Alarm alarm) {
    boolean schedule;
    synchronized (lock) {
      putLocked(alarm);
      schedule = scheduleLocked();
    }
    if (schedule) {
      ui.execute(this::drain);
    }
  }

  /** Replaces the snoozes (the answer of a snooze call). */
  public void setSnoozes(List<Snooze> active) {
    boolean schedule;
    synchronized (lock) {
      snoozes = List.copyOf(active);
      pendingSnoozes = true;
      schedule = scheduleLocked();
    }
    if (schedule) {
      ui.execute(this::drain);
    }
  }

  public Optional<Alarm> find(String alarmId) {
    synchronized (lock) {
      return Optional.ofNullable(alarms.get(alarmId));
    }
  }

  /** A copy of every alarm, in no particular order. */
  public List<Alarm> all() {
    synchronized (lock) {
      return new ArrayList<>(alarms.values());
    }
  }

  public int size() {
    synchronized (lock) {
      return alarms.size();
    }
  }

  public List<Snooze> snoozes() {
    synchronized (lock) {
      return snoozes;
    }
  }

  /** The active snooze of one source, if any. */
  public Optional<Snooze> snoozeOf(String sourceKind, String sourceId) {
    return snoozes().stream()
        .filter(s -> s.getSourceKind().equals(sourceKind) && s.getSourceId().equals(sourceId))
        .findFirst();
  }

  private void putLocked(Alarm alarm) {
    Alarm known = alarms.get(alarm.getAlarmId());
    if (known != null && known.getVersion() > alarm.getVersion()) {
      return;
    }
    alarms.put(alarm.getAlarmId(), alarm);
    if (!pendingReplaced) {
      pending.put(alarm.getAlarmId(), alarm);
    }
  }

  private boolean scheduleLocked() {
    if (drainScheduled || (pending.isEmpty() && !pendingReplaced && !pendingSnoozes)) {
      return false;
    }
    drainScheduled = true;
    return true;
  }

  private void drain() {
    Changes changes;
    synchronized (lock) {
      drainScheduled = false;
      if (pending.isEmpty() && !pendingReplaced && !pendingSnoozes) {
        return;
      }
      changes = new Changes(pendingReplaced, pendingReplaced ? new ArrayList<>(alarms.values())
          : new ArrayList<>(pending.values()), pendingSnoozes);
      pending.clear();
      pendingReplaced = false;
      pendingSnoozes = false;
    }
    for (Listener listener : listeners) {
      listener.onAlarmsChanged(changes);
    }
  }
}
