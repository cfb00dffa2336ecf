package io.cordon.server.timeline;

import io.cordon.api.v1.TimelineLane;
import java.util.List;
import java.util.Optional;

/**
 * The lane of a journal event type, or none for events a timeline leaves out (heartbeats, the alarm center's
 * raw device reports, which become alarm.* events). First matching rule wins, so exceptions come before the
 * prefix they carve out of (gate passages before the other gate.* events).
 */
final class LaneOfType {

  private record Rule(String pattern, TimelineLane lane) {
    boolean matches(String type) {
      return pattern.endsWith(".") ? type.startsWith(pattern) : type.equals(pattern);
    }
  }

  /** Left out of every timeline: noise, or a report already shown as the alarm it raised. */
  private static final List<String> LEFT_OUT = List.of("sensor.heartbeat", "alarm.heartbeat", "alarm.report",
      "camera.heartbeat");

  private static final List<Rule> RULES = List.of(
      new Rule("alarm.", TimelineLane.TIMELINE_LANE_ALARM),
      new Rule("gate.access", TimelineLane.TIMELINE_LANE_ACCESS),
      new Rule("gate.passage", TimelineLane.TIMELINE_LANE_ACCESS),
      new Rule("gate.forced", TimelineLane.TIMELINE_LANE_ACCESS),
      new Rule("gate.tailgate", TimelineLane.TIMELINE_LANE_ACCESS),
      new Rule("access.", TimelineLane.TIMELINE_LANE_ACCESS),
      new Rule("emergency.", TimelineLane.TIMELINE_LANE_EMERGENCY),
      new Rule("broadcast.", TimelineLane.TIMELINE_LANE_EMERGENCY),
      new Rule("gate.", TimelineLane.TIMELINE_LANE_GATE),
      new Rule("track.", TimelineLane.TIMELINE_LANE_VEHICLE),
      new Rule("trip.", TimelineLane.TIMELINE_LANE_VEHICLE),
      new Rule("user.", TimelineLane.TIMELINE_LANE_OPERATOR),
      new Rule("sop.", TimelineLane.TIMELINE_LANE_OPERATOR),
      new Rule("incident.", TimelineLane.TIMELINE_LANE_OPERATOR),
      new Rule("report.", TimelineLane.TIMELINE_LANE_OPERATOR),
      new Rule("sensor.", TimelineLane.TIMELINE_LANE_DEVICE),
      new Rule("camera.", TimelineLane.TIMELINE_LANE_DEVICE),
      new Rule("recording.", TimelineLane.TIMELINE_LANE_DEVICE));

  private LaneOfType() {
  }

  static Optional<TimelineLane> of(String type) {
    if (LEFT_OUT.contains(type)) {
      return Optional.empty();
    }
    for (Rule rule : RULES) {
      if (rule.matches(type)) {
        return Optional.of(rule.lane());
      }
    }
    return Optional.of(TimelineLane.TIMELINE_LANE_OTHER);
  }
}
