package io.cordon.app.track;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.ActiveViolation;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.TrackEvent;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryPoint;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.api.v1.TripState;
import io.cordon.api.v1.VehiclePosition;
import io.cordon.client.track.TripClient;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;

/**
 * A TripService for the app's track views on a loopback port: one hazmat tanker, 苏E12345, driving
 * the sample park's longest dangerous-goods road — within the limit, then a little over, then far
 * over (an overspeed event), then on past the road's end where no limit is known.
 */
final class TrackDemoBackend implements AutoCloseable {
  static final Park PARK = ParkFileLoader.loadSample();
  static final String PLATE = "苏E12345";
  static final Road ROAD = PARK.roads().stream().filter(r -> r.roadClass() == RoadClass.HAZMAT)
      .max(Comparator.comparingDouble(r -> r.line().getLength())).orElseThrow();
  static final double LIMIT = ROAD.speedLimitKmh() > 0 ? ROAD.speedLimitKmh() : 40;

  final List<TrajectoryRequest> trajectoryRequests = new CopyOnWriteArrayList<>();
  private final ExecutorService background = Executors.newFixedThreadPool(2);
  private final Server server;
  private final ManagedChannel channel;
  final TripClient client;

  TrackDemoBackend() {
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service()).build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    client = new TripClient(channel, null, background);
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  private static LonLat at(Coordinate c) {
    return LonLat.newBuilder().setLon(c.x).setLat(c.y).build();
  }

  /** 40 fixes 10 s apart along the road, ending 5 minutes before {@code to}. */
  static Trajectory trajectory(Instant to) {
    Coordinate[] line = ROAD.line().getCoordinates();
    int n = 40;
    Instant start = to.minusSeconds(300 + 10L * n);
    Trajectory.Builder t = Trajectory.newBuilder().setPlate(PLATE).setStoredPoints(n).setDistanceKm(1.4)
        .setMaxSpeedKmh(LIMIT + 22);
    for (int i = 0; i < n; i++) {
      Coordinate c = along(line, i / (double) (n - 1));
      Coordinate next = along(line, Math.min(1, (i + 1) / (double) (n - 1)));
      double heading = (Math.toDegrees(Math.atan2(next.x - c.x, next.y - c.y)) + 360) % 360;
      double speed = i < 12 ? LIMIT - 8 : i < 20 ? LIMIT + 6 : i < 28 ? LIMIT + 22 : LIMIT - 10;
      double limit = i < 34 ? LIMIT : 0;
      t.addPoints(TrajectoryPoint.newBuilder().setPosition(at(c)).setSpeedKmh(speed).setHeadingDeg(heading)
          .setSpeedLimitKmh(limit).setTime(ts(start.plusSeconds(10L * i))));
    }
    t.addEvents(TrackEvent.newBuilder().setTime(ts(start)).setKind("gate.entry").setText("入园")
        .setPosition(at(along(line, 0))));
    t.addEvents(TrackEvent.newBuilder().setTime(ts(start.plusSeconds(200))).setKind("violation.started")
        .setRule("OVERSPEED").setText(String.format("超速 %.0f km/h（限速 %.0f）", LIMIT + 22, LIMIT))
        .setPosition(at(along(line, 20 / 39.0))).setAlarmId("A-000100"));
    t.addEvents(TrackEvent.newBuilder().setTime(ts(start.plusSeconds(280))).setKind("violation.ended")
        .setRule("OVERSPEED").setText("超速结束").setPosition(at(along(line, 28 / 39.0))));
    return t.build();
  }

  /** The point a fraction of the way along a polyline. */
  static Coordinate along(Coordinate[] line, double fraction) {
    double total = 0;
    for (int i = 1; i < line.length; i++) {
      total += line[i].distance(line[i - 1]);
    }
    double wanted = fraction * total;
    for (int i = 1; i < line.length; i++) {
      double d = line[i].distance(line[i - 1]);
      if (wanted <= d || i == line.length - 1) {
        double f = d == 0 ? 0 : Math.min(1, wanted / d);
        return new Coordinate(line[i - 1].x + f * (line[i].x - line[i - 1].x),
            line[i - 1].y + f * (line[i].y - line[i - 1].y));
      }
      wanted -= d;
    }
    return line[0];
  }

  static io.cordon.api.v1.TrackedVehicle tanker() {
    Coordinate c = along(ROAD.line().getCoordinates(), 0.55);
    Instant now = Instant.now();
    return io.cordon.api.v1.TrackedVehicle.newBuilder()
        .setPlate(PLATE)
        .setPlateColor(io.cordon.api.v1.PlateColor.PLATE_COLOR_YELLOW)
        .setVehicleClass(io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_HAZMAT)
        .setTrip(Trip.newBuilder().setTripId("T-000007").setState(TripState.TRIP_STATE_OPEN)
            .setTerminalNumber("013800138000").setPermitId("A-000042"))
        .setPermit(Permit.newBuilder().setPermitId("A-000042").setRouteId("")
            .setWindow(TimeWindow.newBuilder().setFrom(ts(now.minusSeconds(3600)))
                .setUntil(ts(now.plusSeconds(6 * 3600)))))
        .addGoods(Goods.newBuilder().setUnNumber("UN1203").setName("汽油").setHazardClass("3").setAmount("28.5")
            .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE))
        .setDriver(RegistryPerson.newBuilder().setName("王建国").setPhone("13800001111"))
        .setEscort(RegistryPerson.newBuilder().setName("李明").setPhone("13900002222"))
        .setHostEnterpriseName("扬子石化")
        .setCurrent(VehiclePosition.newBuilder().setPosition(at(c)).setSpeedKmh(LIMIT + 22).setHeadingDeg(90)
            .setTime(ts(now)))
        .setRoad(ROAD.name())
        .setSpeedLimitKmh(LIMIT)
        .addViolations(ActiveViolation.newBuilder().setRule("OVERSPEED")
            .setAlarmType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING).setSince(ts(now.minusSeconds(40)))
            .setPlace(ROAD.name()).putParameters("speed_kmh", String.format("%.0f", LIMIT + 22))
            .putParameters("limit_kmh", String.format("%.0f", LIMIT)).setAlarmId("A-000100"))
        .build();
  }

  private final class Service extends TripServiceGrpc.TripServiceImplBase {
    @Override
    public void getVehicle(GetTrackedVehicleRequest request, StreamObserver<io.cordon.api.v1.TrackedVehicle> answer) {
      if (!request.getPlate().equals(PLATE)) {
        answer.onError(Status.NOT_FOUND.asRuntimeException());
        return;
      }
      answer.onNext(tanker());
      answer.onCompleted();
    }

    @Override
    public void getTrajectory(TrajectoryRequest request, StreamObserver<Trajectory> answer) {
      trajectoryRequests.add(request);
      if (!request.getPlate().equals(PLATE)) {
        answer.onNext(Trajectory.newBuilder().setPlate(request.getPlate()).build());
      } else {
        answer.onNext(trajectory(Instant.ofEpochSecond(request.getTo().getSeconds())));
      }
      answer.onCompleted();
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    background.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
