package io.cordon.domain.gate.access;

import io.cordon.domain.permit.Permit;
import io.cordon.domain.violation.BlacklistEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy knows about the holder besides the request.
 *
 * @param permits the holder's permits in any state (revoked, expired, future ones included)
 * @param blacklist entries of the holder and of its enterprise in any state; the policy checks which are active
 * @param presence the holder's park presence from their last accepted passage
 * @param occupancy the park's occupancy now; empty when unknown (an offline agent): the capacity rule is skipped
 */
public record AccessFacts(List<Permit> permits, List<BlacklistEntry> blacklist, Presence presence,
    Optional<Occupancy> occupancy, GateMode mode) {
  public AccessFacts {
    permits = List.copyOf(permits);
    blacklist = List.copyOf(blacklist);
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(occupancy, "occupancy");
    Objects.requireNonNull(mode, "mode");
  }

  /** No permits, no blacklist entries, outside, occupancy unknown, normal mode. */
  public static AccessFacts none() {
    return new AccessFacts(List.of(), List.of(), Presence.OUTSIDE, Optional.empty(), GateMode.NORMAL);
  }

  public AccessFacts withPermits(List<Permit> p) {
    return new AccessFacts(p, blacklist, presence, occupancy, mode);
  }

  public AccessFacts withBlacklist(List<BlacklistEntry> b) {
    return new AccessFacts(permits, b, presence, occupancy, mode);
  }

  public AccessFacts withPresence(Presence p) {
    return new AccessFacts(permits, blacklist, p, occupancy, mode);
  }

  public AccessFacts withOccupancy(Occupancy o) {
    return new AccessFacts(permits, blacklist, presence, Optional.of(o), mode);
  }

  public AccessFacts withMode(GateMode m) {
    return new AccessFacts(permits, blacklist, presence, occupancy, m);
  }
}
