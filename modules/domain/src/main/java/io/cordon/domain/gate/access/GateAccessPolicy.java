package io.cordon.domain.gate.access;

import io.cordon.domain.capacity.CapacityLimits;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a holder may pass a lane of a gate now (guideline §5.2.2, §5.2.4, §7.1.2, §7.3).
 * Pure and thread-safe: everything it needs comes with the request, the facts and the settings.
 *
 * <p>The rules, in order; the first that decides wins and is named in the decision:
 * <ol>
 *   <li>{@link AccessRule#LANE_DIRECTION}: an exit through an entry-only lane, or the other way.
 *   <li>{@link AccessRule#EMERGENCY_SERVICE}: emergency-service vehicles always pass, in every mode and
 *       through emergency gates and lanes (but not through pedestrian lanes).
 *   <li>Evacuation mode: {@link AccessRule#EVACUATION_EXIT} lets everyone out through any lane;
 *       {@link AccessRule#EVACUATION_NO_ENTRY} refuses every other entry.
 *   <li>{@link AccessRule#EMERGENCY_LANE_CLOSED}: emergency gates and lanes stay shut in normal mode.
 *   <li>Lane and gate fit the holder (人车分流, 客货分流): people only on pedestrian lanes
 *       ({@link AccessRule#PEDESTRIAN_LANE_ONLY}); vehicles never on them
 *       ({@link AccessRule#VEHICLE_ON_PEDESTRIAN_LANE}); hazmat and hazwaste vehicles never through
 *       ordinary gates ({@link AccessRule#DANGEROUS_AT_ORDINARY_GATE}); other vehicles never through
 *       dedicated gates ({@link AccessRule#NOT_DANGEROUS_AT_DEDICATED_GATE}); and each vehicle class only
 *       through lanes of its own class ({@link AccessRule#LANE_CLASS_MISMATCH}, see
 *       {@link PermitScope#laneFor}). An unknown holder is judged by the vehicle class the camera saw;
 *       with none, by nothing.
 *   <li>Unknown holders: {@link AccessRule#UNKNOWN_HOLDER} refuses their entry, {@link AccessRule#UNKNOWN_EXIT}
 *       lets them out.
 *   <li>Exits: a dangerous-goods vehicle needs its host enterprise's exit confirmation on its current
 *       permit ({@link AccessRule#EXIT_CLEARED} / {@link AccessRule#EXIT_NOT_CLEARED}; a revoked permit
 *       still lets its holder out); everyone else leaves freely ({@link AccessRule#EXIT_FREE}).
 *       Blacklist, permits and capacity never keep anyone inside.
 *   <li>Blacklist: an entry active now for the holder ({@link AccessRule#BLACKLISTED}) or its enterprise
 *       ({@link AccessRule#ENTERPRISE_BLACKLISTED}).
 *   <li>{@link AccessRule#ANTI_PASSBACK}: an entry while already inside, when enabled.
 *   <li>Permit: one covering this gate and lane now; otherwise the most telling refusal, in this order:
 *       {@link AccessRule#PERMIT_REVOKED}, {@link AccessRule#PERMIT_NOT_YET_VALID},
 *       {@link AccessRule#PERMIT_EXPIRED} (the first three about permits naming this lane),
 *       {@link AccessRule#PERMIT_NOT_FOR_LANE}, {@link AccessRule#PERMIT_NOT_FOR_GATE},
 *       {@link AccessRule#NO_PERMIT}.
 *   <li>Internal checkpoints: the permit must admit to the guarded zone
 *       ({@link AccessRule#CORE_AREA_NOT_AUTHORISED} for core zones, {@link AccessRule#ZONE_NOT_GRANTED} else).
 *   <li>{@link AccessRule#HAZMAT_HOURS}: dangerous-goods vehicles enter only during the park's hazmat hours.
 *   <li>Capacity: {@link AccessRule#CAPACITY_PEOPLE}, {@link AccessRule#CAPACITY_VEHICLES},
 *       {@link AccessRule#CAPACITY_DANGEROUS_VEHICLES}; skipped when the occupancy is unknown.
 *   <li>{@link AccessRule#PERMIT_VALID}: pass, naming the permit.
 * </ol>
 *
 * <p>Anti-passback and capacity count the park, so they apply at perimeter gates only: at an internal
 * checkpoint the holder is inside the park already.
 */
public final class GateAccessPolicy {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AccessSettings settings;

  public GateAccessPolicy(AccessSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public AccessSettings settings() {
    return settings;
  }

  public AccessDecision decide(AccessRequest request, AccessFacts facts) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(facts, "facts");
    Gate gate = request.gate();
    Lane lane = request.lane();
    Holder holder = request.holder();
    boolean entry = request.direction() == PassageDirection.ENTRY;

    if (!runs(lane.direction(), request.direction())) {
      return deny(AccessRule.LANE_DIRECTION, "lane " + gate.id() + "/" + lane.id() + " is "
          + lane.direction().name().toLowerCase() + " only");
    }
    if (holder instanceof Holder.Vehicle v && v.emergencyService() && lane.laneClass() != LaneClass.PEDESTRIAN) {
      return pass(AccessRule.EMERGENCY_SERVICE, Optional.empty());
    }
    if (facts.mode() == GateMode.EVACUATION) {
      return entry
          ? deny(AccessRule.EVACUATION_NO_ENTRY, "evacuation in progress: " + holder + " may not enter")
          : pass(AccessRule.EVACUATION_EXIT, Optional.empty());
    }
    if (gate.type() == GateType.EMERGENCY || lane.laneClass() == LaneClass.EMERGENCY) {
      return deny(AccessRule.EMERGENCY_LANE_CLOSED, (gate.type() == GateType.EMERGENCY ? "gate " + gate.id()
          : "lane " + gate.id() + "/" + lane.id()) + " opens only for emergencies");
    }
    Optional<AccessDecision> misfit = LaneFit.check(gate, lane, holder);
    if (misfit.isPresent()) {
      return misfit.get();
    }
    if (holder instanceof Holder.Unknown) {
      return entry
          ? deny(AccessRule.UNKNOWN_HOLDER, holder + " is not registered")
          : pass(AccessRule.UNKNOWN_EXIT, Optional.empty());
    }
    List<Permit> permits = facts.permits().stream().filter(p -> holds(p, holder)).toList();
    if (!entry) {
      return exit(holder, permits, request.at());
    }
    Optional<AccessDecision> barred = blacklisted(holder, facts.blacklist(), request.at());
    if (barred.isPresent()) {
      return barred.get();
    }
    if (settings.antiPassback() && !request.internalCheckpoint() && facts.presence() == Presence.INSIDE) {
      return deny(AccessRule.ANTI_PASSBACK, holder + " is already inside the park; no exit was recorded");
    }
    List<Permit> covering = permits.stream().filter(p -> p.covers(gate.id(), lane.id(), request.at())).toList();
    if (covering.isEmpty()) {
      return noPermit(request, permits);
    }
    Permit permit = covering.get(0);
    if (request.guardedZone().isPresent()) {
      ControlZone zone = request.guardedZone().get();
      Optional<Permit> admitting = covering.stream().filter(p -> p.admitsTo(zone)).findFirst();
      if (admitting.isEmpty()) {
        return zone.zoneClass() == ZoneClass.CORE
            ? deny(AccessRule.CORE_AREA_NOT_AUTHORISED, "permit " + permit.id()
                + " does not authorise the core area " + zone.id() + " (" + zone.name() + ")")
            : deny(AccessRule.ZONE_NOT_GRANTED, "permit " + permit.id() + " does not grant zone "
                + zone.id() + " (" + zone.name() + ")");
      }
      permit = admitting.get();
    }
    boolean dangerous = holder instanceof Holder.Vehicle v && v.vehicleClass().isDangerous();
    if (dangerous) {
      LocalTime now = request.at().atZone(settings.zone()).toLocalTime();
      if (!settings.hazmatHoursContain(now)) {
        return deny(AccessRule.HAZMAT_HOURS, "dangerous-goods vehicles enter between " + settings.hazmatFrom().get()
            + " and " + settings.hazmatUntil().get() + " (" + settings.zone() + "); it is "
            + now.withNano(0));
      }
    }
    if (facts.occupancy().isPresent() && !request.internalCheckpoint()) {
      Optional<AccessDecision> full = capacity(holder, dangerous, facts.occupancy().get());
      if (full.isPresent()) {
        return full.get();
      }
    }
    return pass(AccessRule.PERMIT_VALID, Optional.of(permit.id()));
  }

  private static boolean runs(LaneDirection lane, PassageDirection passage) {
    return lane == LaneDirection.BOTH
        || lane == LaneDirection.ENTRY && passage == PassageDirection.ENTRY
        || lane == LaneDirection.EXIT && passage == PassageDirection.EXIT;
  }

  /** Permits of someone else are ignored, whatever the caller passed. */
  private static boolean holds(Permit p, Holder holder) {
    if (holder instanceof Holder.Person person) {
      return p.people().contains(person.id());
    }
    if (holder instanceof Holder.Vehicle v) {
      return p.vehicles().containsKey(v.plate());
    }
    return false;
  }

  private AccessDecision exit(Holder holder, List<Permit> permits, Instant at) {
    if (!(holder instanceof Holder.Vehicle v) || !v.vehicleClass().isDangerous()) {
      return pass(AccessRule.EXIT_FREE, Optional.empty());
    }
    Optional<Permit> current = currentVisit(permits, at);
    if (current.isEmpty()) {
      return deny(AccessRule.EXIT_NOT_CLEARED, holder + " has no permit whose exit could be confirmed");
    }
    Permit p = current.get();
    return p.exitCleared()
        ? pass(AccessRule.EXIT_CLEARED, Optional.of(p.id()))
        : deny(AccessRule.EXIT_NOT_CLEARED, "permit " + p.id() + ": " + p.host()
            + " has not confirmed that the work is done and nothing was spilled");
  }

  /** The visit in progress: the permit that started last before {@code at}, else the earliest future one. */
  private static Optional<Permit> currentVisit(List<Permit> permits, Instant at) {
    Optional<Permit> started = permits.stream().filter(p -> !p.window().from().isAfter(at))
        .max(Comparator.comparing((Permit p) -> p.window().from()));
    return started.isPresent() ? started
        : permits.stream().min(Comparator.comparing((Permit p) -> p.window().from()));
  }

  private Optional<AccessDecision> blacklisted(Holder holder, List<BlacklistEntry> blacklist, Instant at) {
    Subject self = holder instanceof Holder.Person p ? Subject.person(p.id())
        : Subject.vehicle(((Holder.Vehicle) holder).plate());
    Optional<Subject> enterprise = holder.enterprise().map(Subject::enterprise);
    for (BlacklistEntry e : blacklist) {
      if (e.subject().equals(self) && e.activeAt(at)) {
        return Optional.of(deny(AccessRule.BLACKLISTED, e.subject() + " is blacklisted" + until(e) + ": " + e.reason()));
      }
    }
    for (BlacklistEntry e : blacklist) {
      if (e.subject().kind() == SubjectKind.ENTERPRISE && enterprise.isPresent()
          && e.subject().equals(enterprise.get()) && e.activeAt(at)) {
        return Optional.of(deny(AccessRule.ENTERPRISE_BLACKLISTED, "enterprise " + e.subject().id()
            + " is blacklisted" + until(e) + ": " + e.reason()));
      }
    }
    return Optional.empty();
  }

  private String until(BlacklistEntry e) {
    return e.end().map(u -> " until " + when(u)).orElse(" until lifted");
  }

  private AccessDecision noPermit(AccessRequest request, List<Permit> permits) {
    Instant at = request.at();
    LaneRef here = new LaneRef(request.gate().id(), request.lane().id());
    List<Permit> forLane = permits.stream().filter(p -> p.scope().lanes().contains(here)).toList();
    Optional<Permit> revoked = forLane.stream().filter(p -> p.revokedAt(at))
        .max(Comparator.comparing((Permit p) -> p.revocation().get().at()));
    if (revoked.isPresent()) {
      Permit p = revoked.get();
      return deny(AccessRule.PERMIT_REVOKED, "permit " + p.id() + " was revoked at "
          + when(p.revocation().get().at()) + ": " + p.revocation().get().reason());
    }
    Optional<Permit> future = forLane.stream().filter(p -> at.isBefore(p.window().from()))
        .min(Comparator.comparing((Permit p) -> p.window().from()));
    if (future.isPresent()) {
      return deny(AccessRule.PERMIT_NOT_YET_VALID, "permit " + future.get().id() + " is valid from "
          + when(future.get().window().from()));
    }
    Optional<Permit> expired = forLane.stream().filter(p -> !at.isBefore(p.window().until()))
        .max(Comparator.comparing((Permit p) -> p.window().until()));
    if (expired.isPresent()) {
      return deny(AccessRule.PERMIT_EXPIRED, "permit " + expired.get().id() + " expired at "
          + when(expired.get().window().until()));
    }
    Optional<Permit> sameGate = permits.stream()
        .filter(p -> p.scope().lanes().stream().anyMatch(l -> l.gate().equals(here.gate()))).findFirst();
    if (sameGate.isPresent()) {
      return deny(AccessRule.PERMIT_NOT_FOR_LANE, "permit " + sameGate.get().id() + " is for "
          + lanesAt(sameGate.get(), here) + ", not " + here);
    }
    if (!permits.isEmpty()) {
      return deny(AccessRule.PERMIT_NOT_FOR_GATE, "permit " + permits.get(0).id() + " is not for gate "
          + here.gate());
    }
    return deny(AccessRule.NO_PERMIT, request.holder() + " has no permit");
  }

  private static String lanesAt(Permit p, LaneRef here) {
    return String.join(", ", p.scope().lanes().stream().filter(l -> l.gate().equals(here.gate()))
        .map(LaneRef::toString).toList());
  }

  private Optional<AccessDecision> capacity(Holder holder, boolean dangerous, Occupancy now) {
    CapacityLimits limits = settings.limits();
    if (holder instanceof Holder.Person) {
      return full(AccessRule.CAPACITY_PEOPLE, "people", now.people(), limits.maxPeople());
    }
    Optional<AccessDecision> vehicles = full(AccessRule.CAPACITY_VEHICLES, "vehicles", now.vehicles(),
        limits.maxVehicles());
    if (vehicles.isPresent() || !dangerous) {
      return vehicles;
    }
    return full(AccessRule.CAPACITY_DANGEROUS_VEHICLES, "dangerous-goods vehicles", now.dangerousVehicles(),
        limits.maxDangerousVehiclesPerZone());
  }

  /** Full when one more would exceed the limit; a limit of 0 or less is off. */
  private static Optional<AccessDecision> full(AccessRule rule, String what, int inside, int limit) {
    return limit > 0 && inside >= limit
        ? Optional.of(deny(rule, inside + " " + what + " inside, the limit is " + limit))
        : Optional.empty();
  }

  private String when(Instant at) {
    return WHEN.format(at.atZone(settings.zone())) + " (" + settings.zone() + ")";
  }

  private static AccessDecision pass(AccessRule rule, Optional<io.cordon.domain.permit.PermitId> permit) {
    return new AccessDecision.Pass(rule, permit);
  }

  private static AccessDecision deny(AccessRule rule, String detail) {
    return new AccessDecision.Deny(rule, detail);
  }

  /** 人车分流, 客货分流: which lanes of which gates a holder may use (guideline §5.2.2.1, §7.1.2.2). */
  static final class LaneFit {
    private LaneFit() {
    }

    static Optional<AccessDecision> check(Gate gate, Lane lane, Holder holder) {
      Optional<VehicleClass> vehicle;
      if (holder instanceof Holder.Person) {
        return lane.laneClass() == LaneClass.PEDESTRIAN ? Optional.empty()
            : Optional.of(deny(AccessRule.PEDESTRIAN_LANE_ONLY, "lane " + gate.id() + "/" + lane.id() + " is a "
                + name(lane.laneClass()) + " lane; people on foot use pedestrian lanes"));
      } else if (holder instanceof Holder.Vehicle v) {
        vehicle = Optional.of(v.vehicleClass());
      } else {
        vehicle = ((Holder.Unknown) holder).seenClass();
      }
      if (vehicle.isEmpty()) {
        return Optional.empty();
      }
      VehicleClass c = vehicle.get();
      String where = "lane " + gate.id() + "/" + lane.id();
      if (lane.laneClass() == LaneClass.PEDESTRIAN) {
        return Optional.of(deny(AccessRule.VEHICLE_ON_PEDESTRIAN_LANE, where + " is for people on foot"));
      }
      if (c.isDangerous() && gate.type() == GateType.ORDINARY) {
        return Optional.of(deny(AccessRule.DANGEROUS_AT_ORDINARY_GATE, "gate " + gate.id()
            + " is an ordinary gate; " + name(c) + " vehicles use dedicated or comprehensive gates"));
      }
      if (!c.isDangerous() && gate.type() == GateType.DEDICATED) {
        return Optional.of(deny(AccessRule.NOT_DANGEROUS_AT_DEDICATED_GATE, "gate " + gate.id()
            + " is for dangerous-goods vehicles only, not " + name(c) + " vehicles"));
      }
      LaneClass own = PermitScope.laneFor(c);
      if (lane.laneClass() != own) {
        return Optional.of(deny(AccessRule.LANE_CLASS_MISMATCH, where + " is a " + name(lane.laneClass())
            + " lane; " + name(c) + " vehicles use " + name(own) + " lanes"));
      }
      return Optional.empty();
    }

    private static String name(Enum<?> e) {
      return e.name().toLowerCase();
    }
  }
}
