package io.cordon.server.registration;

import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.AppointmentRules;
import io.cordon.domain.appointment.KindRules;
import io.cordon.domain.appointment.RequiredField;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the per-kind appointment rules from settings over given rules (see {@link RegistrationSettings}
 * for the keys). A value that does not parse fails with the key, the value and what was expected.
 */
final class AppointmentRuleKeys {

  static final String PREFIX = "cordon.registration.";

  private AppointmentRuleKeys() {
  }

  /** The kind as it appears in keys: hazmat, hazwaste, visitor, freight, construction, long-term. */
  static String keyOf(ApplicationKind kind) {
    switch (kind) {
      case LONG_TERM_REGISTRATION:
        return "long-term";
      case HAZMAT_DELIVERY:
        return "hazmat";
      case HAZWASTE_DELIVERY:
        return "hazwaste";
      default:
        return kind.name().toLowerCase(Locale.ROOT);
    }
  }

  static AppointmentRules read(Function<String, String> settings, AppointmentRules rules) {
    AppointmentRules result = rules;
    for (ApplicationKind kind : ApplicationKind.values()) {
      KindRules k = rules.of(kind);
      String suffix = keyOf(kind);
      KindRules read = new KindRules(
          duration(settings, PREFIX + "lead-time." + suffix, k.leadTime(), true),
          k.maxWindow(),
          k.enterpriseConfirms(),
          duration(settings, PREFIX + "review.enterprise." + suffix, k.enterpriseWindow(), false),
          duration(settings, PREFIX + "review.first." + suffix, k.firstReviewWindow(), false),
          k.jointDepartments(),
          duration(settings, PREFIX + "review.joint." + suffix, k.jointReviewWindow(), false),
          required(settings, PREFIX + "required." + suffix, k.required()));
      result = result.with(kind, read);
    }
    return result;
  }

  /** An ISO-8601 duration ({@code PT24H}, {@code P2D}); positive, or also zero when {@code zeroAllowed}. */
  static Duration duration(Function<String, String> settings, String key, Duration fallback, boolean zeroAllowed) {
    String v = settings.apply(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    String expected = "an ISO-8601 duration such as PT24H or P2D, " + (zeroAllowed ? "not negative" : "positive");
    Duration d;
    try {
      d = Duration.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw RegistrationSettings.badValue(key, v, expected);
    }
    if (d.isNegative() || !zeroAllowed && d.isZero()) {
      throw RegistrationSettings.badValue(key, v, expected);
    }
    return d;
  }

  /** Comma-separated parts (people, vehicles, driver, escort, goods, route, loading-point, purpose) or "none". */
  private static Set<RequiredField> required(Function<String, String> settings, String key,
      Set<RequiredField> fallback) {
    String v = settings.apply(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    if (v.strip().equalsIgnoreCase("none")) {
      return Set.of();
    }
    Set<RequiredField> fields = EnumSet.noneOf(RequiredField.class);
    for (String part : v.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        fields.add(RequiredField.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw RegistrationSettings.badValue(key, v, "\"none\" or a comma-separated list of " + Arrays.stream(
            RequiredField.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .collect(Collectors.joining(", ")) + " (\"" + part.strip() + "\" is none of them)");
      }
    }
    return fields;
  }
}
