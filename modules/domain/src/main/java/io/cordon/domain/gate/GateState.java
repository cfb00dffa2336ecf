package io.cordon.domain.gate;

/** The live state of a gate's barriers as its gate reports it; UNKNOWN until the first report. */
public enum GateState {
  UNKNOWN,
  CLOSED,
  OPEN,
  FAULT,
  OFFLINE
}
