package io.cordon.domain.appointment;

import io.cordon.domain.hazmat.HazmatCatalogue;
import io.cordon.domain.park.Park;
import io.cordon.domain.violation.BlacklistLookup;
import java.util.Objects;

/** What the automatic pre-checks consult: the rules, the park plan, the catalogue, the blacklist and other bookings. */
public record CheckContext(AppointmentRules rules, Park park, HazmatCatalogue catalogue, BlacklistLookup blacklist,
    VehicleBookings bookings) {
  public CheckContext {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(park, "park");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(blacklist, "blacklist");
    Objects.requireNonNull(bookings, "bookings");
  }
}
