package io.cordon.devices.gate.edge;

import io.cordon.domain.gate.access.AccessDecision;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.park.Lane;
import java.time.Instant;

/**
 * The agent's own decision on an identification, with what it was about.
 *
 * @param holderName the plate, the person's name (or id), or the credential, for the LED and the record
 * @param cacheVersion the cache the decision used
 */
public record OfflineDecision(Lane lane, PassageDirection direction, Instant at, Holder holder, String holderName,
    AccessDecision decision, long cacheVersion) {

  public boolean passes() {
    return decision.passes();
  }
}
