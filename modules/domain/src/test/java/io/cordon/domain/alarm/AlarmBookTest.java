package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.LI;
import static io.cordon.domain.alarm.AlarmFixture.T0;
import static io.cordon.domain.alarm.AlarmFixture.changed;
import static io.cordon.domain.alarm.AlarmFixture.fenceIntrusionBySensorS1;
import static io.cordon.domain.alarm.AlarmFixture.report;
import static io.cordon.domain.alarm.AlarmFixture.smokeSeenByCamera;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ParkFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules across alarms: repeats, incidents, snoozes and timers, with the default settings. */
class AlarmBookTest {

  private static final SourceRef SENSOR_S1 = new SourceRef("sensor", "S-1");

  private final AlarmPlaces places = AlarmPlaces.of(ParkFixture.minimalValidPark());
  private AlarmBook book = bookWith(AlarmSettings.defaults());

  private AlarmBook bookWith(AlarmSettings settings) {
    return new AlarmBook(settings, type -> AlarmFixture.noMandatoryStepsProcedure(), places::touching);
  }

  // ---- repeats ----

  @Test
  void aRepeatWithinTheReactivationWindowIsCountedOnTheOpenAlarm() {
    Alarm first = raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    ReportDecision again = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(90)), T0.plusSeconds(90));

    assertThat(again).isInstanceOfSatisfying(ReportDecision.Repeated.class, r -> {
      assertThat(r.alarm().id()).isEqualTo(first.id());
      assertThat(r.alarm().count()).isEqualTo(2);
    });
    assertThat(book.size()).isEqualTo(1);
    assertThat(book.alarm(first.id()).orElseThrow().count()).isEqualTo(2);
  }

  @Test
  void theReactivationWindowRunsFromTheLatestRepeat() {
    book.report(fenceIntrusionBySensorS1(T0), T0);
    book.report(fenceIntrusionBySensorS1(T0.plusSeconds(100)), T0.plusSeconds(100));

    ReportDecision third = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(200)), T0.plusSeconds(200));

    assertThat(third).isInstanceOf(ReportDecision.Repeated.class);
  }

  @Test
  void aReportAfterTheWindowRaisesANewAlarm() {
    Alarm first = raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    Alarm second = raised(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(121)), T0.plusSeconds(121)));

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(book.size()).isEqualTo(2);
  }

  @Test
  void aReportAfterTheWindowIsCountedOnTheNewAlarmFromThenOn() {
    book.report(fenceIntrusionBySensorS1(T0), T0);
    Alarm second = raised(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(200)), T0.plusSeconds(200)));

    ReportDecision third = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(210)), T0.plusSeconds(210));

    assertThat(third).isInstanceOfSatisfying(ReportDecision.Repeated.class,
        r -> assertThat(r.alarm().id()).isEqualTo(second.id()));
  }

  @Test
  void actingOnAnOlderOpenAlarmOfASourceDoesNotTakeTheRepeatsOfItsNewerAlarm() {
    Alarm older = raised(book.report(fenceIntrusionBySensorS1(T0), T0));
    Alarm newer = raised(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(200)), T0.plusSeconds(200)));
    book.put(changed(older.acknowledge(LI, older.version(), T0.plusSeconds(205), "")).after());

    ReportDecision again = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(210)), T0.plusSeconds(210));

    assertThat(again).isInstanceOfSatisfying(ReportDecision.Repeated.class,
        r -> assertThat(r.alarm().id()).isEqualTo(newer.id()));
  }

  @Test
  void theReactivationWindowIsConfigurablePerType() {
    AlarmSettings d = AlarmSettings.defaults();
    book = bookWith(new AlarmSettings(Map.of(AlarmType.PERIMETER_INTRUSION, Duration.ofSeconds(30)), d.burstWindow(),
        d.burstRadiusMetres(), d.adjacentSegmentWindow(), d.escalateBySeverity(), d.escalateByType(),
        d.autoAcknowledgeInfoAfter()));
    book.report(fenceIntrusionBySensorS1(T0), T0);

    assertThat(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(45)), T0.plusSeconds(45)))
        .isInstanceOf(ReportDecision.Raised.class);
  }

  @Test
  void anotherTypeFromTheSameSourceIsASeparateAlarm() {
    book.report(fenceIntrusionBySensorS1(T0), T0);

    ReportDecision fault = book.report(report(AlarmType.DEVICE_FAULT, SENSOR_S1,
        AlarmFixture.onSegment("SEG-1", 250, 0), T0.plusSeconds(5)), T0.plusSeconds(5));

    assertThat(fault).isInstanceOf(ReportDecision.Raised.class);
  }

  @Test
  void aResolvedAlarmsSourceRaisesANewAlarm() {
    Alarm first = raised(book.report(fenceIntrusionBySensorS1(T0), T0));
    Alarm taken = changed(first.acknowledge(LI, first.version(), T0.plusSeconds(5), "")).after();
    book.put(changed(taken.resolve(LI, taken.version(), Verdict.NUISANCE, "小动物", T0.plusSeconds(10), "")).after());

    ReportDecision again = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(20)), T0.plusSeconds(20));

    assertThat(again).isInstanceOfSatisfying(ReportDecision.Raised.class,
        r -> assertThat(r.alarm().id()).isNotEqualTo(first.id()));
  }

  @Test
  void anOutOfOrderOlderReportIsCountedButDoesNotMoveLastAtBack() {
    book.report(fenceIntrusionBySensorS1(T0.plusSeconds(60)), T0.plusSeconds(60));

    ReportDecision late = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(10)), T0.plusSeconds(61));

    assertThat(late).isInstanceOfSatisfying(ReportDecision.Repeated.class, r -> {
      assertThat(r.alarm().count()).isEqualTo(2);
      assertThat(r.alarm().lastAt()).isEqualTo(T0.plusSeconds(60));
    });
  }

  @Test
  void alarmIdsAreNumberedInRaisingOrder() {
    Alarm first = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm second = raised(book.report(smokeSeenByCamera("CAM-2", 100, 900, T0.plusSeconds(60)), T0.plusSeconds(60)));

    assertThat(first.id().value()).isEqualTo("A-000001");
    assertThat(second.id().value()).isEqualTo("A-000002");
  }

  @Test
  void afterLoadingStoredAlarmsNumberingContinuesFromTheHighest() {
    Alarm stored = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    AlarmBook reloaded = bookWith(AlarmSettings.defaults());
    reloaded.load(List.of(stored), List.of());

    Alarm next = raised(reloaded.report(smokeSeenByCamera("CAM-2", 100, 900, T0.plusSeconds(60)), T0.plusSeconds(60)));

    assertThat(next.id().value()).isEqualTo("A-000002");
  }

  @Test
  void idsOfForgottenAlarmsAreNeverGivenAgain() {
    AlarmBook reloaded = bookWith(AlarmSettings.defaults());
    reloaded.load(List.of(), List.of());
    reloaded.numberAbove(41);

    Alarm next = raised(reloaded.report(smokeSeenByCamera("CAM-2", 100, 900, T0), T0));

    assertThat(next.id().value()).isEqualTo("A-000042");
  }

  @Test
  void loadingKeepsTheNewestOpenAlarmOfASourceForItsRepeats() {
    Alarm older = raised(book.report(fenceIntrusionBySensorS1(T0), T0));
    Alarm newer = raised(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(200)), T0.plusSeconds(200)));
    AlarmBook reloaded = bookWith(AlarmSettings.defaults());
    reloaded.load(List.of(newer, older), List.of());

    ReportDecision again = reloaded.report(fenceIntrusionBySensorS1(T0.plusSeconds(210)), T0.plusSeconds(210));

    assertThat(again).isInstanceOfSatisfying(ReportDecision.Repeated.class,
        r -> assertThat(r.alarm().id()).isEqualTo(newer.id()));
  }

  @Test
  void severityComesFromTheTypeUnlessTheReportSaysOtherwise() {
    Alarm byDefault = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    SourceReport minor = new SourceReport(AlarmType.LOITERING, Optional.of(Severity.MAJOR),
        new SourceRef("camera", "CAM-2"), AlarmFixture.generalAreaAt(900, 900), List.of(), List.of(), "", T0);

    assertThat(byDefault.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(raised(book.report(minor, T0)).severity()).isEqualTo(Severity.MAJOR);
  }

  // ---- incidents ----

  @Test
  void aLoneAlarmIsItsOwnIncident() {
    Alarm alone = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));

    assertThat(alone.incident()).isEqualTo(alone.id());
  }

  @Test
  void aBurstOfOneTypeNearbyFormsOneIncident() {
    Alarm first = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm second = raised(book.report(smokeSeenByCamera("CAM-2", 600, 500, T0.plusSeconds(5)), T0.plusSeconds(5)));
    Alarm third = raised(book.report(smokeSeenByCamera("CAM-3", 700, 500, T0.plusSeconds(9)), T0.plusSeconds(9)));

    assertThat(second.incident()).isEqualTo(first.id());
    assertThat(third.incident()).isEqualTo(first.id());
  }

  @Test
  void alarmsOfOneTypeFarApartAreSeparateIncidents() {
    Alarm first = raised(book.report(smokeSeenByCamera("CAM-1", 100, 100, T0), T0));

    Alarm far = raised(book.report(smokeSeenByCamera("CAM-2", 900, 900, T0.plusSeconds(2)), T0.plusSeconds(2)));

    assertThat(far.incident()).isEqualTo(far.id()).isNotEqualTo(first.id());
  }

  @Test
  void alarmsOfOneTypeNearbyButOutsideTheBurstWindowAreSeparateIncidents() {
    raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));

    Alarm later = raised(book.report(smokeSeenByCamera("CAM-2", 550, 500, T0.plusSeconds(11)), T0.plusSeconds(11)));

    assertThat(later.incident()).isEqualTo(later.id());
  }

  @Test
  void alarmsOfDifferentTypesNearbyAreSeparateIncidents() {
    raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));

    Alarm crowd = raised(book.report(report(AlarmType.CROWDING, new SourceRef("camera", "CAM-2"),
        AlarmFixture.generalAreaAt(520, 500), T0.plusSeconds(1)), T0.plusSeconds(1)));

    assertThat(crowd.incident()).isEqualTo(crowd.id());
  }

  @Test
  void intrusionsOnTouchingSegmentsFormOneIncidentEvenFarApart() {
    Alarm south = raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    Alarm east = raised(book.report(report(AlarmType.PERIMETER_INTRUSION, new SourceRef("sensor", "S-2"),
        AlarmFixture.onSegment("SEG-2", 1000, 700), T0.plusSeconds(40)), T0.plusSeconds(40)));

    assertThat(east.incident()).isEqualTo(south.id());
  }

  @Test
  void intrusionsOnSegmentsThatDoNotTouchAreSeparateIncidents() {
    raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    Alarm north = raised(book.report(report(AlarmType.PERIMETER_INTRUSION, new SourceRef("sensor", "S-3"),
        AlarmFixture.onSegment("SEG-3", 250, 1000), T0.plusSeconds(5)), T0.plusSeconds(5)));

    assertThat(north.incident()).isEqualTo(north.id());
  }

  @Test
  void intrusionsOnTouchingSegmentsOutsideTheAdjacencyWindowAreSeparateIncidents() {
    raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    Alarm east = raised(book.report(report(AlarmType.PERIMETER_INTRUSION, new SourceRef("sensor", "S-2"),
        AlarmFixture.onSegment("SEG-2", 1000, 700), T0.plusSeconds(61)), T0.plusSeconds(61)));

    assertThat(east.incident()).isEqualTo(east.id());
  }

  @Test
  void aResolvedAlarmNoLongerGathersAnIncident() {
    Alarm first = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm taken = changed(first.acknowledge(LI, first.version(), T0.plusSeconds(1), "")).after();
    book.put(changed(taken.resolve(LI, taken.version(), Verdict.FALSE_ALARM, "水汽", T0.plusSeconds(2), "")).after());

    Alarm next = raised(book.report(smokeSeenByCamera("CAM-2", 520, 500, T0.plusSeconds(3)), T0.plusSeconds(3)));

    assertThat(next.incident()).isEqualTo(next.id());
  }

  // ---- snoozes ----

  @Test
  void aSnoozedSourceIsHeldNotRaised() {
    book.snooze(SENSOR_S1, Duration.ofMinutes(30), "施工振动", "li", T0);

    ReportDecision held = book.report(fenceIntrusionBySensorS1(T0.plusSeconds(60)), T0.plusSeconds(60));

    assertThat(held).isInstanceOfSatisfying(ReportDecision.Held.class, h -> {
      assertThat(h.snooze().reason()).isEqualTo("施工振动");
      assertThat(h.snooze().until()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    });
    assertThat(book.size()).isZero();
  }

  @Test
  void aSnoozeHoldsOnlyItsOwnSource() {
    book.snooze(new SourceRef("sensor", "S-2"), Duration.ofMinutes(30), "施工振动", "li", T0);

    assertThat(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(60)), T0.plusSeconds(60)))
        .isInstanceOf(ReportDecision.Raised.class);
  }

  @Test
  void aSourceRaisesAgainOnceItsSnoozeHasRunOut() {
    book.snooze(SENSOR_S1, Duration.ofMinutes(30), "施工振动", "li", T0);
    Instant after = T0.plus(Duration.ofMinutes(30));

    assertThat(book.report(fenceIntrusionBySensorS1(after), after)).isInstanceOf(ReportDecision.Raised.class);
  }

  @Test
  void runOutSnoozesAreReportedOnceAndRemoved() {
    book.snooze(SENSOR_S1, Duration.ofMinutes(30), "施工振动", "li", T0);
    book.snooze(new SourceRef("camera", "CAM-2"), Duration.ofHours(2), "逆光", "li", T0);

    List<Snooze> expired = book.expiredSnoozes(T0.plus(Duration.ofMinutes(31)));

    assertThat(expired).extracting(Snooze::source).containsExactly(SENSOR_S1);
    assertThat(book.snoozes()).extracting(Snooze::source).containsExactly(new SourceRef("camera", "CAM-2"));
    assertThat(book.expiredSnoozes(T0.plus(Duration.ofMinutes(32)))).isEmpty();
  }

  @Test
  void unsnoozingLiftsTheHoldAtOnce() {
    book.snooze(SENSOR_S1, Duration.ofMinutes(30), "施工振动", "li", T0);

    assertThat(book.unsnooze(SENSOR_S1)).isTrue();
    assertThat(book.report(fenceIntrusionBySensorS1(T0.plusSeconds(5)), T0.plusSeconds(5)))
        .isInstanceOf(ReportDecision.Raised.class);
    assertThat(book.unsnooze(SENSOR_S1)).isFalse();
  }

  // ---- timers ----

  @Test
  void aCriticalAlarmNotAcknowledgedWithinSixtySecondsEscalates() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));

    assertThat(book.due(T0.plusSeconds(59))).isEmpty();
    List<Outcome.Changed> due = book.due(T0.plusSeconds(60));

    assertThat(due).singleElement().satisfies(c -> {
      assertThat(c.transition().action()).isEqualTo("escalate");
      assertThat(c.after().id()).isEqualTo(fire.id());
      assertThat(c.after().escalated()).isTrue();
      assertThat(c.after().state()).isEqualTo(AlarmState.NEW);
    });
    assertThat(book.alarm(fire.id()).orElseThrow().escalated()).isTrue();
  }

  @Test
  void anAlarmEscalatesOnlyOnce() {
    raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    book.due(T0.plusSeconds(60));

    assertThat(book.due(T0.plusSeconds(300))).isEmpty();
  }

  @Test
  void aMajorAlarmDoesNotEscalateAfterSixtySeconds() {
    raised(book.report(fenceIntrusionBySensorS1(T0), T0));

    assertThat(book.due(T0.plusSeconds(61))).isEmpty();
  }

  @Test
  void anAcknowledgedCriticalAlarmDoesNotEscalate() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    book.put(changed(fire.acknowledge(LI, fire.version(), T0.plusSeconds(30), "")).after());

    assertThat(book.due(T0.plusSeconds(90))).isEmpty();
  }

  @Test
  void theEscalationDelayIsConfigurablePerType() {
    AlarmSettings d = AlarmSettings.defaults();
    book = bookWith(new AlarmSettings(d.reactivationWindows(), d.burstWindow(), d.burstRadiusMetres(),
        d.adjacentSegmentWindow(), d.escalateBySeverity(), Map.of(AlarmType.SMOKE_FIRE, Duration.ofSeconds(20)),
        d.autoAcknowledgeInfoAfter()));
    raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));

    assertThat(book.due(T0.plusSeconds(20))).singleElement()
        .satisfies(c -> assertThat(c.transition().action()).isEqualTo("escalate"));
  }

  @Test
  void anInfoAlarmIsAcknowledgedByTheSystemAfterTwoMinutes() {
    Alarm info = raised(book.report(heartbeatMissing(T0), T0));

    assertThat(book.due(T0.plusSeconds(119))).isEmpty();
    List<Outcome.Changed> due = book.due(T0.plusSeconds(120));

    assertThat(due).singleElement().satisfies(c -> {
      assertThat(c.transition().action()).isEqualTo("auto_acknowledge");
      assertThat(c.after().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
      assertThat(c.after().autoAcknowledged()).isTrue();
    });
    assertThat(book.alarm(info.id()).orElseThrow().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
  }

  @Test
  void aMinorAlarmIsNeverAcknowledgedByTheSystem() {
    raised(book.report(report(AlarmType.LOITERING, new SourceRef("camera", "CAM-2"),
        AlarmFixture.generalAreaAt(500, 500), T0), T0));

    assertThat(book.due(T0.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void infoAlarmsWaitForAnOperatorWhenAutomaticAcknowledgementIsOff() {
    AlarmSettings d = AlarmSettings.defaults();
    book = bookWith(new AlarmSettings(d.reactivationWindows(), d.burstWindow(), d.burstRadiusMetres(),
        d.adjacentSegmentWindow(), d.escalateBySeverity(), d.escalateByType(), Optional.empty()));
    raised(book.report(heartbeatMissing(T0), T0));

    assertThat(book.due(T0.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void aLapsedForwardOfferPassesOnThroughTheTimers() {
    Alarm loitering = raised(book.report(report(AlarmType.LOITERING, new SourceRef("camera", "CAM-2"),
        AlarmFixture.generalAreaAt(500, 500), T0), T0));
    book.put(changed(loitering.forward(LI, loitering.version(), List.of("wang", "chen"), Duration.ofSeconds(30),
        T0.plusSeconds(10), "")).after());

    List<Outcome.Changed> due = book.due(T0.plusSeconds(40));

    assertThat(due).singleElement().satisfies(c -> assertThat(c.after().forwardTo()).containsExactly("chen"));
  }

  @Test
  void alarmsLoadedFromTheStoreKeepTheirTimers() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    AlarmBook reloaded = bookWith(AlarmSettings.defaults());
    reloaded.load(List.of(fire), List.of());

    assertThat(reloaded.due(T0.plusSeconds(59))).isEmpty();
    assertThat(reloaded.due(T0.plusSeconds(60))).singleElement()
        .satisfies(c -> assertThat(c.transition().action()).isEqualTo("escalate"));
  }

  @Test
  void anAlarmAcknowledgedBeforeItsTimerIsNotVisitedWhenTheTimerWouldHaveRun() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm other = raised(book.report(smokeSeenByCamera("CAM-2", 900, 900, T0.plusSeconds(5)), T0.plusSeconds(5)));
    book.put(changed(fire.acknowledge(LI, fire.version(), T0.plusSeconds(30), "")).after());

    assertThat(book.due(T0.plusSeconds(70))).singleElement()
        .satisfies(c -> assertThat(c.after().id()).isEqualTo(other.id()));
  }

  // ---- forgetting ----

  @Test
  void closedAlarmsAreForgottenAfterTheCutoffAndOpenOnesKept() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm fence = raised(book.report(fenceIntrusionBySensorS1(T0), T0));
    Alarm taken = changed(fire.acknowledge(LI, fire.version(), T0.plusSeconds(1), "")).after();
    Alarm resolved = changed(taken.resolve(LI, taken.version(), Verdict.FALSE_ALARM, "蒸汽", T0.plusSeconds(2), ""))
        .after();
    book.put(changed(resolved.close(LI, resolved.version(), T0.plusSeconds(3), "")).after());

    List<AlarmId> forgotten = book.forgetClosedBefore(T0.plusSeconds(4));

    assertThat(forgotten).containsExactly(fire.id());
    assertThat(book.alarms()).extracting(Alarm::id).containsExactly(fence.id());
  }

  @Test
  void alarmsClosedAfterTheCutoffAreKept() {
    Alarm fire = raised(book.report(smokeSeenByCamera("CAM-1", 500, 500, T0), T0));
    Alarm taken = changed(fire.acknowledge(LI, fire.version(), T0.plusSeconds(1), "")).after();
    Alarm resolved = changed(taken.resolve(LI, taken.version(), Verdict.FALSE_ALARM, "蒸汽", T0.plusSeconds(2), ""))
        .after();
    book.put(changed(resolved.close(LI, resolved.version(), T0.plusSeconds(3), "")).after());

    assertThat(book.forgetClosedBefore(T0.plusSeconds(3))).isEmpty();
    assertThat(book.size()).isEqualTo(1);
  }

  private static SourceReport heartbeatMissing(Instant at) {
    return report(AlarmType.HEARTBEAT_MISSING, new SourceRef("sensor", "S-9"), AlarmFixture.generalAreaAt(500, 500),
        at);
  }

  private static Alarm raised(ReportDecision decision) {
    assertThat(decision).isInstanceOf(ReportDecision.Raised.class);
    return ((ReportDecision.Raised) decision).alarm();
  }
}
