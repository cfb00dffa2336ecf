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
 *
 * <p>The server reads these keys from system properties ({@code -Dkey=value}; the properties file
 * does not carry them yet). Every key is optional: unset or blank keeps the default. A bad value stops
 * the server with an error naming the key. The defaults are {@link AppointmentRules#defaults()},
 * {@link PenaltyLadder#defaults()} and {@link #DEFAULT_CAPACITY}; no goods are forbidden by default.
 * <pre>
 * cordon.registration.forbidden-un=UN1001,UN1017            UN numbers the park refuses
 * cordon.registration.capacity.people=3000                  most people in the park at once
 * cordon.registration.capacity.vehicles=800                 most vehicles in the park at once
 * cordon.registration.capacity.dangerous-per-zone=10        most hazmat vehicles per zone
 *
 * # per kind: long-term, visitor, hazmat, hazwaste, freight, construction; ISO-8601 durations
 * cordon.registration.lead-time.hazmat=PT24H                least time between submission and window start (may be PT0S)
 * cordon.registration.review.enterprise.visitor=PT1H        time the enterprise has to confirm
 * cordon.registration.review.first.visitor=PT2H             time the safety department has for its review
 * cordon.registration.review.joint.hazmat=PT1H              time the joint reviewers have
 * cordon.registration.required.freight=vehicles,driver,purpose
 *     parts the application must fill in: people, vehicles, driver, escort, goods, route,
 *     loading-point, purpose, or "none"
 *
 * # penalty ladder per violation: false-declaration, forcing-gate, illegal-parking-at-gate, damaging-facilities
 * cordon.registration.penalty.false-declaration=1:WARNING@PERSON,REPRIMAND@ENTERPRISE;2:BAN@ENTERPRISE:P7D,FINE@ENTERPRISE:1000
 *     steps separated by ";", each "&lt;from-occurrence&gt;:&lt;sanctions&gt;" (a step holds from that
 *     occurrence until a higher one takes over); sanctions separated by ",", each TYPE@TARGET, with
 *     ":&lt;yuan&gt;" for FINE and ":&lt;ISO-8601 period&gt;" for BAN. Types: WARNING, REPRIMAND, FINE, BAN,
 *     ORDER_TO_LEAVE, SAFETY_EDUCATION, COMPENSATION, REFER_TO_POLICE; targets: PERSON, VEHICLE,
 *     ENTERPRISE, OFFENDER. Setting a violation replaces all its default steps; "none" removes them.
 * cordon.registration.penalty.forcing-gate.serious=REFER_TO_POLICE@OFFENDER   added for a serious case, or "none"
 * cordon.registration.penalty.look-back=P365D               how far back earlier violations count
 * </pre>
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
   * carries them); the keys are in the class comment.
   *
   * @throws IllegalArgumentException for a value that does not parse, naming the key
   */
  public static RegistrationSettings read(Function<String, String> settings) {
    RegistrationSettings d = defaults();
    String forbidden = settings.apply("cordon.registration.forbidden-un");
    Set<UnNumber> un;
    try {
      un = forbidden == null || forbidden.isBlank() ? Set.of()
          : Arrays.stream(forbidden.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(UnNumber::parse)
              .collect(Collectors.toSet());
    } catch (IllegalArgumentException e) {
      throw badValue("cordon.registration.forbidden-un", forbidden, "comma-separated UN numbers such as UN1001 ("
          + e.getMessage() + ")");
    }
    CapacityLimits c = new CapacityLimits(
        number(settings, "cordon.registration.capacity.people", d.capacity().maxPeople()),
        number(settings, "cordon.registration.capacity.vehicles", d.capacity().maxVehicles()),
        number(settings, "cordon.registration.capacity.dangerous-per-zone", d.capacity().maxDangerousVehiclesPerZone()));
    return new RegistrationSettings(AppointmentRuleKeys.read(settings, d.rules()), c, un,
        PenaltyLadderKeys.read(settings, d.ladder()), d.appealPeriod(), d.expiryCheck());
  }

  /** The error for a setting that does not parse: the key, the value and what was expected. */
  static IllegalArgumentException badValue(String key, String value, String expected) {
    return new IllegalArgumentException(key + " must be " + expected + ", not \"" + value + "\"");
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
