package io.cordon.bench.timeline;

import io.cordon.api.v1.LinearRing;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Polygon;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.incident.IncidentEntities;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.timeline.IncidentScopes;
import io.cordon.server.timeline.JournalTimelines;
import io.cordon.server.timeline.Times;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Timeline queries against a month of a busy park (DESIGN §13: one subject over one hour, 10 M events and
 * 50 M positions, ≤ 200 ms): builds the database once through the server's migrations (kept in {@code db=},
 * reused when it holds the same data set), then times, after a warm-up, one vehicle's hour with its track, a
 * zone-sized area's hour with the tracks in it, and the whole park's positions at a moment.
 *
 * <pre>
 * ./mvnw -q -pl modules/bench exec:exec@timeline-query -Dbench.jvmArgs=-Xmx2g \
 *     -Dbench.args="events=10000000 positions=50000000 warmup=10 runs=50"
 * </pre>
 */
public final class TimelineQueryBench {

  private TimelineQueryBench() {
  }

  /** One query's timings; {@code last} describes the last answer (sizes, to see the query found data). */
  record QueryTiming(String name, int runs, double p50Millis, double p95Millis, double maxMillis, String last) {}

  public static void main(String[] args) throws Exception {
    run(TimelineBenchSettings.parse(args));
  }

  /** Loads (or reuses) the data set, times the three queries and prints each line as it goes. */
  static List<QueryTiming> run(TimelineBenchSettings settings) throws Exception {
    BulkSql sql = settings.pg().isPresent() ? BulkSql.POSTGRESQL : BulkSql.H2;
    String url;
    String user;
    String password;
    if (settings.pg().isPresent()) {
      url = settings.pg().get();
      user = settings.pgUser();
      password = settings.pgPassword();
    } else {
      Files.createDirectories(settings.db());
      // as the server opens its H2 database (ServerConfig: H2's own 16 MB page cache), plus h2= options if given
      url = "jdbc:h2:file:" + settings.db().resolve("timeline") + ";DB_CLOSE_ON_EXIT=FALSE"
          + (settings.h2Options().isEmpty() ? "" : ";" + settings.h2Options());
      user = "bench";
      password = "";
    }
    System.out.printf("timeline-query: %,d events, %,d positions of %,d vehicles over %d days in %s%n",
        settings.events(), settings.positions(), settings.vehicles(), settings.days(), url);
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(IncidentEntities.classes());
    try (Database database = Database.open(new DatabaseSettings(url, user, password), entities);
        Connection c = DriverManager.getConnection(url, user, password)) {
      TimelineBenchData data = new TimelineBenchData(settings, sql);
      if (data.loaded(c)) {
        System.out.println("load: reused the database");
      } else {
        Duration took = data.load(c);
        System.out.printf("load: %.1f s (%,.0f rows/s)%n", took.toMillis() / 1e3,
            (settings.events() * 2.8 + settings.positions()) / Math.max(0.001, took.toMillis() / 1e3));
      }
      JournalTimelines timelines = new JournalTimelines(database, ParkFileLoader.loadSample(), IncidentScopes.NONE);
      Random random = new Random(42);
      long hours = data.span().toHours() - 2;
      IntFunction<Instant> anHour = i -> TimelineBenchData.START.plus(Duration.ofHours(1 + random.nextInt((int) hours)))
          .plusSeconds(random.nextInt(3_600));
      List<QueryTiming> timings = new ArrayList<>();
      timings.add(time("vehicle, 1 h, with track", settings, () -> {
        Instant from = anHour.apply(0);
        Timeline t = timelines.timeline(TimelineRequest.newBuilder().setFrom(Times.timestamp(from))
            .setTo(Times.timestamp(from.plusSeconds(3_600))).setIncludeTracks(true)
            .addSubjects(SubjectRef.newBuilder().setKind("vehicle")
                .setId(TimelineBenchData.plate(random.nextInt(settings.vehicles()))))
            .build());
        return "entries=" + t.getEntriesCount() + " points=" + t.getTracksList().stream()
            .mapToLong(x -> x.getTotalPoints()).sum();
      }));
      timings.add(time("area (zone-sized), 1 h, with tracks", settings, () -> {
        Instant from = anHour.apply(0);
        double lon = TimelineBenchData.MIN_LON + random.nextDouble() * (TimelineBenchData.SPAN_LON - 0.006);
        double lat = TimelineBenchData.MIN_LAT + random.nextDouble() * (TimelineBenchData.SPAN_LAT - 0.004);
        Timeline t = timelines.timeline(TimelineRequest.newBuilder().setFrom(Times.timestamp(from))
            .setTo(Times.timestamp(from.plusSeconds(3_600))).setIncludeTracks(true)
            .setArea(rectangle(lon, lat, 0.006, 0.004)).build());
        return "entries=" + t.getEntriesCount() + " tracks=" + t.getTracksCount() + " truncated=" + t.getTruncated();
      }));
      timings.add(time("positions at a moment, whole park", settings, () -> {
        PositionsAt p = timelines.positionsAt(PositionsAtRequest.newBuilder()
            .setAt(Times.timestamp(anHour.apply(0))).build());
        return "vehicles=" + p.getVehiclesCount();
      }));
      return timings;
    }
  }

  private interface Query {
    String run();
  }

  private static QueryTiming time(String name, TimelineBenchSettings settings, Query query) {
    for (int i = 0; i < settings.warmup(); i++) {
      query.run();
    }
    long[] nanos = new long[settings.runs()];
    String last = "";
    for (int i = 0; i < settings.runs(); i++) {
      long t = System.nanoTime();
      last = query.run();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    QueryTiming timing = new QueryTiming(name, nanos.length, ms(nanos[nanos.length / 2]),
        ms(nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.95) - 1)]), ms(nanos[nanos.length - 1]),
        last);
    System.out.printf("%-38s runs=%d p50=%.1f ms p95=%.1f ms max=%.1f ms (last: %s)%n", name, timing.runs(),
        timing.p50Millis(), timing.p95Millis(), timing.maxMillis(), last);
    return timing;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static Polygon rectangle(double lon, double lat, double width, double height) {
    double[][] corners = {{lon, lat}, {lon + width, lat}, {lon + width, lat + height}, {lon, lat + height}, {lon, lat}};
    LinearRing.Builder ring = LinearRing.newBuilder();
    for (double[] p : corners) {
      ring.addPoints(LonLat.newBuilder().setLon(p[0]).setLat(p[1]));
    }
    return Polygon.newBuilder().addRings(ring).build();
  }
}
