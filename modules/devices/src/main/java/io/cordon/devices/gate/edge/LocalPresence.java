package io.cordon.devices.gate.edge;

import io.cordon.domain.gate.access.PassageDirection;
import io.cordon.domain.gate.access.Presence;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the agent itself let in or out (by {@code Holder.key()}), for offline anti-passback. It knows
 * only this gate's passes: a holder who left through another gate still looks inside here, so an
 * offline re-entry may be refused by anti-passback (the guard opens by hand); the server, which
 * sees every gate, decides again when the record is uploaded only for the counts, not the barrier.
 */
public final class LocalPresence {

  private final Map<String, Presence> presence = new ConcurrentHashMap<>();

  public Presence of(String holderKey) {
    return presence.getOrDefault(holderKey, Presence.OUTSIDE);
  }

  /** A pass decision at a perimeter gate. */
  public void passed(String holderKey, PassageDirection direction) {
    presence.put(holderKey, direction == PassageDirection.ENTRY ? Presence.INSIDE : Presence.OUTSIDE);
  }

  public int inside() {
    return (int) presence.values().stream().filter(p -> p == Presence.INSIDE).count();
  }
}
