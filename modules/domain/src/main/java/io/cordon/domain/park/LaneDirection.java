package io.cordon.domain.park;

public enum LaneDirection {
  ENTRY,
  EXIT,
  BOTH
}
