package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.PATROL_TO_SOUTH_FENCE;
import static io.cordon.domain.alarm.AlarmFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever operators try, in whatever order, the alarm only moves along the lifecycle's edges. */
class AlarmLifecyclePropertyTest {

  enum Action { ACKNOWLEDGE, DISPATCH, ON_SITE, RESOLVE, CLOSE, FORWARD, ANSWER, SKIP }

  record Attempt(Action action, Actor actor, boolean stale) {
  }

  private static final List<Actor> ACTORS = List.of(AlarmFixture.LI, AlarmFixture.WANG, AlarmFixture.CHIEF_ZHAO);

  /** For each action, the states it may start from and the state it leads to (null = stays). */
  private static final Map<Action, Set<AlarmState>> FROM = Map.of(
      Action.ACKNOWLEDGE, Set.of(AlarmState.NEW),
      Action.DISPATCH, Set.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE),
      Action.ON_SITE, Set.of(AlarmState.DISPATCHED),
      Action.RESOLVE, Set.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE),
      Action.CLOSE, Set.of(AlarmState.RESOLVED),
      Action.FORWARD, Set.of(AlarmState.NEW, AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE),
      Action.ANSWER, Set.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE),
      Action.SKIP, Set.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE));

  @Provide
  Arbitrary<List<Attempt>> attempts() {
    Arbitrary<Attempt> one = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.of(ACTORS),
        Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Attempt::new);
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 500)
  void everyAcceptedCommandFollowsALegalEdgeAndEveryStaleOneIsRefused(@ForAll("attempts") List<Attempt> attempts) {
    Alarm alarm = AlarmFixture.criticalIntrusionAtCoreArea();
    Instant at = T0;
    for (Attempt attempt : attempts) {
      at = at.plusSeconds(5);
      Outcome outcome = issue(alarm, attempt, at);
      if (attempt.stale()) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
            r -> assertThat(r.refusal().field()).isEqualTo("expected_version"));
      }
      if (outcome instanceof Outcome.Changed changed) {
        assertLegal(alarm, attempt, changed);
        alarm = changed.after();
      }
      assertThat(alarm.assignee().isPresent()).as("assignee in %s", alarm.state())
          .isEqualTo(alarm.state() != AlarmState.NEW);
    }
  }

  private static void assertLegal(Alarm before, Attempt attempt, Outcome.Changed changed) {
    Alarm after = changed.after();
    assertThat(FROM.get(attempt.action())).as("%s from %s", attempt.action(), before.state())
        .contains(before.state());
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.history()).hasSize(before.history().size() + 1).last().isEqualTo(changed.transition());
    assertThat(changed.transition().from()).isEqualTo(before.state());
    assertThat(changed.transition().to()).isEqualTo(after.state());
    boolean someoneElses = before.assignee().isPresent() && !before.assignee().get().equals(attempt.actor().name());
    assertThat(someoneElses && !attempt.actor().supervisor()).as("%s acted on %s's alarm", attempt.actor().name(),
        before.assignee().orElse("")).isFalse();
  }

  private static Outcome issue(Alarm alarm, Attempt attempt, Instant at) {
    long version = attempt.stale() ? alarm.version() - 1 : alarm.version();
    Actor by = attempt.actor();
    String step = alarm.sop().currentStep().map(Sop.SopStep::id).orElse("none");
    switch (attempt.action()) {
      case ACKNOWLEDGE:
        return alarm.acknowledge(by, version, at, "");
      case DISPATCH:
        return alarm.dispatch(by, version, PATROL_TO_SOUTH_FENCE, at, "");
      case ON_SITE:
        return alarm.onSite(by, version, at, "");
      case RESOLVE:
        return alarm.resolve(by, version, Verdict.TRUE_ALARM, "已处置", at, "");
      case CLOSE:
        return alarm.close(by, version, at, "");
      case FORWARD:
        return alarm.forward(by, version, List.of("wang", "chen"), Duration.ofSeconds(30), at, "");
      case ANSWER:
        String answer = alarm.sop().currentStep().filter(Sop.SopStep::isQuestion)
            .map(s -> s.options().get(at.getEpochSecond() % 2 == 0 ? 0 : s.options().size() - 1).answerId())
            .orElse(Sop.SopStep.DONE);
        return alarm.answerStep(by, version, step, answer, at, "");
      default:
        return alarm.skipStep(by, version, step, "现场条件不允许", at);
    }
  }
}
