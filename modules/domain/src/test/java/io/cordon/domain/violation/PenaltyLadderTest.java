package io.cordon.domain.violation;

import static io.cordon.domain.violation.ViolationFixture.DRIVER;
import static io.cordon.domain.violation.ViolationFixture.PLATE;
import static io.cordon.domain.violation.ViolationFixture.T0;
import static io.cordon.domain.violation.ViolationFixture.UNIT;
import static io.cordon.domain.violation.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.validation.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PenaltyLadderTest {

  private final PenaltyLadder ladder = PenaltyLadder.defaults();
  private final Instant later = T0.plus(Duration.ofDays(30));

  @Test
  void aFirstFalseDeclarationWarnsThePersonAndReprimandsTheUnit() {
    PenaltyDecision d = ladder.decide(violation("V-1", ViolationKind.FALSE_DECLARATION, T0), List.of(), T0);

    assertThat(d.occurrence()).isEqualTo(1);
    assertThat(d.has(SanctionType.WARNING, SubjectKind.PERSON)).isTrue();
    assertThat(d.has(SanctionType.REPRIMAND, SubjectKind.ENTERPRISE)).isTrue();
    assertThat(d.blacklistEntries()).isEmpty();
  }

  @Test
  void aRepeatedFalseDeclarationBansPersonAndUnitForAWeekAndFinesTheUnit() {
    Violation first = violation("V-1", ViolationKind.FALSE_DECLARATION, T0);

    PenaltyDecision d = ladder.decide(violation("V-2", ViolationKind.FALSE_DECLARATION, later), List.of(first), later);

    assertThat(d.occurrence()).isEqualTo(2);
    assertThat(d.blacklistEntries()).extracting(BlacklistEntry::subject)
        .containsExactly(Subject.person(DRIVER), Subject.enterprise(UNIT));
    assertThat(d.blacklistEntries().get(1).until()).contains(later.plus(Duration.ofDays(7)));
    assertThat(d.sanctions()).anyMatch(s -> s.sanction().fineYuan() == 1000
        && s.subject().equals(Subject.enterprise(UNIT)));
  }

  @Test
  void forcingAGateBlacklistsThePersonForSixMonths() {
    PenaltyDecision d = ladder.decide(violation("V-1", ViolationKind.FORCING_GATE, T0), List.of(), T0);

    assertThat(d.blacklistEntries()).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo(Subject.person(DRIVER));
      assertThat(e.until()).contains(Instant.parse("2027-06-01T00:00:00Z"));
      assertThat(e.violationId()).contains("V-1");
    });
    assertThat(d.sanctions()).anyMatch(s -> s.sanction().fineYuan() == 200)
        .anyMatch(s -> s.sanction().fineYuan() == 2000)
        .anyMatch(s -> s.sanction().type() == SanctionType.SAFETY_EDUCATION);
  }

  @Test
  void parkingAtAGateWarnsThenFinesThenBansTheUnitForThreeDays() {
    Violation p1 = violation("V-1", ViolationKind.ILLEGAL_PARKING_AT_GATE, T0);
    Violation p2 = violation("V-2", ViolationKind.ILLEGAL_PARKING_AT_GATE, T0.plus(Duration.ofDays(1)));
    Violation p3 = violation("V-3", ViolationKind.ILLEGAL_PARKING_AT_GATE, T0.plus(Duration.ofDays(2)));
    List<Violation> all = List.of(p1, p2, p3);

    assertThat(ladder.decide(p1, all, T0).has(SanctionType.WARNING, SubjectKind.PERSON)).isTrue();
    assertThat(ladder.decide(p2, all, T0).sanctions()).singleElement()
        .satisfies(s -> assertThat(s.sanction().fineYuan()).isEqualTo(50));
    PenaltyDecision third = ladder.decide(p3, all, p3.at());
    assertThat(third.occurrence()).isEqualTo(3);
    assertThat(third.blacklistEntries()).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo(Subject.enterprise(UNIT));
      assertThat(e.until()).contains(p3.at().plus(Duration.ofDays(3)));
    });
  }

  @Test
  void damagingFacilitiesMeansCompensationAndA500YuanFine() {
    PenaltyDecision d = ladder.decide(violation("V-1", ViolationKind.DAMAGING_FACILITIES, T0), List.of(), T0);

    assertThat(d.sanctions()).extracting(s -> s.sanction().type())
        .containsExactly(SanctionType.COMPENSATION, SanctionType.FINE);
  }

  @Test
  void aSeriousCaseIsReferredToThePolice() {
    Violation serious = Violation.record("V-1", ViolationKind.FORCING_GATE, T0, Optional.of(DRIVER),
        Optional.of(PLATE), Optional.of(UNIT), Optional.empty(), List.of("video://1"), "撞坏道闸致人受伤", "guard",
        true).orElseThrow();

    assertThat(ladder.decide(serious, List.of(), T0).has(SanctionType.REFER_TO_POLICE, SubjectKind.PERSON)).isTrue();
  }

  @Test
  void violationsOfOtherKindsOtherOffendersOrOlderThanAYearDoNotCount() {
    Violation otherKind = violation("V-1", ViolationKind.ILLEGAL_PARKING_AT_GATE, T0);
    Violation old = violation("V-2", ViolationKind.FALSE_DECLARATION, later.minus(Duration.ofDays(366)));
    Violation otherPerson = Violation.record("V-3", ViolationKind.FALSE_DECLARATION, T0,
        Optional.of(new io.cordon.domain.registry.PersonId("P-2")), Optional.empty(), Optional.of(UNIT),
        Optional.empty(), List.of(), "另一司机", "guard", false).orElseThrow();

    assertThat(ladder.occurrence(violation("V-4", ViolationKind.FALSE_DECLARATION, later),
        List.of(otherKind, old, otherPerson))).isEqualTo(1);
  }

  @Test
  void anOverturnedViolationNoLongerCounts() {
    Violation overturned = violation("V-1", ViolationKind.FALSE_DECLARATION, T0).overturn(T0.plus(Duration.ofDays(5)));

    assertThat(ladder.occurrence(violation("V-2", ViolationKind.FALSE_DECLARATION, later), List.of(overturned)))
        .isEqualTo(1);
  }

  @Test
  void aViolationWithoutOffenderOrDescriptionIsRefused() {
    Result<Violation> r = Violation.record("V-1", ViolationKind.FORCING_GATE, T0, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), " ", "guard", false);

    assertThat(((Result.Refused<Violation>) r).refusal().fields()).containsExactly("person", "description");
  }
}
