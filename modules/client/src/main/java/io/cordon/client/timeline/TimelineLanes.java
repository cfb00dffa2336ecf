package io.cordon.client.timeline;

import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The lanes a timeline is drawn in, and a timeline's entries grouped into them. */
public final class TimelineLanes {
  /** Every lane the view offers, in drawing order (top to bottom): alarms first. */
  public static final List<TimelineLane> ALL = List.of(TimelineLane.TIMELINE_LANE_ALARM,
      TimelineLane.TIMELINE_LANE_ACCESS, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_GATE,
      TimelineLane.TIMELINE_LANE_OPERATOR, TimelineLane.TIMELINE_LANE_EMERGENCY, TimelineLane.TIMELINE_LANE_DEVICE,
      TimelineLane.TIMELINE_LANE_OTHER);

  private TimelineLanes() {}

  /** A lane this client draws: an unspecified or unknown lane is OTHER. */
  public static TimelineLane laneOf(TimelineLane lane) {
    return lane == null || !ALL.contains(lane) ? TimelineLane.TIMELINE_LANE_OTHER : lane;
  }

  /** "ALARM" for TIMELINE_LANE_ALARM: the lane's key in the message bundles. */
  public static String key(TimelineLane lane) {
    return laneOf(lane).name().substring("TIMELINE_LANE_".length());
  }

  /**
   * The entries in rows, one per lane that has any, in {@link #ALL}'s order; the marks of a row
   * oldest first (by time, then journal sequence).
   */
  public static List<TimelineLaneRow> group(List<TimelineEntry> entries) {
    Map<TimelineLane, List<TimelineMark>> byLane = new EnumMap<>(TimelineLane.class);
    for (TimelineEntry entry : entries) {
      TimelineMark mark = TimelineMark.of(entry);
      byLane.computeIfAbsent(mark.lane(), l -> new ArrayList<>()).add(mark);
    }
    List<TimelineLaneRow> rows = new ArrayList<>();
    for (TimelineLane lane : ALL) {
      List<TimelineMark> marks = byLane.get(lane);
      if (marks != null) {
        marks.sort(Comparator.comparing(TimelineMark::time).thenComparingLong(TimelineMark::seq));
        rows.add(new TimelineLaneRow(lane, marks));
      }
    }
    return rows;
  }
}
