package io.cordon.client.alarm;

import io.cordon.api.v1.Event;
import io.cordon.client.event.EventFeed;
import io.cordon.client.event.EventRow;
import io.cordon.client.event.EventSeverity;
import io.cordon.domain.alarm.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alarms the map marks, derived from the live event feed: every located event of severity
 * minor or above (a sensor's intrusion, tamper or fault) stays active for a window after it was
 * raised. This is the interim source until the alarm center (issue 4) gives alarms a lifecycle;
 * the map only sees the list and does not care where it comes from.
 *
 * <p>Called on the UI thread (the feed's listeners run there); {@link #expire()} is called by the
 * app's timer.
 */
public final class RecentAlarmsViewModel implements EventFeed.Listener {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  /** More than this many markers are not useful on a map; the oldest go first. */
  public static final int MAX_ACTIVE = 1_000;

  private final Clock clock;
  private final Duration window;
  private final ObservableList<ActiveAlarm> active = FXCollections.observableArrayList();

  public RecentAlarmsViewModel(Clock clock, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
  }

  /** Active alarms, oldest first. */
  public ObservableList<ActiveAlarm> active() {
    return active;
  }

  @Override
  public void onEvents(List<Event> batch) {
    Instant cutoff = clock.instant().minus(window);
    List<ActiveAlarm> added = new ArrayList<>();
    for (Event event : batch) {
      EventSeverity severity = EventSeverity.ofType(event.getType());
      if (!event.hasLocation() || severity == EventSeverity.INFO) {
        continue;
      }
      EventRow row = EventRow.from(event);
      if (row.time().isBefore(cutoff)) {
        continue;
      }
      added.add(new ActiveAlarm(
          Long.toString(event.getSeq()),
          Severity.valueOf(severity.name()),
          event.getLocation().getLon(),
          event.getLocation().getLat(),
          row,
          row.time()));
    }
    if (!added.isEmpty()) {
      active.addAll(added);
      int excess = active.size() - MAX_ACTIVE;
      if (excess > 0) {
        active.remove(0, excess);
      }
    }
  }

  /** Drops alarms older than the window. */
  public void expire() {
    Instant cutoff = clock.instant().minus(window);
    active.removeIf(a -> a.raisedAt().isBefore(cutoff));
  }
}
