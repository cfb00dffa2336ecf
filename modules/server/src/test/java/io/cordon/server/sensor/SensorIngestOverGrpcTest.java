package io.cordon.server.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.server.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorIngestOverGrpcTest {

  @TempDir
  Path dataDir;
  TestServer server;
  SensorReports device;

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
    device = new SensorReports(server.channel(), server.login("device"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anIntrusionReportBecomesAJournalEventAboutTheSensorAndItsSegment() {
    Instant time = Instant.parse("2026-11-25T07:59:00Z");
    long seq = device.send(SensorReports.report("i-1", SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, time));

    Event event = all().get(0);
    assertThat(event.getSeq()).isEqualTo(seq);
    assertThat(event.getType()).isEqualTo("sensor.intrusion");
    assertThat(event.getTime().getSeconds()).isEqualTo(time.getEpochSecond());
    assertThat(event.getSubjectsList()).extracting(s -> s.getKind()).containsExactly("sensor", "segment");
    assertThat(event.getSummary()).startsWith("Intrusion at sensor " + SensorReports.SENSOR);
  }

  @Test
  void repeatingARequestIdReturnsTheSameSeqAndRecordsNothingNew() {
    long first = device.heartbeat("same-id");
    long second = device.heartbeat("same-id");

    assertThat(second).isEqualTo(first);
    assertThat(all()).hasSize(1);
  }

  @Test
  void theJournalSurvivesARestart() {
    long seq = device.heartbeat("before-restart");

    server.restart();

    assertThat(all()).extracting(Event::getSeq).containsExactly(seq);
    SensorReports deviceAgain = new SensorReports(server.channel(), server.login("device"));
    assertThat(deviceAgain.heartbeat("before-restart")).isEqualTo(seq);
  }

  @Test
  void malformedReportsAreRefusedAndLoseNothingAlreadyAccepted() {
    long accepted = device.heartbeat("good");

    StatusRuntimeException unknownSensor = catchThrowableOfType(StatusRuntimeException.class, () -> device.send(
        SensorReports.report("bad-1", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, Instant.now()).toBuilder()
            .setSensorId("S-NOPE").build()));
    StatusRuntimeException noId = catchThrowableOfType(StatusRuntimeException.class, () -> device.send(
        SensorReports.report("", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, Instant.now())));

    assertThat(unknownSensor.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(noId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(all()).extracting(Event::getSeq).containsExactly(accepted);
  }

  @Test
  void aNulInTheDetailIsRefusedNamingTheFieldAndALaterReportIsAccepted() throws Exception {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> device.send(
        SensorReports.report("nul-1", SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, Instant.now()).toBuilder()
            .setDetail("cut\u0000wire").build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).containsExactly("detail");
    long accepted = device.heartbeat("after-nul");
    assertThat(all()).extracting(Event::getSeq).containsExactly(accepted);
  }

  @Test
  void aBatchRecordsEveryReportInOrderAndARetryRecordsNothingNew() {
    Instant now = Instant.now();
    io.cordon.api.v1.SensorReportBatch batch = io.cordon.api.v1.SensorReportBatch.newBuilder()
        .addReports(SensorReports.report("b-1", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, now))
        .addReports(SensorReports.report("b-2", SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, now))
        .addReports(SensorReports.report("b-3", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, now))
        .build();

    List<Long> seqs = device.sendBatch(batch);
    List<Long> again = device.sendBatch(batch);

    assertThat(seqs).hasSize(3).doesNotHaveDuplicates();
    assertThat(again).isEqualTo(seqs);
    assertThat(all()).filteredOn(e -> e.getType().startsWith("sensor.")).extracting(Event::getSeq)
        .containsExactlyInAnyOrderElementsOf(seqs);
    assertThat(all()).filteredOn(e -> e.getSeq() == seqs.get(1)).extracting(Event::getType)
        .containsExactly("sensor.intrusion");
  }

  @Test
  void aBatchWithOneBadReportIsRefusedNamingItAndRecordsNothing() throws Exception {
    long accepted = device.heartbeat("before-batch");
    Instant now = Instant.now();
    io.cordon.api.v1.SensorReportBatch batch = io.cordon.api.v1.SensorReportBatch.newBuilder()
        .addReports(SensorReports.report("c-1", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, now))
        .addReports(SensorReports.report("c-2", SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, now).toBuilder()
            .setSensorId("S-NOPE").build())
        .build();

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> device.sendBatch(batch));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).containsExactly("reports[1].sensor_id");
    assertThat(all()).extracting(Event::getSeq).containsExactly(accepted);
  }

  private List<Event> all() {
    return EventServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(TestServer.bearer(server.login("operator")))
        .query(QueryEventsRequest.newBuilder()
            .setFrom(Timestamp.newBuilder().setSeconds(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond()))
            .setTo(Timestamp.newBuilder().setSeconds(Instant.now().plusSeconds(3600).getEpochSecond()))
            .build())
        .getEventsList();
  }
}
