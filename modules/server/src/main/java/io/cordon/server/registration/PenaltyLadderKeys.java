package io.cordon.server.registration;

import io.cordon.domain.violation.PenaltyLadder;
import io.cordon.domain.violation.PenaltyRule;
import io.cordon.domain.violation.Sanction;
import io.cordon.domain.violation.SanctionType;
import io.cordon.domain.violation.Target;
import io.cordon.domain.violation.ViolationKind;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the penalty ladder's steps from settings over a given ladder (see {@link RegistrationSettings}
 * for the keys and the format). A kind that is set replaces all of that kind's steps; the others keep
 * theirs. A value that does not parse fails with the key, the value and what is wrong in it.
 */
final class PenaltyLadderKeys {

  static final String PREFIX = AppointmentRuleKeys.PREFIX + "penalty.";
  private static final String FORMAT = "steps \"<from-occurrence>:<sanction>,<sanction>…\" separated by \";\","
      + " a sanction being <TYPE>@<TARGET>, FINE@<TARGET>:<yuan> or BAN@<TARGET>:<ISO-8601 period>, or \"none\"";

  private PenaltyLadderKeys() {
  }

  /** The violation as it appears in keys: false-declaration, forcing-gate, illegal-parking-at-gate, damaging-facilities. */
  static String keyOf(ViolationKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static PenaltyLadder read(Function<String, String> settings, PenaltyLadder ladder) {
    List<PenaltyRule> rules = new ArrayList<>();
    Map<ViolationKind, List<Sanction>> serious = new EnumMap<>(ViolationKind.class);
    serious.putAll(ladder.whenSerious());
    for (ViolationKind kind : ViolationKind.values()) {
      String key = PREFIX + keyOf(kind);
      String steps = settings.apply(key);
      if (steps == null || steps.isBlank()) {
        ladder.rules().stream().filter(r -> r.kind() == kind).forEach(rules::add);
      } else {
        rules.addAll(steps(key, steps, kind));
      }
      String seriousKey = key + ".serious";
      String extra = settings.apply(seriousKey);
      if (extra != null && !extra.isBlank()) {
        serious.put(kind, extra.strip().equalsIgnoreCase("none") ? List.of() : sanctions(seriousKey, extra, extra));
      }
    }
    return new PenaltyLadder(rules, serious,
        AppointmentRuleKeys.duration(settings, PREFIX + "look-back", ladder.lookBack(), false), ladder.zone());
  }

  private static List<PenaltyRule> steps(String key, String value, ViolationKind kind) {
    if (value.strip().equalsIgnoreCase("none")) {
      return List.of();
    }
    List<PenaltyRule> rules = new ArrayList<>();
    Set<Integer> occurrences = new HashSet<>();
    for (String step : value.split(";")) {
      int colon = step.indexOf(':');
      if (colon < 0) {
        throw bad(key, value, "step \"" + step.strip() + "\" has no \"<from-occurrence>:\"");
      }
      int from;
      try {
        from = Integer.parseInt(step.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        from = 0;
      }
      if (from < 1) {
        throw bad(key, value, "step \"" + step.strip() + "\" must start with an occurrence of 1 or more");
      }
      if (!occurrences.add(from)) {
        throw bad(key, value, "two steps from occurrence " + from);
      }
      rules.add(new PenaltyRule(kind, from, sanctions(key, value, step.substring(colon + 1))));
    }
    return rules;
  }

  private static List<Sanction> sanctions(String key, String value, String list) {
    List<Sanction> sanctions = new ArrayList<>();
    for (String text : list.split(",")) {
      sanctions.add(sanction(key, value, text.strip()));
    }
    return sanctions;
  }

  private static Sanction sanction(String key, String value, String text) {
    String[] typeAndRest = text.split("@", 2);
    if (typeAndRest.length != 2) {
      throw bad(key, value, "sanction \"" + text + "\" is not <TYPE>@<TARGET>");
    }
    String[] targetAndArgument = typeAndRest[1].split(":", 2);
    SanctionType type = constant(SanctionType.class, typeAndRest[0], key, value, "sanction type");
    Target target = constant(Target.class, targetAndArgument[0], key, value, "target");
    String argument = targetAndArgument.length == 2 ? targetAndArgument[1].strip() : "";
    if (type != SanctionType.FINE && type != SanctionType.BAN && !argument.isEmpty()) {
      throw bad(key, value, "sanction \"" + text + "\" takes no argument (only FINE and BAN do)");
    }
    try {
      switch (type) {
        case FINE:
          return Sanction.fine(target, Integer.parseInt(argument));
        case BAN:
          return Sanction.ban(target, Period.parse(argument));
        default:
          return Sanction.of(type, target);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw bad(key, value, "sanction \"" + text + "\" needs " + (type == SanctionType.FINE
          ? "a fine in whole yuan, e.g. FINE@ENTERPRISE:1000" : "an ISO-8601 period, e.g. BAN@PERSON:P7D"));
    } catch (IllegalArgumentException e) {
      throw bad(key, value, "sanction \"" + text + "\": " + e.getMessage());
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name, String key, String value, String what) {
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw bad(key, value, "unknown " + what + " \"" + name.strip() + "\" (one of " + Arrays.stream(
          type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }

  private static IllegalArgumentException bad(String key, String value, String problem) {
    return RegistrationSettings.badValue(key, value, FORMAT + "; " + problem);
  }
}
