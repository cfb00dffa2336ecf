package io.cordon.devices.gate.edge;

/** What the agent made of one received cache chunk. */
public enum ChunkOutcome {
  /** Verified and held until the last chunk of its snapshot or update arrives. */
  STAGED(false),
  /** Verified; it completed its snapshot or update, which is now the cache. */
  APPLIED(false),
  /** The signature does not verify against the pinned key: forged or damaged. Nothing of its unit is used. */
  REFUSED_SIGNATURE(true),
  /** No signing key is pinned yet (no Welcome seen, none installed). */
  REFUSED_NO_KEY(true),
  /** Signed, but the payload does not parse. */
  REFUSED_MALFORMED(true),
  /** Signed, but for another gate. */
  REFUSED_OTHER_GATE(true),
  /** Signed, but older than the cache or out of order (a replay). */
  REFUSED_STALE(true);

  private final boolean refused;

  ChunkOutcome(boolean refused) {
    this.refused = refused;
  }

  public boolean refused() {
    return refused;
  }
}
