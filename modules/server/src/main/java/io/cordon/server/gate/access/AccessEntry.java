package io.cordon.server.gate.access;

import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.park.Gate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access record as it is stored and journalled: an identification's decision (online or
 * uploaded after an offline decision), or a passage nothing allowed (forced) or that followed an
 * allowed one (tailgate). Texts are clipped to their columns by {@link #clip}.
 *
 * @param holderKind the journal subject kind of the holder: "vehicle", "person" or "credential"
 * @param holder plate, person id or the credential text
 */
record AccessEntry(String recordId, Gate gate, String laneId, PassageDirection direction, Instant at,
    String credentialKind, String holderKind, String holder, String holderName, String holderClass,
    String enterpriseId, boolean passed, String rule, String detail, String permitId, String snapshotRef,
    boolean offline, Optional<Instant> passageAt, boolean forced, boolean tailgate) {

  AccessEntry {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(passageAt, "passageAt");
    holder = clip(holder, 64);
    holderName = clip(holderName, 64);
    detail = clip(detail, 256);
    snapshotRef = clip(snapshotRef, 256);
  }

  /** The journal event type that records it. */
  String eventType() {
    return forced ? AccessEvents.FORCED : tailgate ? AccessEvents.TAILGATE : AccessEvents.ACCESS;
  }

  static String clip(String text, int max) {
    String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }
}
