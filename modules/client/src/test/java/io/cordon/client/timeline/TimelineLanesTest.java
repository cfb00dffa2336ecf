package io.cordon.client.timeline;

import static io.cordon.client.timeline.TimelineFixture.FROM;
import static io.cordon.client.timeline.TimelineFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.TimelineLane;
import io.cordon.client.event.EventSeverity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timeline's entries in rows by lane. */
class TimelineLanesTest {
  @Test
  void entriesAreGroupedOneRowPerLaneAlarmsFirst() {
    List<TimelineLaneRow> rows = TimelineLanes.group(TimelineFixture.tankerHour().getEntriesList());

    assertThat(rows).extracting(TimelineLaneRow::lane).containsExactly(TimelineLane.TIMELINE_LANE_ALARM,
        TimelineLane.TIMELINE_LANE_ACCESS, TimelineLane.TIMELINE_LANE_VEHICLE, TimelineLane.TIMELINE_LANE_OPERATOR);
  }

  @Test
  void marksOfALaneAreOldestFirst() {
    List<TimelineLaneRow> rows = TimelineLanes.group(List.of(
        entry(TimelineLane.TIMELINE_LANE_GATE, 9, FROM.plusSeconds(60), "gate.command", null),
        entry(TimelineLane.TIMELINE_LANE_GATE, 7, FROM.plusSeconds(10), "gate.state", null),
        entry(TimelineLane.TIMELINE_LANE_GATE, 8, FROM.plusSeconds(60), "gate.command", null)));

    assertThat(rows.get(0).marks()).extracting(TimelineMark::seq).containsExactly(7L, 8L, 9L);
  }

  @Test
  void anUnspecifiedLaneIsOther() {
    List<TimelineLaneRow> rows = TimelineLanes.group(List.of(
        entry(TimelineLane.TIMELINE_LANE_UNSPECIFIED, 1, FROM, "weather.report", null)));

    assertThat(rows).singleElement().extracting(TimelineLaneRow::lane).isEqualTo(TimelineLane.TIMELINE_LANE_OTHER);
  }

  @Test
  void anAlarmOpenUntilItsCloseIsASpanAndAsUrgentAsItsSeverity() {
    TimelineMark alarm = TimelineMark.of(entry(TimelineLane.TIMELINE_LANE_ALARM, 3, FROM, "alarm.raised",
        FROM.plusSeconds(900)).toBuilder().setEvent(entry(TimelineLane.TIMELINE_LANE_ALARM, 3, FROM, "alarm.raised",
        null).getEvent().toBuilder().putAttributes("severity", "CRITICAL")).build());

    assertThat(alarm.isSpan()).isTrue();
    assertThat(alarm.severity()).isEqualTo(EventSeverity.CRITICAL);
    assertThat(alarm.isNear(FROM.plusSeconds(600), 0)).isTrue();
    assertThat(alarm.isNear(FROM.plusSeconds(901), 0)).isFalse();
  }

  @Test
  void laneKeysNameTheLaneWithoutItsPrefix() {
    assertThat(TimelineLanes.key(TimelineLane.TIMELINE_LANE_EMERGENCY)).isEqualTo("EMERGENCY");
  }
}
