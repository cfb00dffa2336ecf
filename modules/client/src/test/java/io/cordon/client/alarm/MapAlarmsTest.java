package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.T0;
import static io.cordon.client.alarm.AlarmFixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.ZoneClass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MapAlarmsTest {
  private static List<String> ids(List<Alarm> alarms) {
    return alarms.stream().map(Alarm::getAlarmId).toList();
  }

  private static Alarm inState(String id, AlarmState state) {
    return alarm(id, AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_GENERAL, T0).setState(state).build();
  }

  @Test
  void marksEveryOpenStateButNotResolvedOrClosedAlarms() {
    List<Alarm> alarms = List.of(
        inState("A-1", AlarmState.ALARM_STATE_NEW),
        inState("A-2", AlarmState.ALARM_STATE_ACKNOWLEDGED),
        inState("A-3", AlarmState.ALARM_STATE_DISPATCHED),
        inState("A-4", AlarmState.ALARM_STATE_ON_SITE),
        inState("A-5", AlarmState.ALARM_STATE_RESOLVED),
        inState("A-6", AlarmState.ALARM_STATE_CLOSED));

    assertThat(ids(MapAlarms.mostUrgentOpen(alarms, T0, 10))).containsExactlyInAnyOrder("A-1", "A-2", "A-3", "A-4");
  }

  @Test
  void ordersBySeverityThenZoneClassThenAge() {
    List<Alarm> alarms = List.of(
        alarm("A-minor-core", AlarmSeverity.ALARM_SEVERITY_MINOR, ZoneClass.ZONE_CLASS_CORE, T0).build(),
        alarm("A-major-general", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_GENERAL, T0).build(),
        alarm("A-critical-general", AlarmSeverity.ALARM_SEVERITY_CRITICAL, ZoneClass.ZONE_CLASS_GENERAL, T0).build(),
        alarm("A-major-core-newer", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_CORE, T0.plusSeconds(5))
            .build(),
        alarm("A-major-core-older", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_CORE, T0).build());

    assertThat(ids(MapAlarms.mostUrgentOpen(alarms, T0.plusSeconds(10), 10))).containsExactly(
        "A-critical-general", "A-major-core-older", "A-major-core-newer", "A-major-general", "A-minor-core");
  }

  @Test
  void keepsOnlyTheMostUrgentWhenThereAreMoreThanTheLimit() {
    List<Alarm> alarms = new ArrayList<>();
    IntStream.range(0, 5).forEach(i -> alarms.add(
        alarm("A-info-" + i, AlarmSeverity.ALARM_SEVERITY_INFO, ZoneClass.ZONE_CLASS_GENERAL, T0).build()));
    alarms.add(alarm("A-critical", AlarmSeverity.ALARM_SEVERITY_CRITICAL, ZoneClass.ZONE_CLASS_GENERAL, T0).build());

    List<Alarm> marked = MapAlarms.mostUrgentOpen(alarms, T0, 3);

    assertThat(marked).hasSize(3);
    assertThat(marked.get(0).getAlarmId()).isEqualTo("A-critical");
  }

  @Test
  void theDefaultCapIsAThousandMarkers() {
    List<Alarm> storm = IntStream.range(0, 1_200)
        .mapToObj(i -> alarm(String.format("A-%06d", i), AlarmSeverity.ALARM_SEVERITY_MAJOR,
            ZoneClass.ZONE_CLASS_GENERAL, T0.plusSeconds(i)).build())
        .toList();

    List<Alarm> marked = MapAlarms.mostUrgentOpen(storm, T0.plusSeconds(2_000), MapAlarms.MAX_MARKED);

    assertThat(marked).hasSize(1_000);
    assertThat(marked.get(0).getAlarmId()).isEqualTo("A-000000"); // the one waiting longest
  }

  @Test
  void skipsAnAlarmWithoutAPoint() {
    Alarm nowhere = alarm("A-nowhere", AlarmSeverity.ALARM_SEVERITY_CRITICAL, ZoneClass.ZONE_CLASS_GENERAL, T0)
        .setLocation(AlarmLocation.newBuilder().setZoneId("Z-1")).build();

    assertThat(MapAlarms.mostUrgentOpen(List.of(nowhere), T0, 10)).isEmpty();
  }
}
