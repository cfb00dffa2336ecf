package io.cordon.server.gate.emergency;

import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.GateId;

/**
 * Switches the mode the server's own access decisions use for a gate, as soon as the emergency's
 * mode command is journaled (the agent switches when it receives the command).
 */
@FunctionalInterface
public interface GateModeSwitch {

  /** Nothing decides on the server (tests without access decisions). */
  GateModeSwitch NONE = (gate, mode) -> {
  };

  void switchTo(GateId gate, GateMode mode);
}
