package io.cordon.client.alarm;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.Role;
import io.cordon.client.auth.Session;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.event.EventFeed;
import io.cordon.client.event.EventRow;
import io.cordon.client.event.EventSubject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What a supervisor (值班长) must be told at once, from the live event feed: an alarm escalated
 * because nobody acknowledged it in time, and an SOP step an operator skipped (with a reason).
 * Only a supervisor's session hears anything; an operator's stays quiet. Events older than {@link
 * #FRESH} — the recent history the feed starts with — are not news and are left to the event list.
 *
 * <p>Runs on the UI thread (the feed's listeners run there).
 */
public final class SupervisorNotices implements EventFeed.Listener {
  public static final String ESCALATE = "alarm.escalate";
  public static final String SOP_SKIP = "alarm.sop_skip";
  public static final Set<String> TYPES = Set.of(ESCALATE, SOP_SKIP);
  /** An event this old or newer when it arrives is news (covers a short reconnect's catch-up). */
  public static final Duration FRESH = Duration.ofMinutes(2);

  /** One thing the supervisor is told: the alarm it concerns and the event saying what happened. */
  public record Notice(String alarmId, EventRow event) {
    public Notice {
      Objects.requireNonNull(alarmId, "alarmId");
      Objects.requireNonNull(event, "event");
    }

    public boolean isEscalation() {
      return event.type().equals(ESCALATE);
    }
  }

  private final boolean supervisor;
  private final Clock clock;
  private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>(this, "latest");
  private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
  private final List<Consumer<List<Notice>>> listeners = new CopyOnWriteArrayList<>();

  public SupervisorNotices(Session session, Clock clock) {
    this.supervisor = Objects.requireNonNull(session, "session").hasRole(Role.ROLE_SUPERVISOR);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether this session is told anything at all. */
  public boolean isSupervisor() {
    return supervisor;
  }

  /** The newest notice not yet dismissed; null when there is none. */
  public ReadOnlyObjectProperty<Notice> latestProperty() {
    return latest.getReadOnlyProperty();
  }

  /** How many notices came since the last {@link #dismiss()}. */
  public ReadOnlyIntegerProperty pendingProperty() {
    return pending.getReadOnlyProperty();
  }

  /** Called with each batch of new notices (the view sounds the tone once per batch). */
  public void addListener(Consumer<List<Notice>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The supervisor has seen them. */
  public void dismiss() {
    latest.set(null);
    pending.set(0);
  }

  @Override
  public void onEvents(List<Event> batch) {
    if (!supervisor) {
      return;
    }
    Instant oldestNews = clock.instant().minus(FRESH);
    List<Notice> notices = new ArrayList<>();
    for (Event event : batch) {
      if (!TYPES.contains(event.getType())) {
        continue;
      }
      EventRow row = EventRow.from(event);
      if (row.time().isBefore(oldestNews)) {
        continue;
      }
      String alarmId = row.attributes().getOrDefault(EventDescriptions.ALARM_ID,
          row.subjectOfKind(EventDescriptions.ALARM).map(EventSubject::id).orElse(""));
      if (!alarmId.isEmpty()) {
        notices.add(new Notice(alarmId, row));
      }
    }
    if (notices.isEmpty()) {
      return;
    }
    pending.set(pending.get() + notices.size());
    latest.set(notices.get(notices.size() - 1));
    List<Notice> told = List.copyOf(notices);
    listeners.forEach(l -> l.accept(told));
  }
}
