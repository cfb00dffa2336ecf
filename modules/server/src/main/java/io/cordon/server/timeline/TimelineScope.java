package io.cordon.server.timeline;

import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.TimelineLane;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A checked timeline request: the window, the subjects (requested, the incident's, the gates' and zones' own
 * keys), the areas (requested, the zones' outlines), the lanes kept (empty: all) and the limits.
 * {@code clamped} is set when an incident's window was cut to the longest a timeline covers.
 */
record TimelineScope(
    Instant from,
    Instant to,
    List<SubjectRef> subjects,
    List<Area> areas,
    Set<TimelineLane> lanes,
    boolean includeTracks,
    int maxEntries,
    int maxTrackPoints,
    boolean clamped) {

  /** No subject, area, gate or zone: the whole park. */
  boolean wholePark() {
    return subjects.isEmpty() && areas.isEmpty();
  }

  boolean keeps(TimelineLane lane) {
    return lanes.isEmpty() || lanes.contains(lane);
  }
}
