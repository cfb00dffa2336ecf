package io.cordon.domain.violation;

import static io.cordon.domain.violation.ViolationFixture.DRIVER;
import static io.cordon.domain.violation.ViolationFixture.T0;
import static io.cordon.domain.violation.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlacklistAndAppealTest {

  private final Violation forcing = violation("V-1", ViolationKind.FORCING_GATE, T0);
  private final PenaltyDecision decision = PenaltyLadder.defaults().decide(forcing, List.of(), T0);
  private final BlacklistEntry entry = decision.blacklistEntries().get(0);

  @Test
  void anEntryExpiresByItself() {
    Instant until = entry.until().orElseThrow();

    assertThat(entry.activeAt(until.minusSeconds(1))).isTrue();
    assertThat(entry.activeAt(until)).isFalse();
    assertThat(entry.expiredAt(until)).isTrue();
    assertThat(new Blacklist(List.of(entry)).activeAt(until)).isEmpty();
  }

  @Test
  void anEntryCountsForAWindowItOverlaps() {
    Instant until = entry.until().orElseThrow();

    assertThat(entry.activeDuring(TimeWindow.of(until.minusSeconds(60), Duration.ofHours(1)))).isTrue();
    assertThat(entry.activeDuring(TimeWindow.of(until, Duration.ofHours(1)))).isFalse();
  }

  @Test
  void anIndefiniteEntryLastsUntilLifted() {
    BlacklistEntry manual = BlacklistEntry.manual("BL-9", Subject.person(DRIVER), "公安通报", T0, Optional.empty());
    BlacklistEntry lifted = manual.lift("admin", T0.plus(Duration.ofDays(400)), "撤销").orElseThrow();

    assertThat(manual.activeAt(T0.plus(Duration.ofDays(3650)))).isTrue();
    assertThat(lifted.activeAt(T0.plus(Duration.ofDays(400)))).isFalse();
    assertThat(lifted.activeAt(T0.plus(Duration.ofDays(399)))).isTrue();
  }

  @Test
  void aGrantedAppealOverturnsTheViolationAndLiftsItsEntries() {
    Instant filed = T0.plus(Duration.ofDays(3));
    Appeal appeal = Appeal.file("AP-1", decision, Subject.person(DRIVER), "道闸故障，并非闯卡", filed,
        Appeal.DEFAULT_APPEAL_PERIOD).orElseThrow();
    BlacklistEntry unrelated = BlacklistEntry.manual("BL-9", Subject.person(DRIVER), "other", T0, Optional.empty());

    Appeal.Granted granted = appeal.grant("chief", filed.plus(Duration.ofDays(2)), "视频显示道闸故障", forcing,
        List.of(entry, unrelated)).orElseThrow();

    assertThat(granted.appeal().state()).isEqualTo(AppealState.GRANTED);
    assertThat(granted.violation().overturned()).isTrue();
    assertThat(granted.lifted()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo(entry.id());
      assertThat(e.activeAt(filed.plus(Duration.ofDays(2)))).isFalse();
    });
  }

  @Test
  void aDismissedAppealLeavesTheDecisionStanding() {
    Appeal appeal = Appeal.file("AP-1", decision, Subject.person(DRIVER), "理由", T0, Appeal.DEFAULT_APPEAL_PERIOD)
        .orElseThrow();

    Appeal dismissed = appeal.dismiss("chief", T0.plus(Duration.ofDays(1)), "维持原处理决定", forcing).orElseThrow();

    assertThat(dismissed.state()).isEqualTo(AppealState.DISMISSED);
    assertThat(((Result.Refused<Appeal>) dismissed.dismiss("chief", T0, "again", forcing)).refusal().kind())
        .isEqualTo(Refusal.Kind.CONFLICT);
  }

  @Test
  void anAppealAfterTheAppealPeriodIsRefused() {
    Result<Appeal> late = Appeal.file("AP-1", decision, Subject.person(DRIVER), "理由", T0.plus(Duration.ofDays(16)),
        Appeal.DEFAULT_APPEAL_PERIOD);

    assertThat(((Result.Refused<Appeal>) late).refusal().fields()).containsExactly("filedAt");
  }

  @Test
  void onlySomeoneTheDecisionSanctionedMayAppeal() {
    Result<Appeal> r = Appeal.file("AP-1", decision, Subject.person(new io.cordon.domain.registry.PersonId("P-X")),
        "理由", T0, Appeal.DEFAULT_APPEAL_PERIOD);

    assertThat(((Result.Refused<Appeal>) r).refusal().kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }
}
