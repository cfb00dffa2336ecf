package io.cordon.client.timeline;

import io.cordon.api.v1.TimelineLane;
import java.util.List;
import java.util.Objects;

/** One row of the timeline: a lane and its marks, oldest first. */
public record TimelineLaneRow(TimelineLane lane, List<TimelineMark> marks) {
  public TimelineLaneRow {
    Objects.requireNonNull(lane, "lane");
    marks = List.copyOf(marks);
  }
}
