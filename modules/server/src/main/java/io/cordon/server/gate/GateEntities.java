package io.cordon.server.gate;

import java.util.List;

/** The Hibernate entities of gates, for the database bootstrap. */
public final class GateEntities {
  private GateEntities() {
  }

  public static List<Class<?>> classes() {
    return List.of(GateStateRow.class);
  }
}
