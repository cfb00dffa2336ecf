package io.cordon.simulator.jt808;

import java.util.List;

/** Where the fleet finds the hazmat permits valid now (called off the event loops, may block briefly). */
@FunctionalInterface
public interface HazmatPermitSource {

  /** No permits: bound trips wait, unbound ones drive invented trips. */
  HazmatPermitSource NONE = List::of;

  List<HazmatPermit> validNow();
}
