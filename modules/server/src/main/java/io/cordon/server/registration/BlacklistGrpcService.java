package io.cordon.server.registration;

import io.cordon.api.v1.AddToBlacklistRequest;
import io.cordon.api.v1.AppealList;
import io.cordon.api.v1.BlacklistEntryList;
import io.cordon.api.v1.BlacklistServiceGrpc;
import io.cordon.api.v1.DecideAppealRequest;
import io.cordon.api.v1.FileAppealRequest;
import io.cordon.api.v1.LiftRequest;
import io.cordon.api.v1.ListAppealsRequest;
import io.cordon.api.v1.ListBlacklistRequest;
import io.cordon.api.v1.ListViolationsRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.ViolationList;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.Appeal;
import io.cordon.domain.violation.AppliedSanction;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.PenaltyDecision;
import io.cordon.domain.violation.Sanction;
import io.cordon.domain.violation.SanctionType;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import io.cordon.domain.violation.Target;
import io.cordon.domain.violation.Violation;
import io.cordon.domain.violation.ViolationKind;
import io.cordon.server.event.JournalAppend;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code BlacklistService}: violations with their evidence decided by the penalty ladder (bans become
 * blacklist entries), manual entries, lifting, and appeals. Each decision and the entries it
 * creates or lifts commit in one transaction with their events.
 */
public final class BlacklistGrpcService extends BlacklistServiceGrpc.BlacklistServiceImplBase {

  private final RegistrationStore store;
  private final RegistrationSettings settings;
  private final Park park;
  private final Clock clock;

  BlacklistGrpcService(RegistrationStore store, RegistrationSettings settings, Park park, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.park = park;
    this.clock = clock;
  }

  @Override
  public void recordViolation(RecordViolationRequest request, StreamObserver<io.cordon.api.v1.Violation> observer) {
    Rpc.answer(observer, "RecordViolation", () -> {
      Caller caller = caller();
      String key = Rpc.key("violation", caller, request.getRequestId());
      Optional<String> earlier = store.recordedSubject(key, "violation");
      if (earlier.isPresent()) {
        return store.violation(earlier.get()).orElseThrow();
      }
      Instant now = clock.instant();
      FieldViolations v = new FieldViolations().checkOptionalText("description", request.getDescription(), 1000)
          .checkOptionalText("person_id", request.getPersonId(), 20)
          .checkOptionalText("enterprise_id", request.getEnterpriseId(), 40)
          .checkOptionalText("gate_id", request.getGateId(), 20);
      Optional<ViolationKind> kind = RegistrationProtos.fromProto(request.getKind(), "VIOLATION_KIND_",
          ViolationKind.class);
      if (kind.isEmpty()) {
        v.add("kind", "is required");
      }
      if (!request.hasAt()) {
        v.add("at", "is required: when it happened");
      } else if (RegistrationProtos.instant(request.getAt()).isAfter(now.plus(Duration.ofMinutes(5)))) {
        v.add("at", "is in the future");
      }
      for (int i = 0; i < request.getEvidenceCount(); i++) {
        v.checkText("evidence[" + i + "]", request.getEvidence(i), 1, 512);
      }
      Optional<Plate> plate = Optional.empty();
      if (!request.getPlate().isBlank()) {
        try {
          plate = Optional.of(Plate.parse(request.getPlate()));
        } catch (IllegalArgumentException e) {
          v.add("plate", e.getMessage());
        }
      }
      if (!request.getGateId().isBlank() && park.gate(new GateId(request.getGateId())).isEmpty()) {
        v.add("gate_id", "is not a gate of the park");
      }
      Applications.require(v);
      Optional<RegistryPerson> person = Optional.empty();
      if (!request.getPersonId().isBlank()) {
        person = store.person(request.getPersonId().strip());
        if (person.isEmpty()) {
          throw RegistrationException.notFound("person_id", "a registered person");
        }
      }
      Optional<RegistryVehicle> vehicle = plate.flatMap(p -> store.vehicle(p.value()));
      Optional<String> unit = !request.getEnterpriseId().isBlank() ? Optional.of(request.getEnterpriseId().strip())
          : person.map(RegistryPerson::getEnterpriseId).filter(e -> !e.isEmpty())
              .or(() -> vehicle.map(RegistryVehicle::getOwnerId));
      if (!request.getEnterpriseId().isBlank() && store.enterprise(unit.get()).isEmpty()) {
        throw RegistrationException.notFound("enterprise_id", "a registered enterprise");
      }
      String id = store.nextId("V");
      Result<Violation> recorded = Violation.record(id, kind.get(), RegistrationProtos.instant(request.getAt()),
          person.map(p -> new PersonId(p.getPersonId())), plate, unit.map(EnterpriseId::new),
          request.getGateId().isBlank() ? Optional.empty() : Optional.of(new GateId(request.getGateId())),
          request.getEvidenceList(), request.getDescription(), caller.name(), request.getSerious());
      if (recorded instanceof Result.Refused<Violation> refused) {
        throw RegistrationException.of(refused.refusal(), f -> f.equals("person") ? "person_id"
            : RegistrationProtos.snake(f));
      }
      Violation violation = recorded.orElseThrow();
      List<Violation> history = store.violationsNaming(violation.person().map(PersonId::value),
          violation.vehicle().map(Plate::value), violation.enterprise().map(EnterpriseId::value));
      PenaltyDecision decision = settings.ladder().decide(violation, history, now);
      io.cordon.api.v1.Violation saved = RegistrationProtos.toProto(violation, decision.occurrence(),
          decision.sanctions(), decision.blacklistEntries().stream().map(BlacklistEntry::id).toList()).toBuilder()
          .setDecidedAt(RegistrationProtos.ts(decision.decidedAt())).build();
      List<JournalAppend> appends = new ArrayList<>();
      appends.add(JournalAppend.once(key, RegistrationEvents.violation("violation.recorded", violation,
          decision.occurrence(), sanctions(decision.sanctions()), caller.name(), now)));
      decision.blacklistEntries().forEach(e -> appends.add(JournalAppend.of(
          RegistrationEvents.blacklist("blacklist.added", e, caller.name(), now))));
      store.commit(appends, (session, appended) -> {
        if (appended.get(0).isNew()) {
          RegistrationStore.saveViolation(session, saved);
          decision.blacklistEntries().forEach(e -> RegistrationStore.saveEntry(session, e, now));
        }
      });
      return saved;
    });
  }

  @Override
  public void listViolations(ListViolationsRequest request, StreamObserver<ViolationList> observer) {
    Rpc.answer(observer, "ListViolations", () -> {
      Optional<Subject> subject = optionalSubject(request.hasSubject(), request.getSubject());
      int limit = request.getLimit() == 0 ? 100 : Math.min(500, request.getLimit());
      return ViolationList.newBuilder().addAllViolations(store.violations(subject, limit)).build();
    });
  }

  @Override
  public void listBlacklist(ListBlacklistRequest request, StreamObserver<BlacklistEntryList> observer) {
    Rpc.answer(observer, "ListBlacklist", () -> {
      Optional<Subject> subject = optionalSubject(request.hasSubject(), request.getSubject());
      int limit = request.getLimit() == 0 ? 200 : Math.min(1000, request.getLimit());
      Instant now = clock.instant();
      List<BlacklistEntry> entries = subject.isPresent()
          ? store.entriesFor(subject.get()).stream().filter(e -> request.getIncludeInactive() || e.activeAt(now))
              .limit(limit).toList()
          : store.entries(now, request.getIncludeInactive(), limit);
      return BlacklistEntryList.newBuilder().addAllEntries(entries.stream()
          .map(e -> RegistrationProtos.toProto(e, now)).toList()).build();
    });
  }

  @Override
  public void addToBlacklist(AddToBlacklistRequest request, StreamObserver<io.cordon.api.v1.BlacklistEntry> observer) {
    Rpc.answer(observer, "AddToBlacklist", () -> {
      Caller caller = caller();
      String key = Rpc.key("blacklist", caller, request.getRequestId());
      Optional<String> earlier = store.recordedSubject(key, "blacklist");
      Instant now = clock.instant();
      if (earlier.isPresent()) {
        return RegistrationProtos.toProto(store.entry(earlier.get()).orElseThrow(), now);
      }
      Applications.require(new FieldViolations().checkText("reason", request.getReason().strip(), 2, 500));
      Subject subject = subject("subject", request.hasSubject(), request.getSubject());
      Optional<Instant> until = request.hasUntil() ? Optional.of(RegistrationProtos.instant(request.getUntil()))
          : Optional.empty();
      if (until.isPresent() && !until.get().isAfter(now)) {
        throw RegistrationException.invalid("until", "must be in the future");
      }
      BlacklistEntry entry = BlacklistEntry.manual(store.nextId("BL"), subject, request.getReason().strip(), now, until);
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.blacklist("blacklist.added", entry, caller.name(),
          now))), (session, appended) -> {
            if (appended.get(0).isNew()) {
              RegistrationStore.saveEntry(session, entry, now);
            }
          });
      return RegistrationProtos.toProto(entry, now);
    });
  }

  @Override
  public void liftBlacklistEntry(LiftRequest request, StreamObserver<io.cordon.api.v1.BlacklistEntry> observer) {
    Rpc.answer(observer, "LiftBlacklistEntry", () -> {
      Caller caller = caller();
      String key = Rpc.key("lift", caller, request.getRequestId());
      Applications.require(new FieldViolations().checkText("reason", request.getReason().strip(), 2, 500)
          .checkText("entry_id", request.getEntryId(), 1, 40));
      Instant now = clock.instant();
      BlacklistEntry entry = store.entry(request.getEntryId())
          .orElseThrow(() -> RegistrationException.notFound("entry_id", "a blacklist entry"));
      if (store.wasProcessed(key)) {
        return RegistrationProtos.toProto(entry, now);
      }
      Result<BlacklistEntry> lifted = entry.lift(caller.name(), now, request.getReason());
      if (lifted instanceof Result.Refused<BlacklistEntry> refused) {
        throw RegistrationException.of(refused.refusal(), RegistrationProtos::snake);
      }
      BlacklistEntry after = lifted.orElseThrow();
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.blacklist("blacklist.lifted", after,
          caller.name(), now))), (session, appended) -> {
            if (appended.get(0).isNew()) {
              RegistrationStore.saveEntry(session, after, now);
            }
          });
      return RegistrationProtos.toProto(after, now);
    });
  }

  @Override
  public void fileAppeal(FileAppealRequest request, StreamObserver<io.cordon.api.v1.Appeal> observer) {
    Rpc.answer(observer, "FileAppeal", () -> {
      Caller caller = caller();
      String key = Rpc.key("appeal", caller, request.getRequestId());
      Optional<String> earlier = store.recordedSubject(key, "appeal");
      if (earlier.isPresent()) {
        return RegistrationProtos.toProto(store.appeal(earlier.get()).orElseThrow());
      }
      Applications.require(new FieldViolations().checkText("grounds", request.getGrounds().strip(), 1, 2000)
          .checkText("violation_id", request.getViolationId(), 1, 20));
      io.cordon.api.v1.Violation stored = store.violation(request.getViolationId())
          .orElseThrow(() -> RegistrationException.notFound("violation_id", "a violation"));
      Subject appellant = subject("appellant", request.hasAppellant(), request.getAppellant());
      if (!caller.staff() && !concerns(caller, appellant)) {
        throw RegistrationException.denied("an applicant appeals for its own enterprise, people and vehicles only");
      }
      Instant now = clock.instant();
      Result<Appeal> filed = Appeal.file(store.nextId("AP"), decision(stored), appellant, request.getGrounds(), now,
          settings.appealPeriod());
      if (filed instanceof Result.Refused<Appeal> refused) {
        throw RegistrationException.of(refused.refusal(), f -> f.equals("filedAt") ? "violation_id"
            : RegistrationProtos.snake(f));
      }
      Appeal appeal = filed.orElseThrow();
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.appeal("appeal.filed", appeal, caller.name(),
          now))), (session, appended) -> {
            if (appended.get(0).isNew()) {
              RegistrationStore.saveAppeal(session, appeal, null);
            }
          });
      return RegistrationProtos.toProto(appeal);
    });
  }

  @Override
  public void decideAppeal(DecideAppealRequest request, StreamObserver<io.cordon.api.v1.Appeal> observer) {
    Rpc.answer(observer, "DecideAppeal", () -> {
      Caller caller = caller();
      String key = Rpc.key("appeal-decision", caller, request.getRequestId());
      Applications.require(new FieldViolations().checkText("note", request.getNote().strip(), 1, 500)
          .checkText("appeal_id", request.getAppealId(), 1, 20));
      Appeal appeal = store.appeal(request.getAppealId())
          .orElseThrow(() -> RegistrationException.notFound("appeal_id", "an appeal"));
      if (store.wasProcessed(key)) {
        return RegistrationProtos.toProto(appeal);
      }
      io.cordon.api.v1.Violation storedViolation = store.violation(appeal.violationId()).orElseThrow();
      Violation violation = RegistrationProtos.violation(storedViolation);
      Instant now = clock.instant();
      List<JournalAppend> appends = new ArrayList<>();
      Appeal decided;
      List<BlacklistEntry> lifted = List.of();
      Optional<io.cordon.api.v1.Violation> overturned = Optional.empty();
      if (request.getGrant()) {
        Result<Appeal.Granted> r = appeal.grant(caller.name(), now, request.getNote(), violation,
            store.entriesOfViolation(violation.id()));
        if (r instanceof Result.Refused<Appeal.Granted> refused) {
          throw RegistrationException.of(refused.refusal(), RegistrationProtos::snake);
        }
        Appeal.Granted g = r.orElseThrow();
        decided = g.appeal();
        lifted = g.lifted();
        overturned = Optional.of(storedViolation.toBuilder()
            .setOverturnedAt(RegistrationProtos.ts(g.violation().overturnedAt().orElseThrow())).build());
        appends.add(JournalAppend.once(key, RegistrationEvents.appeal("appeal.granted", decided, caller.name(), now)));
        appends.add(JournalAppend.of(RegistrationEvents.violation("violation.overturned", g.violation(),
            storedViolation.getOccurrence(), "", caller.name(), now)));
        for (BlacklistEntry e : lifted) {
          appends.add(JournalAppend.of(RegistrationEvents.blacklist("blacklist.lifted", e, caller.name(), now)));
        }
      } else {
        Result<Appeal> r = appeal.dismiss(caller.name(), now, request.getNote(), violation);
        if (r instanceof Result.Refused<Appeal> refused) {
          throw RegistrationException.of(refused.refusal(), RegistrationProtos::snake);
        }
        decided = r.orElseThrow();
        appends.add(JournalAppend.once(key, RegistrationEvents.appeal("appeal.dismissed", decided, caller.name(), now)));
      }
      Appeal result = decided;
      List<BlacklistEntry> toLift = lifted;
      Optional<io.cordon.api.v1.Violation> toOverturn = overturned;
      store.commit(appends, (session, appended) -> {
        if (appended.get(0).isNew()) {
          RegistrationStore.saveAppeal(session, result, appeal.state().name());
          toOverturn.ifPresent(v -> RegistrationStore.saveViolation(session, v));
          toLift.forEach(e -> RegistrationStore.saveEntry(session, e, now));
        }
      });
      return RegistrationProtos.toProto(result);
    });
  }

  @Override
  public void listAppeals(ListAppealsRequest request, StreamObserver<AppealList> observer) {
    Rpc.answer(observer, "ListAppeals", () -> {
      if (!request.getState().isEmpty() && !List.of("FILED", "GRANTED", "DISMISSED").contains(request.getState())) {
        throw RegistrationException.invalid("state", "must be FILED, GRANTED or DISMISSED");
      }
      int limit = request.getLimit() == 0 ? 100 : Math.min(500, request.getLimit());
      return AppealList.newBuilder().addAllAppeals(store.appeals(request.getState(), limit).stream()
          .map(RegistrationProtos::toProto).toList()).build();
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The penalty decision as recorded with the violation (sanctions, entries, decision time). */
  private PenaltyDecision decision(io.cordon.api.v1.Violation v) {
    List<AppliedSanction> sanctions = new ArrayList<>();
    for (io.cordon.api.v1.Sanction s : v.getSanctionsList()) {
      Subject subject = RegistrationProtos.subject(s.getSubject()).orElseThrow();
      Target target = Target.valueOf(subject.kind().name());
      SanctionType type = SanctionType.valueOf(s.getType());
      sanctions.add(new AppliedSanction(new Sanction(type, target, s.getFineYuan(),
          s.getBanFor().isEmpty() ? Period.ZERO : Period.parse(s.getBanFor())), subject));
    }
    List<BlacklistEntry> entries = v.getBlacklistEntryIdsList().stream().map(store::entry).flatMap(Optional::stream)
        .toList();
    Instant decidedAt = v.hasDecidedAt() ? RegistrationProtos.instant(v.getDecidedAt())
        : RegistrationProtos.instant(v.getAt());
    return new PenaltyDecision(v.getViolationId(), v.getOccurrence(), sanctions, entries, decidedAt);
  }

  /** Whether an applicant account may speak for the subject: its enterprise, its people, its vehicles. */
  private boolean concerns(Caller caller, Subject s) {
    switch (s.kind()) {
      case ENTERPRISE:
        return caller.mayRead(new EnterpriseId(s.id()));
      case PERSON:
        return store.person(s.id()).map(p -> !p.getEnterpriseId().isEmpty()
            && caller.mayRead(new EnterpriseId(p.getEnterpriseId()))).orElse(false);
      default:
        return store.vehicle(s.id()).map(v -> caller.mayRead(new EnterpriseId(v.getOwnerId()))).orElse(false);
    }
  }

  private static Subject subject(String field, boolean present, io.cordon.api.v1.BlacklistSubject s) {
    return RegistrationProtos.subject(s).filter(x -> present).orElseThrow(() -> RegistrationException.invalid(field,
        "is required: a kind (PERSON, VEHICLE, ENTERPRISE) and a valid id"));
  }

  private static Optional<Subject> optionalSubject(boolean present, io.cordon.api.v1.BlacklistSubject s) {
    return present ? Optional.of(subject("subject", true, s)) : Optional.empty();
  }

  private static String sanctions(List<AppliedSanction> sanctions) {
    return sanctions.stream().map(s -> s.sanction().type().name().toLowerCase()
        + (s.sanction().fineYuan() > 0 ? " " + s.sanction().fineYuan() + " yuan" : "")
        + (s.sanction().banFor().isZero() ? "" : " " + s.sanction().banFor()) + " → " + s.subject())
        .collect(Collectors.joining(", "));
  }

  private Caller caller() {
    return Caller.current(store);
  }

  static boolean isPerson(Subject s) {
    return s.kind() == SubjectKind.PERSON;
  }
}
