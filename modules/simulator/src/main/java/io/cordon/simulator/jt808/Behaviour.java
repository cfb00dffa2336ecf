package io.cordon.simulator.jt808;

/** How a simulated driver misbehaves on every trip (at most one way each). */
public enum Behaviour {
  /** Keeps to the route, the limits and the stops of the trip. */
  COMPLIANT,
  /** Leaves the route halfway: about 250 m off it for about two minutes, then back. */
  DEVIATE,
  /** Drives about 25 km/h over the limit for about 75 s early in the trip. */
  SPEED,
  /** Stops 15 to 20 minutes on the route, away from loading points and parking lots. */
  LINGER,
  /**
   * Loses signal for 3 to 5 minutes after the first minutes of the trip: terminals with an even
   * index lose the satellites (reports go on, not positioned), odd ones lose the network (no
   * reports; the fixes are uploaded afterwards as a blind-area batch).
   */
  LOSE_SIGNAL
}
