package io.cordon.server.ops;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options of one command; unknown names and missing values are usage errors. */
final class OpsArgs {

  private final Map<String, String> values;

  private OpsArgs(Map<String, String> values) {
    this.values = values;
  }

  /** @throws IllegalArgumentException naming the unknown option or the one without a value */
  static OpsArgs parse(List<String> args, Set<String> allowed) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name + " (options: " + String.join(" ", allowed) + ")");
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      values.put(name, args.get(++i));
    }
    return new OpsArgs(values);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<Path> path(String name) {
    return get(name).map(Path::of);
  }
}
