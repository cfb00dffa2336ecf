package io.cordon.domain.violation;

import static io.cordon.domain.violation.SanctionType.BAN;
import static io.cordon.domain.violation.SanctionType.COMPENSATION;
import static io.cordon.domain.violation.SanctionType.ORDER_TO_LEAVE;
import static io.cordon.domain.violation.SanctionType.REFER_TO_POLICE;
import static io.cordon.domain.violation.SanctionType.REPRIMAND;
import static io.cordon.domain.violation.SanctionType.SAFETY_EDUCATION;
import static io.cordon.domain.violation.SanctionType.WARNING;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 违规处理办法 as configurable rules. For a violation it counts the offender's earlier violations of the
 * same kind within {@code lookBack} (overturned ones do not count), picks the rule for that
 * occurrence, adds the kind's {@code whenSerious} sanctions for a serious case, applies each sanction
 * to the violation's subject it targets (skipping subjects the record does not name) and turns bans
 * into blacklist entries running from the decision for the ban's period in the park's time zone.
 */
public record PenaltyLadder(List<PenaltyRule> rules, Map<ViolationKind, List<Sanction>> whenSerious,
    Duration lookBack, ZoneId zone) {

  public PenaltyLadder {
    rules = List.copyOf(rules);
    whenSerious = Map.copyOf(whenSerious);
    Objects.requireNonNull(lookBack, "lookBack");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * The proposal's rules (000 §2.2): false declaration — first a warning to the person and a
   * reprimand to the unit, then a one-week ban of the person and the unit and a 1000 yuan fine to
   * the unit; forcing a gate — 200 yuan and six months on the blacklist for the person, 2000 yuan and
   * safety education for the unit; parking at a gate — first a warning and an order to leave, then
   * 50 yuan, from the third time a three-day ban of the unit; damaging facilities — compensation and
   * 500 yuan. Serious false declarations, gate forcing and damage go to the police. The proposal
   * names no look-back for "again": we count the last 365 days.
   */
  public static PenaltyLadder defaults() {
    List<PenaltyRule> rules = List.of(
        new PenaltyRule(ViolationKind.FALSE_DECLARATION, 1, List.of(
            Sanction.of(WARNING, Target.PERSON), Sanction.of(REPRIMAND, Target.ENTERPRISE))),
        new PenaltyRule(ViolationKind.FALSE_DECLARATION, 2, List.of(
            Sanction.ban(Target.PERSON, java.time.Period.ofWeeks(1)),
            Sanction.ban(Target.ENTERPRISE, java.time.Period.ofWeeks(1)),
            Sanction.fine(Target.ENTERPRISE, 1000))),
        new PenaltyRule(ViolationKind.FORCING_GATE, 1, List.of(
            Sanction.fine(Target.PERSON, 200), Sanction.ban(Target.PERSON, java.time.Period.ofMonths(6)),
            Sanction.fine(Target.ENTERPRISE, 2000), Sanction.of(SAFETY_EDUCATION, Target.ENTERPRISE))),
        new PenaltyRule(ViolationKind.ILLEGAL_PARKING_AT_GATE, 1, List.of(
            Sanction.of(WARNING, Target.OFFENDER), Sanction.of(ORDER_TO_LEAVE, Target.OFFENDER))),
        new PenaltyRule(ViolationKind.ILLEGAL_PARKING_AT_GATE, 2, List.of(Sanction.fine(Target.OFFENDER, 50))),
        new PenaltyRule(ViolationKind.ILLEGAL_PARKING_AT_GATE, 3, List.of(
            Sanction.ban(Target.ENTERPRISE, java.time.Period.ofDays(3)))),
        new PenaltyRule(ViolationKind.DAMAGING_FACILITIES, 1, List.of(
            Sanction.of(COMPENSATION, Target.OFFENDER), Sanction.fine(Target.OFFENDER, 500))));
    List<Sanction> police = List.of(Sanction.of(REFER_TO_POLICE, Target.OFFENDER));
    return new PenaltyLadder(rules, Map.of(ViolationKind.FALSE_DECLARATION, police,
        ViolationKind.FORCING_GATE, police, ViolationKind.DAMAGING_FACILITIES, police),
        Duration.ofDays(365), ZoneId.of("Asia/Shanghai"));
  }

  /** Which time this is for the violation's offender: 1 for a first offence. */
  public int occurrence(Violation violation, List<Violation> history) {
    Subject offender = violation.offender();
    Instant since = violation.at().minus(lookBack);
    long earlier = history.stream()
        .filter(h -> !h.id().equals(violation.id()) && h.kind() == violation.kind() && !h.overturned())
        .filter(h -> h.at().isBefore(violation.at()) && !h.at().isBefore(since))
        .filter(h -> h.subject(offender.kind()).map(offender::equals).orElse(false))
        .count();
    return (int) earlier + 1;
  }

  /** Decides the penalty for the violation given the history of earlier violations (any order, any offenders). */
  public PenaltyDecision decide(Violation violation, List<Violation> history, Instant decidedAt) {
    int occurrence = occurrence(violation, history);
    Optional<PenaltyRule> rule = rules.stream()
        .filter(r -> r.kind() == violation.kind() && r.fromOccurrence() <= occurrence)
        .max(Comparator.comparingInt(PenaltyRule::fromOccurrence));
    List<Sanction> sanctions = new ArrayList<>(rule.map(PenaltyRule::sanctions).orElse(List.of()));
    if (violation.serious()) {
      sanctions.addAll(whenSerious.getOrDefault(violation.kind(), List.of()));
    }
    List<AppliedSanction> applied = new ArrayList<>();
    List<BlacklistEntry> entries = new ArrayList<>();
    for (Sanction s : sanctions) {
      Optional<Subject> subject = subjectOf(violation, s.target());
      if (subject.isEmpty()) {
        continue;
      }
      applied.add(new AppliedSanction(s, subject.get()));
      if (s.type() == BAN) {
        Instant until = decidedAt.atZone(zone).plus(s.banFor()).toInstant();
        entries.add(new BlacklistEntry(violation.id() + "/" + (entries.size() + 1), subject.get(),
            reason(violation, occurrence), decidedAt, Optional.of(until), Optional.of(violation.id()),
            Optional.empty()));
      }
    }
    return new PenaltyDecision(violation.id(), occurrence, applied, entries, decidedAt);
  }

  private static Optional<Subject> subjectOf(Violation v, Target target) {
    switch (target) {
      case PERSON:
        return v.subject(SubjectKind.PERSON);
      case VEHICLE:
        return v.subject(SubjectKind.VEHICLE);
      case ENTERPRISE:
        return v.subject(SubjectKind.ENTERPRISE);
      default:
        return Optional.of(v.offender());
    }
  }

  private static String reason(Violation v, int occurrence) {
    return v.kind().name().toLowerCase().replace('_', ' ') + " #" + occurrence + " (violation " + v.id() + ")";
  }
}
