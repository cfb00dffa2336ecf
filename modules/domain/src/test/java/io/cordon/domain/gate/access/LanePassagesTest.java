package io.cordon.domain.gate.access;

import static io.cordon.domain.gate.access.Times.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.gate.GateState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanePassagesTest {

  private final LanePassages lane = new LanePassages();

  private static Instant plus(long seconds) {
    return NOW.plusSeconds(seconds);
  }

  @Test
  void aPassageAfterAPassDecisionMatchesIt() {
    lane.armed("D-1", NOW);

    assertThat(lane.passage(plus(4))).isEqualTo(PassageOutcome.matched("D-1"));
  }

  @Test
  void aPassageWithNothingArmedIsForced() {
    assertThat(lane.passage(NOW)).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void aSecondPassageRightAfterTheMatchedOneIsATailgate() {
    lane.armed("D-1", NOW);
    lane.passage(plus(4));

    assertThat(lane.passage(plus(6))).isEqualTo(PassageOutcome.tailgate("D-1"));
  }

  @Test
  void aPassageAtTheEndOfTheTailgateWindowIsStillATailgate() {
    lane.armed("D-1", NOW);
    lane.passage(plus(4));

    assertThat(lane.passage(plus(14)).kind()).isEqualTo(PassageOutcome.Kind.TAILGATE);
  }

  @Test
  void aPassageLongAfterTheMatchedOneIsForced() {
    lane.armed("D-1", NOW);
    lane.passage(plus(4));

    assertThat(lane.passage(plus(15))).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void twoPassDecisionsLetTwoPassagesThroughInOrder() {
    lane.armed("D-1", NOW);
    lane.armed("D-2", plus(1));

    assertThat(lane.passage(plus(3))).isEqualTo(PassageOutcome.matched("D-1"));
    assertThat(lane.passage(plus(5))).isEqualTo(PassageOutcome.matched("D-2"));
  }

  @Test
  void anArmLivesJustUnderThirtySecondsByDefault() {
    lane.armed("D-1", NOW);

    assertThat(lane.pending(plus(29))).isEqualTo(1);
    assertThat(lane.passage(plus(30))).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void anUnusedArmIsForgottenSoTheNextHolderCannotUseIt() {
    lane.armed("D-1", NOW);

    assertThat(lane.pending(plus(31))).isZero();
  }

  @Test
  void theArmAndTailgateTimesAreConfigurable() {
    LanePassages quick = new LanePassages(Duration.ofSeconds(5), Duration.ofSeconds(2));
    quick.armed("D-1", NOW);
    quick.armed("D-2", NOW.plusSeconds(4));

    assertThat(quick.passage(NOW.plusSeconds(6))).isEqualTo(PassageOutcome.matched("D-2"));
    assertThat(quick.passage(NOW.plusSeconds(9))).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void aPassageThroughTheClosedBarrierIsForcedEvenWhenArmed() {
    lane.armed("D-1", NOW);
    lane.barrier(GateState.CLOSED);

    assertThat(lane.passage(plus(2))).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void theArmSurvivesAForcedPassageThroughTheClosedBarrier() {
    lane.armed("D-1", NOW);

    lane.passage(plus(2), GateState.CLOSED);

    assertThat(lane.passage(plus(5), GateState.OPEN)).isEqualTo(PassageOutcome.matched("D-1"));
  }

  @Test
  void anOpenOrUnreportedBarrierDoesNotMakeAPassageForced() {
    lane.armed("D-1", NOW);
    lane.armed("D-2", NOW);

    assertThat(lane.passage(plus(1), GateState.OPEN).kind()).isEqualTo(PassageOutcome.Kind.MATCHED);
    assertThat(lane.passage(plus(2), GateState.UNKNOWN).kind()).isEqualTo(PassageOutcome.Kind.MATCHED);
  }

  @Test
  void aCancelledArmLetsNothingThrough() {
    lane.armed("D-1", NOW);

    assertThat(lane.cancel("D-1")).isTrue();
    assertThat(lane.passage(plus(1))).isEqualTo(PassageOutcome.forced());
  }

  @Test
  void forcedAndTailgatePassagesRaiseAlarmsAndMatchedOnesDoNot() {
    assertThat(PassageOutcome.forced().alarming()).isTrue();
    assertThat(PassageOutcome.tailgate("D-1").alarming()).isTrue();
    assertThat(PassageOutcome.matched("D-1").alarming()).isFalse();
  }
}
