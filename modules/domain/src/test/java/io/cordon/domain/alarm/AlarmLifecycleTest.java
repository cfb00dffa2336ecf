package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.CHIEF_ZHAO;
import static io.cordon.domain.alarm.AlarmFixture.LI;
import static io.cordon.domain.alarm.AlarmFixture.PATROL_TO_SOUTH_FENCE;
import static io.cordon.domain.alarm.AlarmFixture.T0;
import static io.cordon.domain.alarm.AlarmFixture.WANG;
import static io.cordon.domain.alarm.AlarmFixture.changed;
import static io.cordon.domain.alarm.AlarmFixture.fenceIntrusionIn;
import static io.cordon.domain.alarm.AlarmFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlarmLifecycleTest {

  private static final Instant LATER = T0.plusSeconds(100);

  /** Each operator command, issued by the assignee with the version they saw. */
  enum Command {
    ACKNOWLEDGE((a, by) -> a.acknowledge(by, a.version(), LATER, "接警"),
        EnumSet.of(AlarmState.NEW), AlarmState.ACKNOWLEDGED),
    DISPATCH((a, by) -> a.dispatch(by, a.version(), PATROL_TO_SOUTH_FENCE, LATER, ""),
        EnumSet.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE), AlarmState.DISPATCHED),
    ON_SITE((a, by) -> a.onSite(by, a.version(), LATER, "到场"),
        EnumSet.of(AlarmState.DISPATCHED), AlarmState.ON_SITE),
    RESOLVE((a, by) -> a.resolve(by, a.version(), Verdict.NUISANCE, "鸟类触发", LATER, ""),
        EnumSet.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE), AlarmState.RESOLVED),
    CLOSE((a, by) -> a.close(by, a.version(), LATER, ""),
        EnumSet.of(AlarmState.RESOLVED), AlarmState.CLOSED),
    FORWARD((a, by) -> a.forward(by, a.version(), List.of("wang"), Duration.ofSeconds(30), LATER, ""),
        EnumSet.of(AlarmState.NEW, AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE),
        AlarmState.NEW);

    final BiFunction<Alarm, Actor, Outcome> issue;
    final Set<AlarmState> allowedFrom;
    final AlarmState leadsTo;

    Command(BiFunction<Alarm, Actor, Outcome> issue, Set<AlarmState> allowedFrom, AlarmState leadsTo) {
      this.issue = issue;
      this.allowedFrom = allowedFrom;
      this.leadsTo = leadsTo;
    }
  }

  static Stream<Arguments> legalTransitions() {
    return pairs(true);
  }

  static Stream<Arguments> illegalTransitions() {
    return pairs(false);
  }

  private static Stream<Arguments> pairs(boolean legal) {
    List<Arguments> all = new ArrayList<>();
    for (AlarmState state : AlarmState.values()) {
      for (Command command : Command.values()) {
        if (command.allowedFrom.contains(state) == legal) {
          all.add(Arguments.of(state, command));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("legalTransitions")
  void everyLegalTransitionMovesTheAlarmAndRecordsWhoWhenAndTheNote(AlarmState from, Command command) {
    Alarm before = fenceIntrusionIn(from);

    Outcome.Changed change = changed(command.issue.apply(before, LI));

    assertThat(change.after().state()).isEqualTo(command.leadsTo);
    assertThat(change.after().version()).isEqualTo(before.version() + 1);
    assertThat(change.transition().from()).isEqualTo(from);
    assertThat(change.transition().to()).isEqualTo(command.leadsTo);
    assertThat(change.transition().by()).isEqualTo("li");
    assertThat(change.transition().at()).isEqualTo(LATER);
    assertThat(change.after().history()).endsWith(change.transition());
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("illegalTransitions")
  void everyIllegalTransitionIsRefusedAsAConflictOnTheAction(AlarmState from, Command command) {
    Refusal refusal = refusal(command.issue.apply(fenceIntrusionIn(from), LI));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("action");
  }

  @Test
  void aNewAlarmStartsAtVersionOneWithItsRaisingInTheHistory() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();

    assertThat(alarm.state()).isEqualTo(AlarmState.NEW);
    assertThat(alarm.version()).isEqualTo(1);
    assertThat(alarm.history()).singleElement().satisfies(t -> {
      assertThat(t.action()).isEqualTo("raised");
      assertThat(t.by()).isEqualTo(Transition.SYSTEM);
    });
    assertThat(alarm.assignee()).isEmpty();
  }

  @Test
  void theFullPathFromNewToClosedKeepsEveryStepInTheHistory() {
    Alarm closed = fenceIntrusionIn(AlarmState.CLOSED);

    assertThat(closed.history()).extracting(Transition::action)
        .containsExactly("raised", "acknowledge", "resolve", "close");
    assertThat(closed.closedAt()).contains(T0.plusSeconds(30));
    assertThat(closed.verdict()).contains(Verdict.FALSE_ALARM);
    assertThat(closed.cause()).isEqualTo("风吹动围栏");
  }

  @Test
  void acknowledgingMakesTheTakerTheAssigneeAndClearsTheAcknowledgeDeadline() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();

    Alarm taken = changed(alarm.acknowledge(LI, 1, T0.plusSeconds(5), "")).after();

    assertThat(taken.assignee()).contains("li");
    assertThat(taken.ackDue()).isEmpty();
  }

  @Test
  void dispatchingKeepsTheTaskForThePatrol() {
    Alarm dispatched = fenceIntrusionIn(AlarmState.DISPATCHED);

    assertThat(dispatched.task()).contains(PATROL_TO_SOUTH_FENCE);
  }

  @Test
  void dispatchWithoutATeamIsRefusedNamingTheTeamField() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ACKNOWLEDGED);

    Refusal refusal = refusal(alarm.dispatch(LI, alarm.version(), new DispatchTask(" ", "去看看", ""), LATER, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("dispatch.task.team");
  }

  @Test
  void resolvingWithoutACauseIsRefusedNamingTheCauseField() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ON_SITE);

    Refusal refusal = refusal(alarm.resolve(LI, alarm.version(), Verdict.TRUE_ALARM, " ", LATER, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("resolve.cause");
  }

  @Test
  void resolvingWithoutAVerdictIsRefusedNamingTheVerdictField() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ON_SITE);

    Refusal refusal = refusal(alarm.resolve(LI, alarm.version(), null, "查无异常", LATER, ""));

    assertThat(refusal.field()).isEqualTo("resolve.verdict");
  }

  @Test
  void aNoteLongerThanFiveHundredCharactersIsRefused() {
    Alarm alarm = fenceIntrusionIn(AlarmState.NEW);

    Refusal refusal = refusal(alarm.acknowledge(LI, 1, LATER, "x".repeat(501)));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("note");
  }

  // ---- two operators, one alarm ----

  @Test
  void twoOperatorsCannotBothTakeTheSameAlarm() {
    Alarm seenByBoth = AlarmFixture.criticalIntrusionAtCoreArea();
    long version = seenByBoth.version();
    Alarm takenByLi = changed(seenByBoth.acknowledge(LI, version, T0.plusSeconds(3), "")).after();

    Refusal refusal = refusal(takenByLi.acknowledge(WANG, version, T0.plusSeconds(4), ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("expected_version");
    assertThat(refusal.reason()).contains("li");
  }

  @Test
  void aStaleVersionIsRefusedEvenForTheAssignee() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ACKNOWLEDGED);

    Refusal refusal = refusal(alarm.dispatch(LI, alarm.version() - 1, PATROL_TO_SOUTH_FENCE, LATER, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(refusal.field()).isEqualTo("expected_version");
  }

  @Test
  void aRepeatedReportMakesAnOperatorsVersionStale() {
    Alarm seen = AlarmFixture.criticalIntrusionAtCoreArea();
    Alarm repeated = seen.repeat(T0.plusSeconds(5), List.of(), "");

    Refusal refusal = refusal(repeated.acknowledge(LI, seen.version(), T0.plusSeconds(6), ""));

    assertThat(refusal.field()).isEqualTo("expected_version");
  }

  @Test
  void anotherOperatorCannotActOnAnAcknowledgedAlarm() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ACKNOWLEDGED);

    Refusal refusal = refusal(alarm.dispatch(WANG, alarm.version(), PATROL_TO_SOUTH_FENCE, LATER, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(refusal.field()).isEqualTo("action");
    assertThat(refusal.reason()).contains("li");
  }

  @Test
  void anotherOperatorCannotForwardSomeoneElsesAlarm() {
    Alarm alarm = fenceIntrusionIn(AlarmState.DISPATCHED);

    Refusal refusal = refusal(alarm.forward(WANG, alarm.version(), List.of("wang"), Duration.ofSeconds(30), LATER,
        ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void aSupervisorMayActOnAnyonesAlarm() {
    Alarm alarm = fenceIntrusionIn(AlarmState.DISPATCHED);

    Outcome.Changed change = changed(alarm.onSite(CHIEF_ZHAO, alarm.version(), LATER, "值班长代为确认"));

    assertThat(change.after().state()).isEqualTo(AlarmState.ON_SITE);
    assertThat(change.transition().by()).isEqualTo("zhao");
    assertThat(change.after().assignee()).contains("li");
  }

  @Test
  void anyOperatorMayActOnAnAlarmTheSystemAcknowledged() {
    Alarm info = AlarmFixture.infoHeartbeatMissing();
    Alarm auto = info.autoAcknowledgeIfDue(Duration.ofMinutes(2), T0.plusSeconds(120)).orElseThrow().after();

    Outcome outcome = auto.resolve(WANG, auto.version(), Verdict.NUISANCE, "网络抖动", LATER, "");

    assertThat(changed(outcome).after().state()).isEqualTo(AlarmState.RESOLVED);
  }

  // ---- repeats ----

  @Test
  void aRepeatCountsTheReportAndKeepsTheLatestObservation() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();

    Alarm repeated = alarm.repeat(T0.plusSeconds(30), List.of(), "again");

    assertThat(repeated.count()).isEqualTo(2);
    assertThat(repeated.lastAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(repeated.detail()).isEqualTo("again");
    assertThat(repeated.firstAt()).isEqualTo(T0);
  }

  @Test
  void anOlderRepeatIsCountedButDoesNotMoveTheLastObservationBack() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea().repeat(T0.plusSeconds(30), List.of(), "");

    Alarm late = alarm.repeat(T0.plusSeconds(10), List.of(), "");

    assertThat(late.count()).isEqualTo(3);
    assertThat(late.lastAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void evidenceKeepsOnlyTheLatestReferences() {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();
    for (int i = 2; i <= Alarm.MAX_EVIDENCE + 3; i++) {
      alarm = alarm.repeat(T0.plusSeconds(i), List.of(new Evidence("snapshot", "snap/" + i + ".jpg",
          java.util.Optional.empty())), "");
    }

    assertThat(alarm.evidence()).hasSize(Alarm.MAX_EVIDENCE);
    assertThat(alarm.evidence().get(Alarm.MAX_EVIDENCE - 1).reference()).isEqualTo("snap/11.jpg");
  }

  @Test
  void aRestoredSnapshotIsTheSameAlarm() {
    Alarm alarm = fenceIntrusionIn(AlarmState.ON_SITE);

    Alarm restored = Alarm.restore(alarm.snapshot());

    assertThat(restored.snapshot()).isEqualTo(alarm.snapshot());
  }
}
