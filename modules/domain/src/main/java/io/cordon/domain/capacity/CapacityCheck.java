package io.cordon.domain.capacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Flags a candidate application that would exceed a limit at some moment of its window, counting
 * the approved demands overlapping it. The load only rises when a window starts, so checking the
 * candidate's start and every overlapping start inside its window finds the peak.
 */
public final class CapacityCheck {

  private CapacityCheck() {
  }

  public static List<CapacityFlag> check(Demand candidate, List<Demand> approved, CapacityLimits limits) {
    List<Demand> overlapping = approved.stream()
        .filter(d -> !d.application().equals(candidate.application()) && d.window().overlaps(candidate.window()))
        .toList();
    TreeSet<Instant> moments = new TreeSet<>();
    moments.add(candidate.window().from());
    for (Demand d : overlapping) {
      if (candidate.window().contains(d.window().from())) {
        moments.add(d.window().from());
      }
    }
    List<CapacityFlag> flags = new ArrayList<>();
    if (candidate.people() > 0) {
      peak(candidate, overlapping, moments, Resource.PEOPLE, Optional.empty(), limits.maxPeople()).ifPresent(flags::add);
    }
    if (candidate.vehicles() > 0) {
      peak(candidate, overlapping, moments, Resource.VEHICLES, Optional.empty(), limits.maxVehicles())
          .ifPresent(flags::add);
    }
    if (candidate.dangerousVehicles() > 0) {
      candidate.zones().stream().sorted((a, b) -> a.value().compareTo(b.value())).forEach(z ->
          peak(candidate, overlapping, moments, Resource.DANGEROUS_VEHICLES_IN_ZONE, Optional.of(z),
              limits.maxDangerousVehiclesPerZone()).ifPresent(flags::add));
    }
    return flags;
  }

  private static Optional<CapacityFlag> peak(Demand candidate, List<Demand> others, TreeSet<Instant> moments,
      Resource r, Optional<io.cordon.domain.park.ZoneId> zone, int limit) {
    if (limit <= 0) {
      return Optional.empty();
    }
    int best = -1;
    Instant bestAt = null;
    for (Instant t : moments) {
      int load = Demand.count(candidate, r, zone);
      for (Demand d : others) {
        if (d.window().contains(t)) {
          load += Demand.count(d, r, zone);
        }
      }
      if (load > best) {
        best = load;
        bestAt = t;
      }
    }
    return best > limit ? Optional.of(new CapacityFlag(r, zone, limit, best, bestAt)) : Optional.empty();
  }
}
