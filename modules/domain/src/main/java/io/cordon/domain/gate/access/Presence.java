package io.cordon.domain.gate.access;

/** A holder's state from their last accepted passage; OUTSIDE when there was none. */
public enum Presence {
  INSIDE,
  OUTSIDE
}
