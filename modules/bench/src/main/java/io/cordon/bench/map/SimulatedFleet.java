package io.cordon.bench.map;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.Road;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.live.LiveVehicles;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Vehicles driving up and down the park's roads, each reporting once a second like a real
 * terminal: a background thread ticks every {@value #TICK_MILLIS} ms and moves the vehicles whose
 * slot is due, so the updates are spread over the second. A few vehicles stand in the parking
 * lots. Each vehicle keeps a ring of its fixes of the last trail window; readers get immutable
 * views of it, so the map's FX thread can iterate while the ticker writes.
 */
final class SimulatedFleet implements LiveVehicles, AutoCloseable {
  static final long TICK_MILLIS = 10;
  private static final int SLOTS = (int) (1000 / TICK_MILLIS);
  private static final int RING = 512; // > 2 × the 300 fixes of a 5-minute trail at 1 Hz

  private final Vehicle[] vehicles;
  private final long trailMillis;
  private final AtomicLong revision = new AtomicLong();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fleet-ticker");
    t.setDaemon(true);
    return t;
  });
  private long tick;

  private SimulatedFleet(Vehicle[] vehicles, long trailMillis) {
    this.vehicles = vehicles;
    this.trailMillis = trailMillis;
  }

  /** {@code count} vehicles on the park's roads (3 % parked in its lots), deterministic for a seed. */
  static SimulatedFleet onRoads(Park park, LocalProjection projection, int count, long trailMillis, long seed) {
    Random random = new Random(seed);
    List<double[]> roads = new ArrayList<>();
    for (Road road : park.roads()) {
      Coordinate[] cs = road.line().getCoordinates();
      double[] xy = new double[cs.length * 2];
      for (int i = 0; i < cs.length; i++) {
        Coordinate m = projection.toMetres(cs[i]);
        xy[2 * i] = m.x;
        xy[2 * i + 1] = m.y;
      }
      roads.add(xy);
    }
    Vehicle[] vehicles = new Vehicle[count];
    VehicleClass[] classes = VehicleClass.values();
    double[] classShare = {0.30, 0.15, 0.15, 0.30, 0.10}; // ORDINARY, COMMUTER, CONSTRUCTION, HAZMAT, HAZWASTE
    for (int i = 0; i < count; i++) {
      VehicleClass vehicleClass = pick(classes, classShare, random.nextDouble());
      String plate = plate(i, random);
      if (i % 33 == 0 && !park.parkingLots().isEmpty()) {
        ParkingLot lot = park.parkingLots().get(i % park.parkingLots().size());
        Point p = lot.area().getInteriorPoint();
        Coordinate m = projection.toMetres(p.getCoordinate());
        vehicles[i] = Vehicle.parked(plate, vehicleClass, projection, m.x + random.nextGaussian() * 8,
            m.y + random.nextGaussian() * 8, random.nextInt(SLOTS));
      } else {
        double[] road = roads.get(random.nextInt(roads.size()));
        double speed = (15 + random.nextDouble() * 35) / 3.6;
        vehicles[i] = Vehicle.driving(plate, vehicleClass, projection, road, random.nextDouble() * length(road),
            random.nextBoolean() ? 1 : -1, speed, random.nextInt(SLOTS));
      }
    }
    return new SimulatedFleet(vehicles, trailMillis);
  }

  /** Fills each vehicle's trail as if it had been driving for the whole window already. */
  SimulatedFleet prefilled(long nowMillis) {
    long seconds = trailMillis / 1000;
    for (Vehicle v : vehicles) {
      v.rewind(seconds);
      for (long s = seconds; s >= 1; s--) {
        v.step(nowMillis - s * 1000, trailMillis);
      }
    }
    revision.incrementAndGet();
    return this;
  }

  void start() {
    ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    int slot = (int) (tick++ % SLOTS);
    long now = System.currentTimeMillis();
    boolean moved = false;
    for (Vehicle v : vehicles) {
      if (v.slot == slot) {
        v.step(now, trailMillis);
        moved = true;
      }
    }
    if (moved) {
      revision.incrementAndGet();
    }
  }

  int size() {
    return vehicles.length;
  }

  @Override
  public long revision() {
    return revision.get();
  }

  @Override
  public void forEach(VehicleVisitor visitor) {
    for (Vehicle v : vehicles) {
      Snapshot s = v.snapshot;
      if (s != null) {
        visitor.visit(v.plate, v.vehicleClass, s.current, s.trail);
      }
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  private static VehicleClass pick(VehicleClass[] classes, double[] share, double r) {
    double sum = 0;
    for (int i = 0; i < classes.length; i++) {
      sum += share[i];
      if (r < sum) {
        return classes[i];
      }
    }
    return classes[classes.length - 1];
  }

  private static String plate(int i, Random random) {
    String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    return "苏" + letters.charAt(i % 13) + String.format("%05d", random.nextInt(100_000));
  }

  static double length(double[] road) {
    double sum = 0;
    for (int i = 2; i < road.length; i += 2) {
      sum += Math.hypot(road[i] - road[i - 2], road[i + 1] - road[i - 1]);
    }
    return sum;
  }

  private record Snapshot(TrackPoint current, List<TrackPoint> trail) {}

  /** One vehicle; written by the ticker only, read through the volatile snapshot. */
  private static final class Vehicle {
    final String plate;
    final VehicleClass vehicleClass;
    final LocalProjection projection;
    final double[] road;
    final double roadLength;
    final double speed;
    final int slot;
    final double parkedX;
    final double parkedY;
    double along;
    int direction;
    final TrackPoint[] ring = new TrackPoint[RING];
    long start;
    int count;
    volatile Snapshot snapshot;

    private Vehicle(String plate, VehicleClass vehicleClass, LocalProjection projection, double[] road, double along,
        int direction, double speed, int slot, double parkedX, double parkedY) {
      this.plate = plate;
      this.vehicleClass = vehicleClass;
      this.projection = projection;
      this.road = road;
      this.roadLength = road == null ? 0 : length(road);
      this.along = along;
      this.direction = direction;
      this.speed = speed;
      this.slot = slot;
      this.parkedX = parkedX;
      this.parkedY = parkedY;
    }

    static Vehicle driving(String plate, VehicleClass c, LocalProjection p, double[] road, double along, int direction,
        double speed, int slot) {
      return new Vehicle(plate, c, p, road, along, direction, speed, slot, 0, 0);
    }

    static Vehicle parked(String plate, VehicleClass c, LocalProjection p, double x, double y, int slot) {
      return new Vehicle(plate, c, p, null, 0, 1, 0, slot, x, y);
    }

    /** Drives the path of the last {@code seconds} backwards, so that prefilling ends where the vehicle is. */
    void rewind(long seconds) {
      direction = -direction;
      for (long s = 0; s < seconds; s++) {
        advance();
      }
      direction = -direction;
    }

    private void advance() {
      if (road == null) {
        return;
      }
      along += direction * speed;
      if (along > roadLength) {
        along = 2 * roadLength - along;
        direction = -direction;
      } else if (along < 0) {
        along = -along;
        direction = -direction;
      }
    }

    void step(long nowMillis, long trailMillis) {
      advance();
      double x;
      double y;
      double heading;
      if (road == null) {
        x = parkedX;
        y = parkedY;
        heading = 0;
      } else {
        double[] at = pointAt(along);
        x = at[0];
        y = at[1];
        heading = direction > 0 ? at[2] : (at[2] + 180) % 360;
      }
      Coordinate lonLat = projection.toLonLat(new Coordinate(x, y));
      TrackPoint fix = new TrackPoint(lonLat.x, lonLat.y, heading, speed * 3.6, nowMillis);
      Snapshot previous = snapshot;
      if (previous != null) {
        ring[(int) ((start + count) % RING)] = previous.current;
        count++;
      }
      while (count > 0 && nowMillis - ring[(int) (start % RING)].epochMillis() > trailMillis) {
        start++;
        count--;
      }
      snapshot = new Snapshot(fix, new TrailView(ring, start, count));
    }

    /** x, y and heading (degrees clockwise from north, in the road's direction) at a distance along the road. */
    private double[] pointAt(double distance) {
      double rest = distance;
      for (int i = 2; i < road.length; i += 2) {
        double dx = road[i] - road[i - 2];
        double dy = road[i + 1] - road[i - 1];
        double len = Math.hypot(dx, dy);
        if (rest <= len || i == road.length - 2) {
          double f = len == 0 ? 0 : Math.min(1, rest / len);
          double heading = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
          return new double[] {road[i - 2] + dx * f, road[i - 1] + dy * f, heading};
        }
        rest -= len;
      }
      return new double[] {road[0], road[1], 0};
    }
  }

  /** An immutable window onto a vehicle's fix ring (slots it covers are not rewritten while it is read). */
  private static final class TrailView extends AbstractList<TrackPoint> {
    private final TrackPoint[] ring;
    private final long start;
    private final int count;

    TrailView(TrackPoint[] ring, long start, int count) {
      this.ring = ring;
      this.start = start;
      this.count = count;
    }

    @Override
    public TrackPoint get(int index) {
      return ring[(int) ((start + index) % RING)];
    }

    @Override
    public int size() {
      return count;
    }
  }
}
