package io.cordon.server.gate.emergency;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How emergency openings are run.
 *
 * @param secondPersonRequired whether every opening needs a second person's password
 *     ({@code cordon.emergency.second-person=required}); optional otherwise
 * @param confirmTimeout how long a connected gate has to confirm a command before it is FAILED
 *     ({@code cordon.emergency.confirm-timeout}, e.g. {@code 5s}, {@code 800ms} or {@code PT5S})
 */
public record EmergencySettings(boolean secondPersonRequired, Duration confirmTimeout) {

  public static final String SECOND_PERSON_PROPERTY = "cordon.emergency.second-person";
  public static final String CONFIRM_TIMEOUT_PROPERTY = "cordon.emergency.confirm-timeout";
  public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(5);

  public EmergencySettings {
    Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new IllegalArgumentException("confirmTimeout must be positive");
    }
  }

  public static EmergencySettings defaults() {
    return new EmergencySettings(false, DEFAULT_CONFIRM_TIMEOUT);
  }

  /** From the system properties; unset ones take the defaults, bad ones stop the start. */
  public static EmergencySettings fromSystemProperties() {
    String secondPerson = System.getProperty(SECOND_PERSON_PROPERTY, "optional").strip().toLowerCase(Locale.ROOT);
    if (!secondPerson.equals("optional") && !secondPerson.equals("required")) {
      throw new IllegalArgumentException(SECOND_PERSON_PROPERTY + " must be required or optional, not " + secondPerson);
    }
    String timeout = System.getProperty(CONFIRM_TIMEOUT_PROPERTY);
    return new EmergencySettings(secondPerson.equals("required"),
        timeout == null ? DEFAULT_CONFIRM_TIMEOUT : parseDuration(timeout));
  }

  static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
      }
      return Duration.ofMillis(Long.parseLong(value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(CONFIRM_TIMEOUT_PROPERTY + " is not a duration: " + text, e);
    }
  }
}
