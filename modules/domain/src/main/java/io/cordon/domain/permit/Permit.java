package io.cordon.domain.permit;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 电子通行证: issued when an application is approved, sent to the gates of its scope. Immutable;
 * {@link #revoke} and the exit steps return a new permit or a refusal.
 *
 * <p>Exit (proposal 000 §2.1, 车辆出园审批): a dangerous-goods vehicle leaves only after the enterprise
 * it served confirms the loading or unloading is done and nothing was spilled; people and other
 * vehicles leave freely. A revoked permit no longer admits anyone, but still lets its holder out.
 */
public record Permit(PermitId id, String applicationId, Set<PersonId> people, Map<Plate, VehicleClass> vehicles,
    EnterpriseId host, PermitScope scope, TimeWindow window,
    Optional<RouteId> route, Optional<String> loadingPoint, Instant issuedAt, String issuedBy,
    Optional<Instant> exitRequestedAt, Optional<ExitConfirmation> exitConfirmation, Optional<Revocation> revocation) {

  static final int MIN_REASON = 2;

  public Permit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(applicationId, "applicationId");
    people = Set.copyOf(people);
    vehicles = Map.copyOf(vehicles);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(loadingPoint, "loadingPoint");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(issuedBy, "issuedBy");
    Objects.requireNonNull(exitRequestedAt, "exitRequestedAt");
    Objects.requireNonNull(exitConfirmation, "exitConfirmation");
    Objects.requireNonNull(revocation, "revocation");
    if (people.isEmpty() && vehicles.isEmpty()) {
      throw new IllegalArgumentException("a permit is for someone or some vehicle");
    }
  }

  /** A new, unrevoked permit. */
  public static Permit issue(PermitId id, String applicationId, Set<PersonId> people,
      Map<Plate, VehicleClass> vehicles, EnterpriseId host, PermitScope scope, TimeWindow window,
      Optional<RouteId> route, Optional<String> loadingPoint, Instant issuedAt, String issuedBy) {
    return new Permit(id, applicationId, people, vehicles, host, scope, window, route, loadingPoint,
        issuedAt, issuedBy, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean revoked() {
    return revocation.isPresent();
  }

  /** Revoked at or before {@code at}. */
  public boolean revokedAt(Instant at) {
    return revocation.isPresent() && !revocation.get().at().isAfter(at);
  }

  /** True when the permit lets its holder in through this lane of this gate at that instant. */
  public boolean covers(GateId gate, String lane, Instant at) {
    return !revokedAt(at) && window.contains(at) && scope.lanes().contains(new LaneRef(gate, lane));
  }

  /** True when the holder may drive out through this lane: it is one of the permit's lanes and the exit is confirmed if needed. */
  public boolean allowsExit(GateId gate, String lane) {
    return scope.lanes().contains(new LaneRef(gate, lane)) && exitCleared();
  }

  /** True when the permit admits its holder into the zone (core zones only when authorised). */
  public boolean admitsTo(ControlZone zone) {
    return scope.admitsTo(zone);
  }

  /** Dangerous-goods vehicles need the enterprise's exit confirmation. */
  public boolean exitConfirmationRequired() {
    return vehicles.values().stream().anyMatch(VehicleClass::isDangerous);
  }

  /** True when nothing more is needed before the vehicle leaves. */
  public boolean exitCleared() {
    return !exitConfirmationRequired() || exitConfirmation.isPresent();
  }

  /** The driver or the enterprise asks to leave (出园申请); the enterprise's confirmation is due {@code window} later. */
  public Result<Permit> requestExit(Instant at) {
    if (exitConfirmation.isPresent()) {
      return Result.refused(Refusal.conflict("exit", "the exit is already confirmed"));
    }
    return Result.ok(new Permit(id, applicationId, people, vehicles, host, scope, window, route,
        loadingPoint, issuedAt, issuedBy, Optional.of(at), exitConfirmation, revocation));
  }

  /** When the enterprise's exit confirmation is due, once the exit was requested and until it is confirmed. */
  public Optional<Instant> exitConfirmationDue(Duration confirmationWindow) {
    return exitConfirmation.isPresent() || !exitConfirmationRequired()
        ? Optional.empty() : exitRequestedAt.map(r -> r.plus(confirmationWindow));
  }

  /**
   * 企业确认: the served enterprise confirms the work is done and nothing was spilled. Both must be
   * true (otherwise the vehicle goes back to the enterprise to put it right); only the host
   * enterprise may confirm.
   */
  public Result<Permit> confirmExit(EnterpriseId enterprise, String user, Instant at, boolean workDone,
      boolean nothingSpilled, String note) {
    if (!enterprise.equals(host)) {
      return Result.refused(Refusal.forbidden("enterprise", "only " + host + " may confirm this vehicle's exit"));
    }
    if (!exitConfirmationRequired()) {
      return Result.refused(Refusal.conflict("exit", "this permit needs no exit confirmation"));
    }
    if (exitConfirmation.isPresent()) {
      return Result.refused(Refusal.conflict("exit", "the exit is already confirmed"));
    }
    Problems p = new Problems();
    if (!workDone) {
      p.add("workDone", "loading or unloading must be finished before the vehicle leaves");
    }
    if (!nothingSpilled) {
      p.add("nothingSpilled", "spilled goods must be cleaned up before the vehicle leaves");
    }
    return p.result(() -> new Permit(id, applicationId, people, vehicles, host, scope, window, route,
        loadingPoint, issuedAt, issuedBy, exitRequestedAt, Optional.of(new ExitConfirmation(at, user,
        note == null ? "" : note.strip())), revocation));
  }

  /** Revokes the permit from {@code at}; the reason is required. */
  public Result<Permit> revoke(String by, Instant at, String reason) {
    if (revocation.isPresent()) {
      return Result.refused(Refusal.conflict("permit", "already revoked at " + revocation.get().at()));
    }
    if (reason == null || reason.strip().length() < MIN_REASON) {
      return Result.refused(Refusal.invalid("reason", "is required"));
    }
    return Result.ok(new Permit(id, applicationId, people, vehicles, host, scope, window, route,
        loadingPoint, issuedAt, issuedBy, exitRequestedAt, exitConfirmation,
        Optional.of(new Revocation(at, by, reason.strip()))));
  }

  /** The gates this permit must be pushed to. */
  public List<GateId> gates() {
    return scope.lanes().stream().map(LaneRef::gate).distinct().toList();
  }
}
