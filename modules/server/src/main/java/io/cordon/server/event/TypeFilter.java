package io.cordon.server.event;

import java.util.List;

/**
 * Selects event types: each pattern is an exact type ("sensor.intrusion") or a prefix ending with
 * "." ("sensor."). No patterns selects everything.
 */
public record TypeFilter(List<String> patterns) {

  public static final TypeFilter ALL = new TypeFilter(List.of());

  public TypeFilter {
    patterns = List.copyOf(patterns);
  }

  public boolean matches(String type) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (String pattern : patterns) {
      if (isPrefix(pattern) ? type.startsWith(pattern) : type.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPrefix(String pattern) {
    return pattern.endsWith(".");
  }
}
