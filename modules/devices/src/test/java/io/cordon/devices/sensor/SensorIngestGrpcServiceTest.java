package io.cordon.devices.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportBatch;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import io.cordon.domain.park.SensorType;
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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class SensorIngestGrpcServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final List<SensorObservation> recorded = new ArrayList<>();
  private boolean sinkBroken;
  private boolean sinkRefusesData;
  private Server server;
  private ManagedChannel channel;
  private SensorIngestServiceGrpc.SensorIngestServiceBlockingStub stub;

  @BeforeEach
  void startService() throws Exception {
    SensorReportSink sink = observation -> {
      if (sinkBroken) {
        throw new IllegalStateException("database down");
      }
      if (sinkRefusesData) {
        throw new IllegalArgumentException("value too long for its column");
      }
      recorded.add(observation);
      return 100 + recorded.size();
    };
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new SensorIngestGrpcService(SensorDirectory.of(parkWithOneSensor()), sink, () -> "dev-7", clock))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = SensorIngestServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void acknowledgesAReportWithTheSequenceNumberTheSinkCommitted() {
    long seq = report(valid().build());

    assertThat(seq).isEqualTo(101);
  }

  @Test
  void enrichesTheObservationWithSegmentPositionAndEventType() {
    report(valid().setKind(SensorReportKind.SENSOR_REPORT_KIND_INTRUSION).setDetail("zone 3").build());

    SensorObservation observation = recorded.get(0);
    assertThat(observation.segmentId()).isEqualTo(new SegmentId("P-01"));
    assertThat(observation.lon()).isEqualTo(120.5);
    assertThat(observation.lat()).isEqualTo(31.9);
    assertThat(observation.eventType()).isEqualTo("sensor.intrusion");
    assertThat(observation.summary()).isEqualTo("Intrusion at sensor S-001 on segment P-01: zone 3");
    assertThat(observation.observedAt()).isEqualTo(NOW.minusSeconds(1));
  }

  @Test
  void rejectsAMissingRequestIdNamingTheField() {
    StatusRuntimeException e = reject(valid().setRequestId("").build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("request_id");
  }

  @Test
  void rejectsARequestIdLongerThan64Characters() {
    assertThat(violatedFields(reject(valid().setRequestId("r".repeat(65)).build())))
        .containsExactly("request_id");
  }

  @Test
  void rejectsAnUnspecifiedKind() {
    assertThat(violatedFields(reject(valid().clearKind().build()))).containsExactly("kind");
  }

  @Test
  void rejectsAReportFromFarInTheFuture() {
    assertThat(violatedFields(reject(valid().setTime(at(NOW.plusSeconds(3600))).build())))
        .containsExactly("time");
  }

  @Test
  void rejectsAReportWithoutTime() {
    assertThat(violatedFields(reject(valid().clearTime().build()))).containsExactly("time");
  }

  @Test
  void rejectsADetailLongerThan256Characters() {
    assertThat(violatedFields(reject(valid().setDetail("x".repeat(257)).build())))
        .containsExactly("detail");
  }

  @Test
  void rejectsADetailOf257Utf16UnitsEvenWhenItIsFewerCodePoints() {
    String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units, as the database counts
    assertThat(violatedFields(reject(valid().setDetail(emoji.repeat(129)).build())))
        .containsExactly("detail");
  }

  @Test
  void rejectsANulCharacterInTheDetailNamingTheFieldAndAcceptsTheNextReport() {
    StatusRuntimeException e = reject(valid().setRequestId("nul").setDetail("cut\u0000wire").build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("detail");
    assertThat(report(valid().setRequestId("after-nul").setDetail("cut wire").build())).isEqualTo(101);
  }

  @Test
  void rejectsOtherControlCharactersInTheDetail() {
    assertThat(violatedFields(reject(valid().setDetail("line\nbreak").build()))).containsExactly("detail");
  }

  @Test
  void answersInvalidArgumentNotRetryWhenTheStoreRefusesTheData() {
    sinkRefusesData = true;

    StatusRuntimeException e = reject(valid().build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).doesNotContain("retry with");
  }

  @Test
  void theObservationNamesTheReportingAccount() {
    report(valid().build());

    assertThat(recorded.get(0).reporter()).isEqualTo("dev-7");
  }

  @Test
  void namesEveryBrokenFieldAtOnce() {
    SensorReport report = SensorReport.newBuilder().build();

    assertThat(violatedFields(reject(report)))
        .containsExactlyInAnyOrder("request_id", "sensor_id", "kind", "time");
  }

  @Test
  void answersNotFoundForASensorThatIsNotInThePark() {
    StatusRuntimeException e = reject(valid().setSensorId("S-999").build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("sensor_id");
  }

  @Test
  void answersUnavailableWhenTheReportCouldNotBeCommitted() {
    sinkBroken = true;

    assertThat(reject(valid().build()).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void malformedReportsLoseNothingAlreadyAccepted() {
    report(valid().setRequestId("first").build());
    reject(valid().setRequestId("").build());
    reject(valid().setSensorId("S-999").build());
    reject(valid().setDetail("\u0000".repeat(300)).build());
    report(valid().setRequestId("second").build());

    assertThat(recorded).extracting(SensorObservation::requestId).containsExactly("first", "second");
  }

  @Test
  void aBatchIsRecordedInOrderAndAcknowledgedReportByReport() {
    List<Long> seqs = stub.withDeadlineAfter(5, TimeUnit.SECONDS).reportBatch(SensorReportBatch.newBuilder()
        .addReports(valid().setRequestId("a")).addReports(valid().setRequestId("b")).build()).getSeqsList();

    assertThat(seqs).containsExactly(101L, 102L);
    assertThat(recorded).extracting(SensorObservation::requestId).containsExactly("a", "b");
  }

  @Test
  void aBatchWithABadReportNamesItsIndexAndRecordsNothing() {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
        stub.withDeadlineAfter(5, TimeUnit.SECONDS).reportBatch(SensorReportBatch.newBuilder()
            .addReports(valid().setRequestId("a")).addReports(valid().setRequestId("")).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(refused)).containsExactly("reports[1].request_id");
    assertThat(recorded).isEmpty();
  }

  @Test
  void anEmptyOrOversizedBatchIsRefused() {
    SensorReportBatch.Builder big = SensorReportBatch.newBuilder();
    for (int i = 0; i <= SensorIngestGrpcService.MAX_BATCH; i++) {
      big.addReports(valid().setRequestId("r" + i));
    }

    assertThat(violatedFields(catchThrowableOfType(StatusRuntimeException.class, () -> stub.reportBatch(big.build()))))
        .containsExactly("reports");
    assertThat(violatedFields(catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.reportBatch(SensorReportBatch.getDefaultInstance())))).containsExactly("reports");
    assertThat(recorded).isEmpty();
  }

  private long report(SensorReport report) {
    return stub.withDeadlineAfter(5, TimeUnit.SECONDS).report(report).getSeq();
  }

  private StatusRuntimeException reject(SensorReport report) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> report(report));
  }

  private static List<String> violatedFields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> unpack(any).getFieldViolationsList().stream())
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  private static BadRequest unpack(com.google.protobuf.Any any) {
    try {
      return any.unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static SensorReport.Builder valid() {
    return SensorReport.newBuilder()
        .setRequestId("req-1")
        .setSensorId("S-001")
        .setKind(SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT)
        .setTime(at(NOW.minusSeconds(1)));
  }

  private static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static Park parkWithOneSensor() {
    GeometryFactory geometry = new GeometryFactory();
    Sensor sensor = new Sensor(new SensorId("S-001"), SensorType.FENCE_VIBRATION,
        geometry.createPoint(new Coordinate(120.5, 31.9)), new SegmentId("P-01"));
    return new Park("test", "Test park", 1, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(sensor), List.of(), List.of());
  }
}
