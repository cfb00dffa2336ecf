package io.cordon.server.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.LiveTrackRequest;
import io.cordon.api.v1.LiveTrackUpdate;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.PositionBatchAck;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.TrackServiceGrpc;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.VehicleFix;
import io.cordon.api.v1.VehicleTrack;
import io.cordon.domain.track.TrackPoint;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions from a device to a live subscriber, through a real server on loopback with H2. */
class PositionIngestOverGrpcTest {

  // on 纬一路 of the sample park
  private static final double LON = 120.93;
  private static final double LAT = 31.938567;

  @TempDir
  Path dataDir;
  private TestServer server;
  private String deviceToken;
  private String operatorToken;
  private final List<Context.CancellableContext> subscriptions = new java.util.ArrayList<>();

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
    deviceToken = server.login("device");
    operatorToken = server.login("operator");
  }

  @AfterEach
  void stop() {
    subscriptions.forEach(c -> c.cancel(null));
    server.close();
  }

  @Test
  void anIngestedBatchIsInTheSnapshotOfANewSubscriber() {
    Instant t = Instant.now().minusSeconds(2);
    PositionBatchAck ack = report(batch("b-1", fix("苏E1234挂", t), fix("苏AD12345", t)));

    assertThat(ack.getAccepted()).isEqualTo(2);
    assertThat(ack.getDuplicate()).isFalse();
    LiveTrackUpdate first = subscribe().next();
    assertThat(first.getSnapshot()).isTrue();
    assertThat(first.getSnapshotEnd()).isTrue();
    assertThat(first.getTrailSeconds()).isEqualTo(300);
    assertThat(first.getStaleAfterSeconds()).isEqualTo(120);
    assertThat(first.getVehiclesList()).extracting(VehicleTrack::getPlate)
        .containsExactlyInAnyOrder("苏E1234挂", "苏AD12345");
    VehicleTrack trailer = byPlate(first).get("苏E1234挂");
    assertThat(trailer.getVehicleClass()).isEqualTo(VehicleClass.VEHICLE_CLASS_HAZMAT);
    assertThat(trailer.getPlateColor()).isEqualTo(PlateColor.PLATE_COLOR_YELLOW);
    assertThat(trailer.getCurrent().getPosition().getLon()).isEqualTo(LON);
    assertThat(trailer.getCurrent().getTime().getSeconds()).isEqualTo(t.getEpochSecond());
  }

  @Test
  void aSubscriberSeesLaterBatchesAsUpdatesOfTheVehiclesThatMoved() {
    Instant t = Instant.now().minusSeconds(10);
    report(batch("b-1", fix("苏E1234挂", t), fix("苏A12345", t)));
    Iterator<LiveTrackUpdate> stream = subscribe();
    assertThat(stream.next().getVehiclesCount()).isEqualTo(2);

    report(batch("b-2", fix("苏A12345", t.plusSeconds(6)).setHeadingDeg(180)));

    LiveTrackUpdate update = stream.next();
    assertThat(update.getSnapshot()).isFalse();
    assertThat(update.getVehiclesList()).extracting(VehicleTrack::getPlate).containsExactly("苏A12345");
    assertThat(update.getVehicles(0).getCurrent().getHeadingDeg()).isEqualTo(180);
    assertThat(update.getVehicles(0).getTrailList()).isEmpty();
  }

  @Test
  void aNewSubscriberGetsTheTrailBeforeTheCurrentFix() {
    Instant t = Instant.now().minusSeconds(30);
    report(batch("b-1", fix("苏A12345", t)));
    report(batch("b-2", fix("苏A12345", t.plusSeconds(10))));
    report(batch("b-3", fix("苏A12345", t.plusSeconds(20))));

    VehicleTrack vehicle = subscribe().next().getVehicles(0);

    assertThat(vehicle.getCurrent().getTime().getSeconds()).isEqualTo(t.plusSeconds(20).getEpochSecond());
    assertThat(vehicle.getTrailList()).extracting(p -> p.getTime().getSeconds())
        .containsExactly(t.getEpochSecond(), t.plusSeconds(10).getEpochSecond());
  }

  @Test
  void repeatingARequestIdStoresNothingNew() {
    Instant t = Instant.now().minusSeconds(5);
    PositionBatch batch = batch("same", fix("苏A12345", t), fix("苏A12345", t.plusSeconds(1)));

    PositionBatchAck first = report(batch);
    PositionBatchAck second = report(batch);

    assertThat(first.getDuplicate()).isFalse();
    assertThat(second.getDuplicate()).isTrue();
    assertThat(second.getAccepted()).isEqualTo(2);
    assertThat(storedTrack("苏A12345")).hasSize(2);
  }

  @Test
  void aBadBatchIsRefusedNamingTheFieldAndNothingOfItIsStored() throws Exception {
    Instant t = Instant.now().minusSeconds(5);
    report(batch("good", fix("苏A12345", t)));

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> report(batch("bad", fix("苏B77777", t), fix("苏A1I345", t))));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).containsExactly("fixes[1].plate");
    assertThat(subscribe().next().getVehiclesList()).extracting(VehicleTrack::getPlate).containsExactly("苏A12345");
    assertThat(storedTrack("苏B77777")).isEmpty();
    assertThat(storedTrack("苏A12345")).hasSize(1);
  }

  @Test
  void theLiveViewIsRebuiltFromTheTableAfterARestart() {
    Instant t = Instant.now().minusSeconds(20);
    report(batch("b-1", fix("苏A12345", t), fix("苏A12345", t.plusSeconds(10))));

    server.restart();
    operatorToken = server.login("operator");

    VehicleTrack vehicle = subscribe().next().getVehicles(0);
    assertThat(vehicle.getPlate()).isEqualTo("苏A12345");
    assertThat(vehicle.getTrailCount()).isEqualTo(1);
  }

  @Test
  void onlyDevicesReportAndOnlyDutyStaffSubscribe() {
    StatusRuntimeException operatorReports = catchThrowableOfType(StatusRuntimeException.class,
        () -> PositionIngestServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(TestServer.bearer(operatorToken))
            .report(batch("b", fix("苏A12345", Instant.now()))));
    StatusRuntimeException deviceSubscribes = catchThrowableOfType(StatusRuntimeException.class,
        () -> TrackServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(TestServer.bearer(deviceToken))
            .subscribeLive(LiveTrackRequest.getDefaultInstance()).next());

    assertThat(operatorReports.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(deviceSubscribes.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  private Iterator<LiveTrackUpdate> subscribe() {
    Context.CancellableContext context = Context.current().withCancellation();
    subscriptions.add(context);
    Context previous = context.attach();
    try {
      return TrackServiceGrpc.newBlockingStub(server.channel())
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .withCallCredentials(TestServer.bearer(operatorToken))
          .subscribeLive(LiveTrackRequest.getDefaultInstance());
    } finally {
      context.detach(previous);
    }
  }

  private PositionBatchAck report(PositionBatch batch) {
    return PositionIngestServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(TestServer.bearer(deviceToken))
        .report(batch);
  }

  /** What the table holds for a plate, read with the server stopped and started again. */
  private List<TrackPoint> storedTrack(String plate) {
    server.stop();
    ServerConfig config = ServerConfig.builder().dataDir(dataDir).build();
    try (Database database = Database.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()), JournalEntities.classes())) {
      return new PositionTable(database).track(plate);
    } finally {
      server.restart();
      deviceToken = server.login("device");
      operatorToken = server.login("operator");
    }
  }

  private static Map<String, VehicleTrack> byPlate(LiveTrackUpdate update) {
    Map<String, VehicleTrack> map = new LinkedHashMap<>();
    update.getVehiclesList().forEach(v -> map.put(v.getPlate(), v));
    return map;
  }

  private static PositionBatch batch(String requestId, VehicleFix.Builder... fixes) {
    PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId(requestId);
    for (VehicleFix.Builder fix : fixes) {
      batch.addFixes(fix);
    }
    return batch.build();
  }

  private static VehicleFix.Builder fix(String plate, Instant time) {
    boolean trailer = plate.endsWith("挂");
    return VehicleFix.newBuilder()
        .setPlate(plate)
        .setPlateColor(trailer ? PlateColor.PLATE_COLOR_YELLOW : PlateColor.PLATE_COLOR_BLUE)
        .setVehicleClass(trailer ? VehicleClass.VEHICLE_CLASS_HAZMAT : VehicleClass.VEHICLE_CLASS_ORDINARY)
        .setPosition(LonLat.newBuilder().setLon(LON).setLat(LAT))
        .setHeadingDeg(90)
        .setSpeedKmh(30)
        .setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()));
  }
}
