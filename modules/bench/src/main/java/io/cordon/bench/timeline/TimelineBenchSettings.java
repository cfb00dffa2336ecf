package io.cordon.bench.timeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Arguments of {@link TimelineQueryBench}, {@code key=value}: events, positions, vehicles, days, db (the H2
 * file, kept and reused), h2 (extra H2 URL options, e.g. CACHE_SIZE=524288; none: as the server opens it), pg (a
 * PostgreSQL JDBC URL instead of H2, with pguser/pgpassword), warmup and runs.
 */
record TimelineBenchSettings(long events, long positions, int vehicles, int days, Path db, String h2Options,
    Optional<String> pg, String pgUser, String pgPassword, int warmup, int runs) {

  static TimelineBenchSettings parse(String... args) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, not " + arg);
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    long events = Long.parseLong(a.getOrDefault("events", "10000000"));
    long positions = Long.parseLong(a.getOrDefault("positions", "50000000"));
    return new TimelineBenchSettings(events, positions, Integer.parseInt(a.getOrDefault("vehicles", "2000")),
        Integer.parseInt(a.getOrDefault("days", "30")),
        Path.of(a.getOrDefault("db", "target/timeline-bench/e" + events + "-p" + positions)).toAbsolutePath(),
        a.getOrDefault("h2", ""), Optional.ofNullable(a.get("pg")), a.getOrDefault("pguser", "cordon_ci"),
        a.getOrDefault("pgpassword", "cordon_ci"), Integer.parseInt(a.getOrDefault("warmup", "10")),
        Integer.parseInt(a.getOrDefault("runs", "50")));
  }
}
