package io.cordon.server.track.jt808;

import io.cordon.domain.park.RoadId;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.track.rules.ParkGeometry;
import io.cordon.domain.track.rules.RouteCorridor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A permit's route id as a corridor: the park's road ids in order separated by "&gt;" (e.g.
 * "R-01&gt;R-04&gt;R-07"). An empty or unresolvable route gives none, and the rules then hold
 * dangerous vehicles to the dedicated roads ({@link #DEFAULT_NAME}); an unresolvable one is logged
 * once. Corridors are built once per route id and shared.
 */
final class RouteResolver {

  /** How the panel names the dedicated-road default. */
  static final String DEFAULT_NAME = "默认专用道路";
  private static final Logger log = LoggerFactory.getLogger(RouteResolver.class);

  private final ParkGeometry geometry;
  private final Map<String, Optional<RouteCorridor>> byId = new ConcurrentHashMap<>();

  RouteResolver(ParkGeometry geometry) {
    this.geometry = geometry;
  }

  Optional<RouteCorridor> corridor(Optional<RouteId> route) {
    if (route.isEmpty()) {
      return Optional.empty();
    }
    return byId.computeIfAbsent(route.get().value(), this::resolve);
  }

  /** What the panel shows as the route: its road ids, or the default's name. */
  String name(Optional<RouteId> route) {
    return corridor(route).map(RouteCorridor::name).orElse(DEFAULT_NAME);
  }

  private Optional<RouteCorridor> resolve(String text) {
    List<RoadId> roads = new ArrayList<>();
    for (String part : text.split(">")) {
      if (!part.isBlank()) {
        roads.add(new RoadId(part.strip()));
      }
    }
    if (roads.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(geometry.route(roads));
    } catch (IllegalArgumentException e) {
      log.warn("Route \"{}\" names no road sequence of the park ({}); its vehicles keep to the dedicated roads",
          text, e.getMessage());
      return Optional.empty();
    }
  }
}
