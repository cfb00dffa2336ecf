package io.cordon.devices.gate.edge;

import io.cordon.api.v1.CachedPerson;
import io.cordon.api.v1.Identification;
import io.cordon.domain.gate.access.AccessFacts;
import io.cordon.domain.gate.access.AccessRequest;
import io.cordon.domain.gate.access.AccessSettings;
import io.cordon.domain.gate.access.GateAccessPolicy;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.gate.access.Presence;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's decision without the server: the domain {@link GateAccessPolicy} on the signed cache.
 * The holder comes from the cache's registry copy (an unknown credential is {@link Holder.Unknown}),
 * the permits and blacklist entries from the cache, the presence from the agent's own records, and
 * the occupancy is unknown (so the capacity rule is skipped). No I/O, no network: usable on its own,
 * e.g. to time offline decisions ({@link #forCache}).
 */
public final class OfflineDecider {

  private final Gate gate;
  private final Optional<ControlZone> guardedZone;
  private final GateAccessPolicy policy;
  private final Supplier<CacheIndex> cache;
  private final Function<String, Presence> presence;
  private final Supplier<GateMode> mode;
  private final Clock clock;

  public OfflineDecider(Gate gate, Optional<ControlZone> guardedZone, GateAccessPolicy policy,
      Supplier<CacheIndex> cache, Function<String, Presence> presence, Supplier<GateMode> mode, Clock clock) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.guardedZone = Objects.requireNonNull(guardedZone, "guardedZone");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.presence = Objects.requireNonNull(presence, "presence");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A decider over a fixed cache, default access settings, everyone outside, the cache's mode: for
   * benchmarks and tools. Build the cache with {@code new CacheIndex()} and {@link CacheIndex#apply}.
   */
  public static OfflineDecider forCache(Gate gate, CacheIndex index) {
    return new OfflineDecider(gate, Optional.empty(), new GateAccessPolicy(AccessSettings.defaults()),
        () -> index, key -> Presence.OUTSIDE, () -> EdgeProtos.gateMode(index.mode()), Clock.systemUTC());
  }

  public Gate gate() {
    return gate;
  }

  /**
   * Decides on an identification at one of the gate's lanes; its time is the device's (now when unset).
   *
   * @throws IllegalArgumentException when the lane is not the gate's or the direction is missing
   */
  public OfflineDecision decide(Identification identification) {
    Lane lane = lane(identification.getLaneId())
        .orElseThrow(() -> new IllegalArgumentException("gate " + gate.id().value() + " has no lane "
            + identification.getLaneId()));
    PassageDirection direction = EdgeProtos.direction(identification.getDirection())
        .orElseThrow(() -> new IllegalArgumentException("identification.direction is required"));
    Instant at = identification.hasTime() ? EdgeProtos.instant(identification.getTime()) : clock.instant();
    CacheIndex index = cache.get();
    Holder holder = holder(identification, index);
    List<BlacklistEntry> blacklist = new ArrayList<>();
    if (holder instanceof Holder.Person p) {
      blacklist.addAll(index.blacklistOf(Subject.person(p.id())));
    } else if (holder instanceof Holder.Vehicle v) {
      blacklist.addAll(index.blacklistOf(Subject.vehicle(v.plate())));
    }
    holder.enterprise().ifPresent(e -> blacklist.addAll(index.blacklistOf(Subject.enterprise(e))));
    AccessFacts facts = new AccessFacts(holder instanceof Holder.Unknown ? List.of() : index.permitsOf(holder.key()),
        blacklist, presence.apply(holder.key()), Optional.empty(), mode.get());
    AccessRequest request = new AccessRequest(gate, lane, direction, at, holder, guardedZone);
    return new OfflineDecision(lane, direction, at, holder, name(identification, holder, index),
        policy.decide(request, facts), index.version());
  }

  /** Who the identification names, as the cache knows them. */
  public Holder holderOf(Identification identification) {
    return holder(identification, cache.get());
  }

  /** True at an internal checkpoint: its passes do not change park presence. */
  public boolean internalCheckpoint() {
    return guardedZone.isPresent();
  }

  Optional<Lane> lane(String laneId) {
    return gate.lanes().stream().filter(l -> l.id().equals(laneId)).findFirst();
  }

  private static Holder holder(Identification id, CacheIndex index) {
    switch (id.getCredentialCase()) {
      case PLATE -> {
        return vehicle(id.getPlate().getPlate(), index,
            EdgeProtos.vehicleClass(id.getPlate().getSeenClass()));
      }
      case RFID -> {
        return vehicle(id.getRfid().getPlate(), index, Optional.empty());
      }
      case FACE -> {
        String personId = id.getFace().getPersonId();
        return index.person(personId).<Holder>map(EdgeProtos::person)
            .orElseGet(() -> new Holder.Unknown("face:" + personId, Optional.empty()));
      }
      case CARD -> {
        String number = id.getCard().getIdNumber();
        return index.personByIdNumber(number).<Holder>map(EdgeProtos::person)
            .orElseGet(() -> new Holder.Unknown("card:" + mask(number), Optional.empty()));
      }
      default -> {
        return new Holder.Unknown("none", Optional.empty());
      }
    }
  }

  private static Holder vehicle(String text, CacheIndex index, Optional<io.cordon.domain.vehicle.VehicleClass> seen) {
    if (!Plate.isValid(text)) {
      return new Holder.Unknown(text == null ? "" : text, seen);
    }
    Plate plate = Plate.parse(text);
    return index.vehicle(plate).<Holder>map(v -> EdgeProtos.vehicle(plate, v))
        .orElseGet(() -> new Holder.Unknown(plate.value(), seen));
  }

  private static String name(Identification id, Holder holder, CacheIndex index) {
    if (holder instanceof Holder.Vehicle v) {
      return v.plate().value();
    }
    if (holder instanceof Holder.Person p) {
      return index.person(p.id().value()).map(CachedPerson::getName).filter(n -> !n.isBlank())
          .orElse(p.id().value());
    }
    return ((Holder.Unknown) holder).credential();
  }

  /** ID-card numbers are personal data: only the last four digits go into logs and LED texts. */
  private static String mask(String number) {
    return number.length() <= 4 ? "****" : "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }
}
