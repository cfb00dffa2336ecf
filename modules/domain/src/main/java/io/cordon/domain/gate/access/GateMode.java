package io.cordon.domain.gate.access;

/**
 * How a gate decides. EVACUATION (guideline §7.3: gates turn into emergency and evacuation routes):
 * every exit is free, entries only for emergency-service vehicles.
 */
public enum GateMode {
  NORMAL,
  EVACUATION
}
