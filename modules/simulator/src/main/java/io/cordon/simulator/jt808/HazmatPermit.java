package io.cordon.simulator.jt808;

import io.cordon.api.v1.PlateColor;
import java.util.List;
import java.util.Objects;

/**
 * A valid permit of a dangerous-goods vehicle as the simulator drives it.
 *
 * @param permitId the permit
 * @param plate the vehicle's plate
 * @param plateColor its colour
 * @param gateIds the gates whose lanes the permit covers (the trip enters and leaves through one)
 * @param routeIds the permit's route as road ids in order (empty: the dedicated roads)
 * @param enterpriseId the host enterprise
 * @param loadingPointId the loading point (may be empty: any of the host's)
 */
public record HazmatPermit(String permitId, String plate, PlateColor plateColor, List<String> gateIds,
    List<String> routeIds, String enterpriseId, String loadingPointId) {

  public HazmatPermit {
    Objects.requireNonNull(permitId, "permitId");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(plateColor, "plateColor");
    gateIds = List.copyOf(gateIds);
    routeIds = List.copyOf(routeIds);
    Objects.requireNonNull(enterpriseId, "enterpriseId");
    Objects.requireNonNull(loadingPointId, "loadingPointId");
  }

  /** Route ids as permits write them: road ids joined by "&gt;" ("R-06&gt;R-02"). */
  public static List<String> routeIds(String route) {
    if (route == null || route.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(route.split(">")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
