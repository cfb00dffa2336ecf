package io.cordon.domain.capacity;

import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationContent;
import io.cordon.domain.appointment.ApplicationId;
import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.LoadingPoint;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.TimeWindow;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What one application puts in the park during its window: people, vehicles, dangerous vehicles and their zones. */
public record Demand(ApplicationId application, TimeWindow window, int people, int vehicles, int dangerousVehicles,
    Set<ZoneId> zones) {

  public Demand {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(window, "window");
    zones = Set.copyOf(zones);
  }

  /**
   * The demand of an application, or empty for a long-term registration (staff come and go every day
   * over months: they are the park's base load, not a visit in a window). Zones: the granted scope's
   * zones if the safety department granted one, else the requested zones, plus the zone of the
   * loading point.
   */
  public static Optional<Demand> of(Application application, Park park) {
    if (application.kind() == ApplicationKind.LONG_TERM_REGISTRATION) {
      return Optional.empty();
    }
    ApplicationContent c = application.content();
    Set<ZoneId> zones = new LinkedHashSet<>(
        application.scope().map(s -> s.zones()).orElse(c.requestedZones()));
    c.loadingPoint().flatMap(lp -> loadingPoint(park, c, lp))
        .flatMap(lp -> park.zoneAt(lp.position())).ifPresent(z -> zones.add(z.id()));
    int dangerous = (int) c.vehicles().stream().filter(v -> v.vehicleClass().isDangerous()).count();
    return Optional.of(new Demand(application.id(), c.window(), c.personIds().size(), c.vehicles().size(),
        dangerous, zones));
  }

  private static Optional<LoadingPoint> loadingPoint(Park park, ApplicationContent c, String id) {
    return park.enterprises().stream().filter(e -> e.id().equals(c.host())).findFirst()
        .flatMap((Enterprise e) -> e.loadingPoints().stream().filter(lp -> lp.id().equals(id)).findFirst());
  }

  static int count(Demand d, Resource r, Optional<ZoneId> zone) {
    switch (r) {
      case PEOPLE:
        return d.people;
      case VEHICLES:
        return d.vehicles;
      default:
        return zone.isPresent() && d.zones.contains(zone.get()) ? d.dangerousVehicles : 0;
    }
  }
}
