package io.cordon.server.gate.access;

import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.InsideHolder;
import io.cordon.domain.gate.access.ParkOccupancy;
import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is inside the park: the domain's {@link ParkOccupancy}, fed with counted perimeter passages,
 * plus the row each passage leaves in {@code gate_presence} so a restart restores it (every holder's
 * latest passage time too, so a late upload older than it changes nothing after a restart either).
 */
final class PresenceBook {

  private final ParkOccupancy occupancy = new ParkOccupancy();
  private final Map<String, Instant> latest = new HashMap<>();

  /** Restores the state the rows describe. */
  synchronized void restore(List<PresenceRow> rows) {
    for (PresenceRow row : rows) {
      Holder holder = row.toHolder();
      if (row.inside()) {
        occupancy.apply(row.recordId(), holder, PassageDirection.ENTRY, new GateId(row.gateId()), row.lastAt());
      } else {
        occupancy.apply(row.recordId(), holder, PassageDirection.EXIT, new GateId(row.gateId()), row.lastAt());
      }
      latest.put(holder.key(), row.lastAt());
    }
  }

  /**
   * Applies a counted passage; returns the row to store when it moved the holder's latest passage,
   * empty for a record seen before or a passage older than the holder's latest.
   */
  synchronized Optional<PresenceRow> apply(String recordId, Holder holder, PassageDirection direction, GateId gate,
      Instant at) {
    Instant last = latest.get(holder.key());
    if (!occupancy.apply(recordId, holder, direction, gate, at) || (last != null && at.isBefore(last))) {
      return Optional.empty();
    }
    latest.put(holder.key(), at);
    Optional<InsideHolder> inside = occupancy.entryOf(holder);
    return Optional.of(new PresenceRow(holder.key(), PresenceRow.kindOf(holder), PresenceRow.idOf(holder),
        PresenceRow.classOf(holder), holder.enterprise().map(e -> e.value()).orElse(""), inside.isPresent(),
        inside.map(i -> i.gate().value()).orElse(gate.value()), inside.map(InsideHolder::since).orElse(at), at,
        recordId));
  }

  ParkOccupancy occupancy() {
    return occupancy;
  }
}
