package io.cordon.domain.violation;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded violation (发现与记录): what, when, where, who — the person, the vehicle and the unit
 * (the person's employer or the vehicle's owner), as far as known — with references to its evidence
 * (video clips, photos, notes) and whether it is serious (情节严重: referred to the police). An
 * appeal that corrects the decision overturns it: it then no longer counts in anyone's history.
 */
public record Violation(String id, ViolationKind kind, Instant at, Optional<PersonId> person, Optional<Plate> vehicle,
    Optional<EnterpriseId> enterprise, Optional<GateId> gate, List<String> evidence, String description,
    String recordedBy, boolean serious, Optional<Instant> overturnedAt) {

  public static final int MAX_EVIDENCE = 20;
  static final int MAX_DESCRIPTION = 1000;

  public Violation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(enterprise, "enterprise");
    Objects.requireNonNull(gate, "gate");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(overturnedAt, "overturnedAt");
    if (person.isEmpty() && vehicle.isEmpty() && enterprise.isEmpty()) {
      throw new IllegalArgumentException("a violation names a person, a vehicle or an enterprise");
    }
  }

  /** Records a violation, refusing one without an offender, without a description or with too much evidence. */
  public static Result<Violation> record(String id, ViolationKind kind, Instant at, Optional<PersonId> person,
      Optional<Plate> vehicle, Optional<EnterpriseId> enterprise, Optional<GateId> gate, List<String> evidence,
      String description, String recordedBy, boolean serious) {
    Problems p = new Problems();
    p.require("kind", kind);
    if (person.isEmpty() && vehicle.isEmpty() && enterprise.isEmpty()) {
      p.add("person", "name the person, the vehicle or the enterprise who committed it");
    }
    Optional<String> d = p.text("description", description, MAX_DESCRIPTION);
    if (evidence.size() > MAX_EVIDENCE) {
      p.add("evidence", "at most " + MAX_EVIDENCE + " references");
    }
    for (int i = 0; i < evidence.size(); i++) {
      if (evidence.get(i) == null || evidence.get(i).isBlank()) {
        p.add("evidence[" + i + "]", "must not be blank");
      }
    }
    return p.result(() -> new Violation(id, kind, at, person, vehicle, enterprise, gate, evidence, d.orElseThrow(),
        recordedBy, serious, Optional.empty()));
  }

  /**
   * Whose history counts for the ladder: the person if known, else the vehicle, else the unit. A
   * driver's second false declaration is their repeat, not the repeat of every driver of the same
   * haulier.
   */
  public Subject offender() {
    if (person.isPresent()) {
      return Subject.person(person.get());
    }
    return vehicle.map(Subject::vehicle).orElseGet(() -> Subject.enterprise(enterprise.orElseThrow()));
  }

  /** The subject of a kind this violation names, if any. */
  public Optional<Subject> subject(SubjectKind kind) {
    switch (kind) {
      case PERSON:
        return person.map(Subject::person);
      case VEHICLE:
        return vehicle.map(Subject::vehicle);
      default:
        return enterprise.map(Subject::enterprise);
    }
  }

  public boolean overturned() {
    return overturnedAt.isPresent();
  }

  public Violation overturn(Instant at) {
    return new Violation(id, kind, this.at, person, vehicle, enterprise, gate, evidence, description, recordedBy,
        serious, Optional.of(at));
  }
}
