package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.T0;
import static io.cordon.client.alarm.AlarmFixtures.acknowledged;
import static io.cordon.client.alarm.AlarmFixtures.alarm;
import static io.cordon.client.alarm.AlarmFixtures.changes;
import static io.cordon.client.alarm.AlarmFixtures.critical;
import static io.cordon.client.alarm.AlarmFixtures.major;
import static io.cordon.client.alarm.AlarmFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.ZoneClass;
import io.cordon.client.auth.Session;
import io.cordon.domain.alarm.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmQueueViewModelTest {
  private final TestClock clock = new TestClock(T0.plusSeconds(5));
  private final List<Runnable> later = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private final AlarmStore store = new AlarmStore(Runnable::run);
  private final Session operator = new Session("wang", "王值班", List.of(Role.ROLE_OPERATOR));
  private final AlarmQueueViewModel queue = new AlarmQueueViewModel(store, operator, clock, Runnable::run,
      (task, delay) -> {
        later.add(task);
        delays.add(delay);
      });
  private final List<AlarmQueueViewModel.Alert> alerts = new ArrayList<>();

  {
    queue.addAlertListener(alerts::add);
  }

  private List<String> shownIds() {
    queue.refreshNow();
    return queue.rows().stream().map(AlarmRow::id).toList();
  }

  @Test
  void aCriticalAlarmInTheGeneralAreaComesBeforeAMajorOneInACoreArea() {
    store.apply(snapshot(1,
        alarm("A-000001", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_CORE, T0).build(),
        alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_CRITICAL, ZoneClass.ZONE_CLASS_GENERAL, T0).build()));

    assertThat(shownIds()).containsExactly("A-000002", "A-000001");
  }

  @Test
  void withinOneSeverityACoreAreaOutranksAKeyAreaAndTheGeneralArea() {
    store.apply(snapshot(1,
        alarm("A-000001", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_GENERAL, T0).build(),
        alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_CORE, T0).build(),
        alarm("A-000003", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY, T0).build()));

    assertThat(shownIds()).containsExactly("A-000002", "A-000003", "A-000001");
  }

  @Test
  void anAlarmWaitingUnacknowledgedForMinutesOutranksAFreshOneOfItsClass() {
    clock.advance(Duration.ofMinutes(10));
    Alarm waiting = alarm("A-000001", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY, T0).build();
    Alarm fresh = alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY,
        clock.instant()).build();
    store.apply(snapshot(1, fresh, waiting));

    assertThat(shownIds()).containsExactly("A-000001", "A-000002");
    assertThat(queue.rows().get(0).priority()).isGreaterThan(queue.rows().get(1).priority());
  }

  @Test
  void anAcknowledgedAlarmNoLongerClimbsWithAge() {
    clock.advance(Duration.ofMinutes(10));
    store.apply(snapshot(1, acknowledged("A-000001", "li"),
        alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY, T0).build()));

    assertThat(shownIds()).containsExactly("A-000002", "A-000001");
    assertThat(queue.rows().get(0).priority() - queue.rows().get(1).priority()).isEqualTo(10);
  }

  @Test
  void ofTwoAlarmsWithEqualPriorityTheOlderComesFirst() {
    store.apply(snapshot(1,
        alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_MINOR, ZoneClass.ZONE_CLASS_KEY, T0.plusSeconds(3)).build(),
        alarm("A-000001", AlarmSeverity.ALARM_SEVERITY_MINOR, ZoneClass.ZONE_CLASS_KEY, T0).build()));

    assertThat(shownIds()).containsExactly("A-000001", "A-000002");
  }

  @Test
  void anIncidentIsOneRowLedByItsMostUrgentAlarmWithTheIncidentsSize() {
    store.apply(snapshot(1,
        major("A-000001"),
        critical("A-000002").toBuilder().setIncidentId("A-000001").build(),
        major("A-000003").toBuilder().setIncidentId("A-000001").build(),
        major("A-000004")));

    assertThat(shownIds()).containsExactly("A-000002", "A-000004");
    assertThat(queue.rows().get(0).incidentSize()).isEqualTo(3);
    assertThat(queue.rows().get(0).incidentId()).isEqualTo("A-000001");
    assertThat(queue.rows().get(1).isGroup()).isFalse();
  }

  @Test
  void withoutGroupingEveryAlarmOfAnIncidentIsARow() {
    store.apply(snapshot(1, major("A-000001"), major("A-000002").toBuilder().setIncidentId("A-000001").build()));
    queue.groupIncidentsProperty().set(false);

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000001", "A-000002");
    assertThat(queue.rows()).allSatisfy(row -> assertThat(row.incidentSize()).isEqualTo(1));
  }

  @Test
  void theTypeFilterShowsOnlyThatType() {
    store.apply(snapshot(1, major("A-000001"),
        major("A-000002").toBuilder().setType(AlarmType.ALARM_TYPE_SMOKE_FIRE).build()));

    queue.typeFilterProperty().set(AlarmType.ALARM_TYPE_SMOKE_FIRE);

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000002");
  }

  @Test
  void theSeverityFilterShowsOnlyThatSeverity() {
    store.apply(snapshot(1, major("A-000001"), critical("A-000002")));

    queue.severityFilterProperty().set(Severity.MAJOR);

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000001");
  }

  @Test
  void theZoneFilterShowsOnlyAlarmsInThatZoneAndOffersTheZonesAlarmsLieIn() {
    store.apply(snapshot(1,
        alarm("A-000001", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_CORE, T0).build(),
        alarm("A-000002", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY, T0).build(),
        alarm("A-000003", AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_GENERAL, T0).build()));

    queue.zoneFilterProperty().set("Z-KEY-1");

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000002");
    assertThat(queue.zones()).containsExactly("Z-CORE-1", "Z-KEY-1");
  }

  @Test
  void theStateFilterShowsOnlyThatState() {
    store.apply(snapshot(1, major("A-000001"), acknowledged("A-000002", "li")));

    queue.stateFilterProperty().set(AlarmState.ALARM_STATE_ACKNOWLEDGED);

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000002");
  }

  @Test
  void mineShowsOnlyTheAlarmsTheSignedInOperatorTook() {
    store.apply(snapshot(1, major("A-000001"), acknowledged("A-000002", "li"), acknowledged("A-000003", "wang")));

    queue.mineOnlyProperty().set(true);

    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000003");
  }

  @Test
  void closedAlarmsAreHiddenUntilTheOperatorAsksForThem() {
    store.apply(snapshot(1, major("A-000001"),
        major("A-000002").toBuilder().setState(AlarmState.ALARM_STATE_CLOSED).build()));

    assertThat(shownIds()).containsExactly("A-000001");
    queue.hideClosedProperty().set(false);
    assertThat(queue.rows()).extracting(AlarmRow::id).containsExactly("A-000001", "A-000002");
  }

  @Test
  void theHeaderCountsOpenAlarmsPerSeverityWhateverTheFilters() {
    store.apply(snapshot(1, critical("A-000001"), critical("A-000002"), major("A-000003"),
        major("A-000004").toBuilder().setState(AlarmState.ALARM_STATE_RESOLVED).build()));
    queue.severityFilterProperty().set(Severity.MINOR);

    assertThat(queue.openCountProperty(Severity.CRITICAL).get()).isEqualTo(2);
    assertThat(queue.openCountProperty(Severity.MAJOR).get()).isEqualTo(1);
    assertThat(queue.openCountProperty(Severity.MINOR).get()).isZero();
    assertThat(queue.unacknowledgedProperty().get()).isEqualTo(3);
  }

  @Test
  void aStormOfChangesResortsOnceAfterTheIntervalNotOncePerAlarm() {
    for (int i = 1; i <= 500; i++) {
      store.apply(changes(i, major(String.format("A-%06d", i))));
    }

    assertThat(queue.rows()).isEmpty();
    assertThat(later).hasSize(1);
    assertThat(delays).containsExactly(AlarmQueueViewModel.REFRESH_INTERVAL);
    later.remove(0).run();
    assertThat(queue.rows()).hasSize(500);
  }

  @Test
  void theClockResortsWaitingAlarmsOnlyEveryFewSeconds() {
    store.apply(snapshot(1, major("A-000001")));
    queue.refreshNow();
    long before = queue.rows().get(0).priority();

    clock.advance(Duration.ofMinutes(3));
    queue.tick();

    assertThat(queue.rows().get(0).priority()).isEqualTo(before + 3);
  }

  @Test
  void aNewCriticalAlarmAlertsOnceAndNotAgainWhenASnapshotRepeatsIt() {
    store.apply(changes(1, critical("A-000001"), major("A-000002")));
    store.apply(snapshot(2, critical("A-000001"), major("A-000002")));

    assertThat(alerts).singleElement().satisfies(a ->
        assertThat(a.newCritical()).extracting(Alarm::getAlarmId).containsExactly("A-000001"));
  }

  @Test
  void theSnapshotTheClientStartsWithAlertsNothingButWhatComesAfterDoes() {
    // critical and escalated alarms left open by an earlier run: the queue shows them, nothing flies or flashes
    store.apply(snapshot(1, critical("A-000001"), major("A-000002").toBuilder().setEscalated(true).build()));
    assertThat(shownIds()).containsExactlyInAnyOrder("A-000001", "A-000002");
    assertThat(alerts).isEmpty();

    store.apply(changes(2, critical("A-000003")));

    assertThat(alerts).singleElement().satisfies(a ->
        assertThat(a.newCritical()).extracting(Alarm::getAlarmId).containsExactly("A-000003"));
  }

  @Test
  void aCriticalAlarmFirstSeenInALaterSnapshotStillAlerts() {
    store.apply(snapshot(1, major("A-000001")));

    store.apply(snapshot(2, major("A-000001"), critical("A-000002"))); // raised while the stream was down

    assertThat(alerts).singleElement().satisfies(a ->
        assertThat(a.newCritical()).extracting(Alarm::getAlarmId).containsExactly("A-000002"));
  }

  @Test
  void anEscalationAlertsOnce() {
    store.apply(changes(1, major("A-000001")));
    Alarm escalated = major("A-000001").toBuilder().setVersion(2).setEscalated(true).build();

    store.apply(changes(2, escalated));
    store.apply(changes(3, escalated.toBuilder().setVersion(3).setCount(2).build()));

    assertThat(alerts).singleElement().satisfies(a ->
        assertThat(a.escalated()).extracting(Alarm::getAlarmId).containsExactly("A-000001"));
  }
}
