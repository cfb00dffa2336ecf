package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The alarms the map marks: every open one (NEW … ON_SITE) that has a point, most urgent first by
 * {@link AlarmProtos#priority} (older first among equals, as in the queue), at most {@link
 * #MAX_MARKED} — more markers than that are no use on a map, and the least urgent go first.
 */
public final class MapAlarms {
  public static final int MAX_MARKED = 1_000;

  private record Ranked(Alarm alarm, long priority, Instant firstAt) {}

  private static final Comparator<Ranked> MOST_URGENT_FIRST =
      Comparator.comparingLong(Ranked::priority).reversed()
          .thenComparing(Ranked::firstAt)
          .thenComparing(r -> r.alarm().getAlarmId());

  private MapAlarms() {}

  /** The open, located alarms of {@code alarms}, most urgent at {@code now} first, at most {@code limit}. */
  public static List<Alarm> mostUrgentOpen(Collection<Alarm> alarms, Instant now, int limit) {
    List<Ranked> open = new ArrayList<>();
    for (Alarm alarm : alarms) {
      if (AlarmProtos.isOpen(alarm.getState()) && alarm.getLocation().hasPoint()) {
        open.add(new Ranked(alarm, AlarmProtos.priority(alarm, now), AlarmProtos.instant(alarm.getFirstAt())));
      }
    }
    open.sort(MOST_URGENT_FIRST);
    return open.stream().limit(Math.max(0, limit)).map(Ranked::alarm).toList();
  }
}
