package io.cordon.devices.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.PositionBatchAck;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.VehicleFix;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.RoadId;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.Plate;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class PositionIngestGrpcServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final List<PositionReport> committed = new ArrayList<>();
  private RuntimeException sinkFailure;
  private Server server;
  private ManagedChannel channel;
  private PositionIngestServiceGrpc.PositionIngestServiceBlockingStub stub;

  @BeforeEach
  void startService() throws Exception {
    PositionSink sink = report -> {
      if (sinkFailure != null) {
        throw sinkFailure;
      }
      committed.add(report);
      return new BatchReceipt(report.fixes().size(), false);
    };
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new PositionIngestGrpcService(sink, ServiceArea.around(parkWithOneRoad(), 5_000),
            () -> "dev-7", Clock.fixed(NOW, ZoneOffset.UTC)))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = PositionIngestServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void acknowledgesABatchWithTheNumberOfFixesTheSinkCommitted() {
    PositionBatchAck ack = report(batch("b-1", fix(), fix().setPlate("苏AD12345")));

    assertThat(ack.getAccepted()).isEqualTo(2);
    assertThat(ack.getDuplicate()).isFalse();
  }

  @Test
  void handsTheSinkDomainValuesAndTheReportingAccount() {
    report(batch("b-1", fix().setPlate("苏E·1234挂").setHeadingDeg(90).setSpeedKmh(25)));

    PositionReport report = committed.get(0);
    assertThat(report.requestId()).isEqualTo("b-1");
    assertThat(report.reporter()).isEqualTo("dev-7");
    ReportedFix fix = report.fixes().get(0);
    assertThat(fix.plate()).isEqualTo(Plate.parse("苏E1234挂"));
    assertThat(fix.plateColor()).isEqualTo(io.cordon.domain.vehicle.PlateColor.YELLOW);
    assertThat(fix.vehicleClass()).isEqualTo(io.cordon.domain.vehicle.VehicleClass.HAZMAT);
    assertThat(fix.point()).isEqualTo(new TrackPoint(120.5, 31.9, 90, 25, NOW.minusSeconds(1).toEpochMilli()));
  }

  @Test
  void aHeadingOf360IsReadAsNorth() {
    report(batch("b-1", fix().setHeadingDeg(360)));

    assertThat(committed.get(0).fixes().get(0).point().headingDeg()).isZero();
  }

  @Test
  void passesOnTheSinksAnswerForARepeatedRequestId() {
    committed.clear();
    PositionSink repeating = report -> new BatchReceipt(7, true);
    PositionIngestGrpcService service = new PositionIngestGrpcService(repeating, ServiceArea.anywhere(),
        () -> "", Clock.fixed(NOW, ZoneOffset.UTC));
    List<PositionBatchAck> acks = new ArrayList<>();
    service.report(batch("b-1", fix()), new io.grpc.stub.StreamObserver<>() {
      @Override
      public void onNext(PositionBatchAck value) {
        acks.add(value);
      }

      @Override
      public void onError(Throwable t) {
        throw new AssertionError(t);
      }

      @Override
      public void onCompleted() {
      }
    });

    assertThat(acks).containsExactly(PositionBatchAck.newBuilder().setAccepted(7).setDuplicate(true).build());
  }

  @Test
  void refusesAMissingRequestId() {
    assertThat(violatedFields(reject(batch("", fix())))).containsExactly("request_id");
  }

  @Test
  void refusesARequestIdLongerThan64Characters() {
    assertThat(violatedFields(reject(batch("r".repeat(65), fix())))).containsExactly("request_id");
  }

  @Test
  void refusesARequestIdWithAControlCharacter() {
    assertThat(violatedFields(reject(batch("r\u0000", fix())))).containsExactly("request_id");
  }

  @Test
  void refusesAnEmptyBatch() {
    assertThat(violatedFields(reject(PositionBatch.newBuilder().setRequestId("b").build())))
        .containsExactly("fixes");
  }

  @Test
  void refusesABatchOfMoreThan5000Fixes() {
    PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId("big");
    VehicleFix one = fix().build();
    for (int i = 0; i <= PositionBatchValidator.MAX_FIXES; i++) {
      batch.addFixes(one);
    }

    assertThat(violatedFields(reject(batch.build()))).containsExactly("fixes");
  }

  @Test
  void accepts5000Fixes() {
    PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId("full");
    VehicleFix one = fix().build();
    for (int i = 0; i < PositionBatchValidator.MAX_FIXES; i++) {
      batch.addFixes(one);
    }

    assertThat(report(batch.build()).getAccepted()).isEqualTo(5_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A12345", "苏A1I345", "苏A1234", "粤Z1234港"})
  void refusesABadPlateNamingTheFixAndTheReason(String plate) {
    StatusRuntimeException e = reject(batch("b", fix(), fix(), fix(), fix().setPlate(plate)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violations(e)).singleElement().satisfies(v -> {
      assertThat(v.getField()).isEqualTo("fixes[3].plate");
      assertThat(v.getDescription()).contains("plate");
    });
  }

  @Test
  void refusesAnUnspecifiedPlateColor() {
    assertThat(violatedFields(reject(batch("b", fix().clearPlateColor())))).containsExactly("fixes[0].plate_color");
  }

  @Test
  void refusesAnUnknownPlateColorNumber() {
    assertThat(violatedFields(reject(batch("b", fix().setPlateColorValue(99))))).containsExactly("fixes[0].plate_color");
  }

  @Test
  void refusesAnUnspecifiedVehicleClass() {
    assertThat(violatedFields(reject(batch("b", fix().clearVehicleClass()))))
        .containsExactly("fixes[0].vehicle_class");
  }

  @Test
  void refusesAMissingPosition() {
    assertThat(violatedFields(reject(batch("b", fix().clearPosition())))).containsExactly("fixes[0].position");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 180.5, -181})
  void refusesALongitudeThatIsNotOne(double lon) {
    assertThat(violatedFields(reject(batch("b", fix().setPosition(at(lon, 31.9))))))
        .containsExactly("fixes[0].position.lon");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, 90.01, -95})
  void refusesALatitudeThatIsNotOne(double lat) {
    assertThat(violatedFields(reject(batch("b", fix().setPosition(at(120.5, lat))))))
        .containsExactly("fixes[0].position.lat");
  }

  @Test
  void refusesAPositionFarOutsideThePark() {
    StatusRuntimeException e = reject(batch("b", fix().setPosition(at(116.4, 39.9)))); // Beijing

    assertThat(violatedFields(e)).containsExactly("fixes[0].position");
  }

  @Test
  void acceptsAPositionAFewKilometresOutsideThePark() {
    assertThat(report(batch("b", fix().setPosition(at(120.5 + 0.03, 31.9)))).getAccepted()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 360.5, Double.NaN})
  void refusesAHeadingOutside0To360(double heading) {
    assertThat(violatedFields(reject(batch("b", fix().setHeadingDeg(heading)))))
        .containsExactly("fixes[0].heading_deg");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, 250.1, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesASpeedOutside0To250(double speed) {
    assertThat(violatedFields(reject(batch("b", fix().setSpeedKmh(speed))))).containsExactly("fixes[0].speed_kmh");
  }

  @Test
  void refusesAFixWithoutTime() {
    assertThat(violatedFields(reject(batch("b", fix().clearTime())))).containsExactly("fixes[0].time");
  }

  @Test
  void refusesAFixMoreThanFiveMinutesAhead() {
    assertThat(violatedFields(reject(batch("b", fix().setTime(ts(NOW.plusSeconds(301)))))))
        .containsExactly("fixes[0].time");
  }

  @Test
  void acceptsAFixFourMinutesAheadForDriftingClocks() {
    assertThat(report(batch("b", fix().setTime(ts(NOW.plusSeconds(240))))).getAccepted()).isEqualTo(1);
  }

  @Test
  void refusesAnInvalidTimestamp() {
    assertThat(violatedFields(reject(batch("b", fix().setTime(Timestamp.newBuilder().setNanos(-5))))))
        .containsExactly("fixes[0].time");
  }

  @Test
  void refusesAFixFromBefore2000() {
    assertThat(violatedFields(reject(batch("b", fix().setTime(ts(Instant.parse("1999-12-31T23:59:59Z")))))))
        .containsExactly("fixes[0].time");
  }

  @Test
  void aBatchWithOneBadFixIsRefusedWholeAndNothingOfItReachesTheSink() {
    StatusRuntimeException e = reject(batch("b", fix(), fix().setSpeedKmh(900), fix()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(committed).isEmpty();
  }

  @Test
  void namesEveryBrokenFieldOfEveryFix() {
    StatusRuntimeException e = reject(batch("b", fix().setPlate("x"), fix(), fix().setSpeedKmh(-1).clearTime()));

    assertThat(violatedFields(e)).containsExactly("fixes[0].plate", "fixes[2].speed_kmh", "fixes[2].time");
  }

  @Test
  void listsAtMostTwentyViolationsAndCountsTheRest() {
    PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId("b");
    for (int i = 0; i < 1000; i++) {
      batch.addFixes(fix().setPlate("bad"));
    }

    List<BadRequest.FieldViolation> violations = violations(reject(batch.build()));

    assertThat(violations).hasSize(PositionBatchValidator.MAX_VIOLATIONS + 1);
    assertThat(violations.get(violations.size() - 1).getDescription()).isEqualTo("980 more violations not listed");
  }

  @Test
  void answersUnavailableWhenTheBatchCouldNotBeCommitted() {
    sinkFailure = new IllegalStateException("database down");

    StatusRuntimeException e = reject(batch("b", fix()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.getStatus().getDescription()).contains("retry with the same request_id");
  }

  @Test
  void answersInvalidArgumentNotRetryWhenTheStoreRefusesTheData() {
    sinkFailure = new IllegalArgumentException("value too long");

    StatusRuntimeException e = reject(batch("b", fix()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).doesNotContain("retry with");
  }

  @Test
  void refusedBatchesLoseNothingAlreadyAccepted() {
    report(batch("first", fix()));
    reject(batch("bad", fix().setPlate("")));
    report(batch("second", fix()));

    assertThat(committed).extracting(PositionReport::requestId).containsExactly("first", "second");
  }

  private PositionBatchAck report(PositionBatch batch) {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).report(batch);
  }

  private StatusRuntimeException reject(PositionBatch batch) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> report(batch));
    assertThat(e).as("refusal").isNotNull();
    return e;
  }

  private static List<String> violatedFields(StatusRuntimeException e) {
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return violations(e).stream().map(BadRequest.FieldViolation::getField).toList();
  }

  private static List<BadRequest.FieldViolation> violations(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> unpack(any).getFieldViolationsList().stream())
        .toList();
  }

  private static BadRequest unpack(com.google.protobuf.Any any) {
    try {
      return any.unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static PositionBatch batch(String requestId, VehicleFix.Builder... fixes) {
    PositionBatch.Builder batch = PositionBatch.newBuilder().setRequestId(requestId);
    for (VehicleFix.Builder fix : fixes) {
      batch.addFixes(fix);
    }
    return batch.build();
  }

  private static VehicleFix.Builder fix() {
    return VehicleFix.newBuilder()
        .setPlate("苏E1234挂")
        .setPlateColor(PlateColor.PLATE_COLOR_YELLOW)
        .setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZMAT)
        .setPosition(at(120.5, 31.9))
        .setHeadingDeg(0)
        .setSpeedKmh(0)
        .setTime(ts(NOW.minusSeconds(1)));
  }

  private static LonLat at(double lon, double lat) {
    return LonLat.newBuilder().setLon(lon).setLat(lat).build();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static Park parkWithOneRoad() {
    GeometryFactory geometry = new GeometryFactory();
    Road road = new Road(new RoadId("R-1"), "纬一路", RoadClass.ORDINARY,
        geometry.createLineString(new Coordinate[] {new Coordinate(120.49, 31.9), new Coordinate(120.51, 31.9)}), 40);
    return new Park("test", "Test park", 1, List.of(), List.of(), List.of(), List.of(road), List.of(),
        List.of(), List.of(), List.of());
  }
}
