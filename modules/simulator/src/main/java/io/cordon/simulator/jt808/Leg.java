package io.cordon.simulator.jt808;

/** One part of a trip: driving a path or standing still. */
sealed interface Leg {

  /**
   * Drives a path at a share of each segment's limit; between {@code speedingFrom} and
   * {@code speedingTo} (distances along it) at the limit plus {@code speedingKmh}.
   */
  record Drive(PathLine path, double cruiseShare, double speedingFrom, double speedingTo, double speedingKmh)
      implements Leg {

    static Drive lawful(PathLine path, double cruiseShare) {
      return new Drive(path, cruiseShare, -1, -1, 0);
    }

    /** Speed here, km/h. */
    double speedAt(double at) {
      double limit = path.limitAt(at);
      return at >= speedingFrom && at < speedingTo ? limit + speedingKmh : limit * cruiseShare;
    }
  }

  /** Stands at (x, y) for {@code seconds}; {@code label} says why (gate, loading, lot, linger, detour). */
  record Stop(String label, double x, double y, double seconds) implements Leg {}
}
