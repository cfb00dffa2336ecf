package io.cordon.server.track.trip;

import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.TrackEvent;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryPoint;
import io.cordon.domain.park.Road;
import io.cordon.domain.track.rules.OverspeedPolicy;
import io.cordon.domain.track.rules.ParkGeometry;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.EventPage;
import io.cordon.server.event.EventQuery;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.QueryCursor;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 轨迹回放: a vehicle's stored fixes in a time range (one range scan of vehicle_position_by_plate),
 * evenly thinned, each with the limit of the road under it, and the journal events about the
 * vehicle in the same range (one query by subject and time), never thinned.
 */
final class Trajectories {

  /** Enough for a day at one fix every 5 s; more are thinned. */
  static final int MAX_POINTS = 20_000;
  /** A day of one vehicle's events is far fewer; beyond this the replay shows the first ones. */
  static final int MAX_EVENTS = 5_000;
  private static final int EVENT_PAGE = 1_000;
  private static final int FETCH = 5_000;
  private static final double EARTH_RADIUS_KM = 6_371.0088;
  static final TypeFilter TYPES = new TypeFilter(List.of("track.", "gate.access", "gate.forced", "gate.tailgate"));

  private final Database database;
  private final EventJournal journal;
  private final ParkGeometry geometry;
  private final double snapMetres = OverspeedPolicy.Settings.DEFAULTS.snapMetres();

  Trajectories(Database database, EventJournal journal, ParkGeometry geometry) {
    this.database = database;
    this.journal = journal;
    this.geometry = geometry;
  }

  /** Fixes with {@code from <= time < to}; at most {@code maxPoints} of them, first and last kept. */
  Trajectory read(String plate, Instant from, Instant to, int maxPoints) {
    Fixes fixes = fixes(plate, from, to);
    Trajectory.Builder t = Trajectory.newBuilder().setPlate(plate).setStoredPoints(fixes.size);
    double distanceKm = 0;
    double maxSpeed = 0;
    for (int i = 0; i < fixes.size; i++) {
      maxSpeed = Math.max(maxSpeed, fixes.speed[i]);
      if (i > 0) {
        distanceKm += distanceKm(fixes.lon[i - 1], fixes.lat[i - 1], fixes.lon[i], fixes.lat[i]);
      }
    }
    t.setDistanceKm(distanceKm).setMaxSpeedKmh(maxSpeed).setThinned(fixes.size > maxPoints);
    int shown = Math.min(fixes.size, maxPoints);
    for (int k = 0; k < shown; k++) {
      int i = shown == fixes.size ? k : shown == 1 ? fixes.size - 1
          : (int) Math.round((double) k * (fixes.size - 1) / (shown - 1));
      t.addPoints(point(fixes, i));
    }
    t.addAllEvents(events(plate, from, to));
    return t.build();
  }

  private TrajectoryPoint point(Fixes f, int i) {
    Optional<Road> road = geometry.roadNear(f.lon[i], f.lat[i], snapMetres);
    return TrajectoryPoint.newBuilder()
        .setPosition(LonLat.newBuilder().setLon(f.lon[i]).setLat(f.lat[i]))
        .setSpeedKmh(f.speed[i])
        .setHeadingDeg(f.heading[i])
        .setTime(TripProtos.ts(Instant.ofEpochSecond(f.epochSecond[i], f.nano[i])))
        .setSpeedLimitKmh(road.map(r -> Math.max(0, r.speedLimitKmh())).orElse(0.0))
        .build();
  }

  /** The stored valid fixes, oldest first, in growable primitive arrays (a day at 1 Hz is 86,400). */
  private Fixes fixes(String plate, Instant from, Instant to) {
    return database.inTransaction(session -> session.doReturningWork(c -> {
      Fixes f = new Fixes();
      try (PreparedStatement select = c.prepareStatement("select lon, lat, heading_deg, speed_kmh, fix_time"
          + " from vehicle_position where plate = ? and fix_time >= ? and fix_time < ? and fix_valid"
          + " order by fix_time")) {
        select.setFetchSize(FETCH); // PostgreSQL streams only like this, inside a transaction
        select.setString(1, plate);
        select.setObject(2, TripTable.utc(from));
        select.setObject(3, TripTable.utc(to));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            f.add(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                rows.getObject(5, OffsetDateTime.class).toInstant());
          }
        }
      }
      return f;
    }));
  }

  private List<TrackEvent> events(String plate, Instant from, Instant to) {
    List<TrackEvent> events = new java.util.ArrayList<>();
    Optional<QueryCursor> after = Optional.empty();
    do {
      EventPage page = journal.query(new EventQuery(from, to, TYPES, List.of(new SubjectKey("vehicle", plate)),
          EVENT_PAGE, after));
      for (JournalEvent e : page.events()) {
        TrackEventTexts.of(e).ifPresent(events::add);
      }
      after = page.next();
    } while (after.isPresent() && events.size() < MAX_EVENTS);
    return events.size() > MAX_EVENTS ? events.subList(0, MAX_EVENTS) : events;
  }

  static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static final class Fixes {
    int size;
    double[] lon = new double[256];
    double[] lat = new double[256];
    double[] heading = new double[256];
    double[] speed = new double[256];
    long[] epochSecond = new long[256];
    int[] nano = new int[256];

    void add(double x, double y, double h, double s, Instant at) {
      if (size == lon.length) {
        int n = size * 2;
        lon = Arrays.copyOf(lon, n);
        lat = Arrays.copyOf(lat, n);
        heading = Arrays.copyOf(heading, n);
        speed = Arrays.copyOf(speed, n);
        epochSecond = Arrays.copyOf(epochSecond, n);
        nano = Arrays.copyOf(nano, n);
      }
      lon[size] = x;
      lat[size] = y;
      heading[size] = h;
      speed[size] = s;
      epochSecond[size] = at.getEpochSecond();
      nano[size] = at.getNano();
      size++;
    }
  }
}
