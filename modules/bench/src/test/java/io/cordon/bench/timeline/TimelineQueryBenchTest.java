package io.cordon.bench.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.bench.timeline.TimelineQueryBench.QueryTiming;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline bench at a small size, so CI runs its set-based load and its three queries on H2 and on the CI
 * PostgreSQL (the full size, 10 M events and 50 M positions, is run by command: README). The numbers it prints
 * are for reading in the CI log; what it checks is that each query found the data it was meant to time.
 */
class TimelineQueryBenchTest {

  private static final Pattern NUMBER = Pattern.compile("(\\w+)=(\\d+)");

  @TempDir Path dir;

  @Test
  void onH2TheLoadedMonthAnswersEveryQueryWithData() throws Exception {
    assertFoundData(TimelineQueryBench.run(small("db=" + dir.resolve("h2"))));
  }

  @Test
  void onPostgresqlTheLoadedMonthAnswersEveryQueryWithData() throws Exception {
    String url = System.getenv("CORDON_TEST_PG_URL");
    Assumptions.assumeTrue(url != null && !url.isBlank(), "PostgreSQL bench skipped: set CORDON_TEST_PG_URL");
    String user = System.getenv().getOrDefault("CORDON_TEST_PG_USER", "");
    String password = System.getenv().getOrDefault("CORDON_TEST_PG_PASSWORD", "");
    String schema = "cordon_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    execute(url, user, password, "create schema " + schema);
    try {
      String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      assertFoundData(TimelineQueryBench.run(small("pg=" + schemaUrl, "pguser=" + user, "pgpassword=" + password)));
    } finally {
      execute(url, user, password, "drop schema " + schema + " cascade");
    }
  }

  private static TimelineBenchSettings small(String... where) {
    String[] args = new String[where.length + 6];
    System.arraycopy(new String[] {"events=100000", "positions=400000", "vehicles=200", "days=2", "warmup=2",
        "runs=5"}, 0, args, 0, 6);
    System.arraycopy(where, 0, args, 6, where.length);
    return TimelineBenchSettings.parse(args);
  }

  private static void assertFoundData(List<QueryTiming> timings) {
    assertThat(timings).extracting(QueryTiming::name).containsExactly("vehicle, 1 h, with track",
        "area (zone-sized), 1 h, with tracks", "positions at a moment, whole park");
    // 400,000 fixes of 200 vehicles over 2 days: about 40 an hour each; every event names a vehicle or a gate
    assertThat(number(timings.get(0), "points")).isPositive();
    assertThat(number(timings.get(1), "entries")).isPositive();
    assertThat(number(timings.get(1), "tracks")).isPositive();
    assertThat(number(timings.get(2), "vehicles")).isPositive();
    assertThat(timings).allSatisfy(t -> assertThat(t.p50Millis()).isPositive());
  }

  private static long number(QueryTiming timing, String name) {
    Matcher m = NUMBER.matcher(timing.last());
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Long.parseLong(m.group(2));
      }
    }
    throw new AssertionError("no " + name + " in " + timing.last());
  }

  private static void execute(String url, String user, String password, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
