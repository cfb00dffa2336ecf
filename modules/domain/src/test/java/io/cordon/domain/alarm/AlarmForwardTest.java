package io.cordon.domain.alarm;

import static io.cordon.domain.alarm.AlarmFixture.LI;
import static io.cordon.domain.alarm.AlarmFixture.T0;
import static io.cordon.domain.alarm.AlarmFixture.changed;
import static io.cordon.domain.alarm.AlarmFixture.fenceIntrusionIn;
import static io.cordon.domain.alarm.AlarmFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarding an alarm to another operator, or in turn along a chain of recipients. */
class AlarmForwardTest {

  private static final Instant AT = T0.plusSeconds(60);
  private static final Duration DELAY = Duration.ofSeconds(30);

  private final Alarm mine = fenceIntrusionIn(AlarmState.ACKNOWLEDGED);
  private final Alarm offered = changed(mine.forward(LI, mine.version(), List.of("wang", "chen", "sun"), DELAY, AT,
      "交接班")).after();

  @Test
  void forwardingHandsTheAlarmBackAsNewOfferedToTheFirstRecipient() {
    assertThat(offered.state()).isEqualTo(AlarmState.NEW);
    assertThat(offered.assignee()).isEmpty();
    assertThat(offered.forwardTo()).containsExactly("wang", "chen", "sun");
    assertThat(offered.forwardDue()).contains(AT.plus(DELAY));
  }

  @Test
  void theOfferStaysWithTheFirstRecipientUntilTheDelayLapses() {
    assertThat(offered.advanceForwardIfDue(AT.plus(DELAY).minusSeconds(1))).isEmpty();
  }

  @Test
  void aLapsedOfferPassesToTheNextRecipient() {
    Outcome.Changed change = offered.advanceForwardIfDue(AT.plus(DELAY)).orElseThrow();

    assertThat(change.after().forwardTo()).containsExactly("chen", "sun");
    assertThat(change.after().forwardDue()).contains(AT.plus(DELAY).plus(DELAY));
    assertThat(change.transition().by()).isEqualTo(Transition.SYSTEM);
    assertThat(change.transition().note()).contains("wang", "chen");
  }

  @Test
  void theLastRecipientKeepsTheOffer() {
    Alarm atChen = offered.advanceForwardIfDue(AT.plus(DELAY)).orElseThrow().after();
    Alarm atSun = atChen.advanceForwardIfDue(AT.plus(DELAY.multipliedBy(2))).orElseThrow().after();

    assertThat(atSun.forwardTo()).containsExactly("sun");
    assertThat(atSun.advanceForwardIfDue(AT.plus(DELAY.multipliedBy(10)))).isEmpty();
  }

  @Test
  void acknowledgingStopsTheChain() {
    Alarm taken = changed(offered.acknowledge(Actor.operator("wang"), offered.version(), AT.plusSeconds(5), ""))
        .after();

    assertThat(taken.assignee()).contains("wang");
    assertThat(taken.forwardTo()).isEmpty();
    assertThat(taken.advanceForwardIfDue(AT.plus(DELAY.multipliedBy(5)))).isEmpty();
  }

  @Test
  void anInfoAlarmAcknowledgedByTheSystemIsNoLongerOfferedAlongItsChain() {
    Alarm info = AlarmFixture.infoHeartbeatMissing();
    Alarm forwarded = changed(info.forward(LI, info.version(), List.of("wang", "chen"), DELAY, T0.plusSeconds(10), ""))
        .after();

    Alarm auto = forwarded.autoAcknowledgeIfDue(Duration.ofMinutes(2), T0.plusSeconds(120)).orElseThrow().after();

    assertThat(auto.forwardTo()).isEmpty();
    assertThat(auto.forwardDue()).isEmpty();
  }

  @Test
  void forwardingToNobodyIsRefusedNamingTheRecipientsField() {
    Refusal refusal = refusal(mine.forward(LI, mine.version(), List.of(), DELAY, AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("forward.to");
  }

  @Test
  void forwardingToMoreThanFiveIsRefused() {
    Refusal refusal = refusal(mine.forward(LI, mine.version(), List.of("a", "b", "c", "d", "e", "f"), DELAY, AT, ""));

    assertThat(refusal.field()).isEqualTo("forward.to");
  }

  @Test
  void aDelayShorterThanTenSecondsIsRefusedNamingTheDelayField() {
    Refusal refusal = refusal(mine.forward(LI, mine.version(), List.of("wang"), Duration.ofSeconds(9), AT, ""));

    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("forward.delay_seconds");
  }
}
