package io.cordon.bench.timeline;

/**
 * The two databases' words for a row generator and timestamp arithmetic, so one set-based load runs on both:
 * rows come from {@code SYSTEM_RANGE} (H2) or {@code generate_series} (PostgreSQL) as {@code r.x}.
 */
enum BulkSql {
  H2 {
    @Override
    String range(long from, long to) {
      return "system_range(" + from + ", " + to + ") r";
    }

    @Override
    String plusMillis(String isoUtc, String millis) {
      return "dateadd(millisecond, cast(" + millis + " as bigint), timestamp with time zone '" + isoUtc + "')";
    }
  },
  POSTGRESQL {
    @Override
    String range(long from, long to) {
      return "generate_series(" + from + "::bigint, " + to + "::bigint) as r(x)";
    }

    @Override
    String plusMillis(String isoUtc, String millis) {
      return "(timestamptz '" + isoUtc + "' + (" + millis + ") * interval '1 millisecond')";
    }
  };

  abstract String range(long from, long to);

  abstract String plusMillis(String isoUtc, String millis);
}
