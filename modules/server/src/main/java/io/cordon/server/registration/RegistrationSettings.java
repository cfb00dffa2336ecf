package io.cordon.server.registration;

import io.cordon.domain.appointment.AppointmentRules;
import io.cordon.domain.capacity.CapacityLimits;
import io.cordon.domain.hazmat.UnNumber;
import io.cordon.domain.violation.Appeal;
import io.cordon.domain.violation.PenaltyLadder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configuration of registration and appointments: the domain's rules (lead times, review
 * windows, required parts, by default the proposal's numbers), capacity limits, the UN numbers the
 * park forbids, the penalty ladder, the appeal period and how often pending applications are
 * checked for expiry.
 */
public record RegistrationSettings(AppointmentRules rules, CapacityLimits capacity, Set<UnNumber> forbiddenGoods,
    PenaltyLadder ladder, Duration appealPeriod, Duration expiryCheck) {

  /** Defaults when unset. The guideline and the proposal give no capacity numbers: these suit the sample park. */
  public static final CapacityLimits DEFAULT_CAPACITY = new CapacityLimits(3000, 800, 10);

  public RegistrationSettings {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(capacity, "capacity");
    forbiddenGoods = Set.copyOf(forbiddenGoods);
    Objects.requireNonNull(ladder, "ladder");
    Objects.requireNonNull(appealPeriod, "appealPeriod");
    Objects.requireNonNull(expiryCheck, "expiryCheck");
  }

  public static RegistrationSettings defaults() {
    return new RegistrationSettings(AppointmentRules.defaults(), DEFAULT_CAPACITY, Set.of(), PenaltyLadder.defaults(),
        Appeal.DEFAULT_APPEAL_PERIOD, Duration.ofMinutes(1));
  }

  /**
   * The defaults with overrides from settings (system properties in the server until ServerConfig
   * carries them): {@code cordon.registration.forbidden-un} (comma-separated UN numbers),
   * {@code cordon.registration.capacity.people}, {@code .vehicles}, {@code .dangerous-per-zone}.
   */
  public static RegistrationSettings read(Function<String, String> settings) {
    RegistrationSettings d = defaults();
    String forbidden = settings.apply("cordon.registration.forbidden-un");
    Set<UnNumber> un = forbidden == null || forbidden.isBlank() ? Set.of()
        : Arrays.stream(forbidden.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(UnNumber::parse)
            .collect(Collectors.toSet());
    CapacityLimits c = new CapacityLimits(
        number(settings, "cordon.registration.capacity.people", d.capacity().maxPeople()),
        number(settings, "cordon.registration.capacity.vehicles", d.capacity().maxVehicles()),
        number(settings, "cordon.registration.capacity.dangerous-per-zone", d.capacity().maxDangerousVehiclesPerZone()));
    return new RegistrationSettings(d.rules(), c, un, d.ladder(), d.appealPeriod(), d.expiryCheck());
  }

  private static int number(Function<String, String> settings, String key, int fallback) {
    String v = settings.apply(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not \"" + v + "\"", e);
    }
  }
}
