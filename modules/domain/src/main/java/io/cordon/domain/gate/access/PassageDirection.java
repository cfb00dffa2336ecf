package io.cordon.domain.gate.access;

/** Which way a holder passes a gate: into the park (or the guarded zone) or out of it. */
public enum PassageDirection {
  ENTRY,
  EXIT
}
