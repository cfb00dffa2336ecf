package io.cordon.client.gate;

import io.cordon.domain.gate.GateState;

/** The wire-to-domain mapping of gate states, for the gate subpackages. */
public final class GateStateStoreAccess {
  private GateStateStoreAccess() {}

  public static GateState toDomain(io.cordon.api.v1.GateState state) {
    return GateStateStore.toDomain(state);
  }
}
