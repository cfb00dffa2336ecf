package io.cordon.server.alarm;

import static io.cordon.server.alarm.AlarmCalls.acknowledge;
import static io.cordon.server.alarm.AlarmCalls.action;
import static io.cordon.server.alarm.AlarmCalls.answer;
import static io.cordon.server.alarm.AlarmCalls.cameraReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.GetAlarmRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.ZoneClass;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.sensor.SensorReports;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm center over real gRPC. One server for the class (starting one costs seconds); every test
 * uses sources of its own (a camera, a plate) so tests do not count on each other's alarms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmCenterOverGrpcTest {

  private static final java.util.concurrent.atomic.AtomicInteger CAMERAS = new java.util.concurrent.atomic.AtomicInteger(1);

  @TempDir
  static Path dataDir;
  TestServer server;
  String device;
  String operator;
  String supervisor;

  /** The server's configuration: H2 in the test directory here, PostgreSQL in the subclass. */
  ServerConfig.Builder config() {
    // critical alarms escalate after 1 s here, so the escalation test need not wait a minute
    return ServerConfig.builder().dataDir(dataDir).demoUsers(true)
        .alarmSettings(AlarmConfig.read((key, env) -> key.equals("alarm.escalate.critical")
            ? java.util.Optional.of("PT1S") : java.util.Optional.empty(), AlarmCenterSettings.defaults()));
  }

  @BeforeAll
  void start() {
    server = TestServer.with(config().build());
    device = server.login("device");
    operator = server.login("operator");
    supervisor = server.login("supervisor");
  }

  @AfterAll
  void stop() {
    if (server != null) { // null when a subclass's assumption skipped the start
      server.close();
    }
  }

  @Test
  void aCameraReportBecomesAnAlarmPlacedInTheParkWithItsCameraLinkedFirst() {
    String camera = nextCamera();
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      AlarmCalls.device(server.channel(), device)
          .raise(cameraReport(camera + "v-1", AlarmType.ALARM_TYPE_VIDEO_INTRUSION, camera));

      await("the alarm reaches the watcher", () -> watcher.of(camera).size() == 1);
      Alarm alarm = watcher.of(camera).get(0);
      assertThat(alarm.getType()).isEqualTo(AlarmType.ALARM_TYPE_VIDEO_INTRUSION);
      assertThat(alarm.getSeverity()).isEqualTo(AlarmSeverity.ALARM_SEVERITY_MAJOR);
      assertThat(alarm.getState()).isEqualTo(AlarmState.ALARM_STATE_NEW);
      assertThat(alarm.getSourceId()).isEqualTo(camera);
      assertThat(alarm.getLocation().getCameraId()).isEqualTo(camera);
      assertThat(alarm.getLinkedCameraIdsList()).first().isEqualTo(camera);
      assertThat(alarm.getEvidenceList()).extracting(Evidence::getReference)
          .containsExactly("media://snapshots/" + camera + "/1.jpg");
      assertThat(alarm.getSop().getStepsList()).isNotEmpty();
      assertThat(alarm.getSop().getNextStepIdsList()).containsExactly("verify_video");
      assertThat(alarm.hasAckDue()).isTrue();
    }
  }

  @Test
  void anAcknowledgedReportIsAlreadyAnAlarmInTheNextWatchersFirstSnapshot() {
    String camera = nextCamera();
    AlarmCalls.device(server.channel(), device)
        .raise(cameraReport(camera + "a-1", AlarmType.ALARM_TYPE_SMOKE_FIRE, camera));

    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("the first snapshot", () -> watcher.batches.get() > 0);
      assertThat(watcher.of(camera)).extracting(Alarm::getType).containsExactly(AlarmType.ALARM_TYPE_SMOKE_FIRE);
    }
  }

  @Test
  void repeatsOfOneSourceAreCountedOnItsOpenAlarmAndARepeatedRequestIdCountsOnce() {
    String camera = nextCamera();
    var ingest = AlarmCalls.device(server.channel(), device);
    long first = ingest.raise(cameraReport(camera + "r-1", AlarmType.ALARM_TYPE_LOITERING, camera)).getSeq();
    long again = ingest.raise(cameraReport(camera + "r-1", AlarmType.ALARM_TYPE_LOITERING, camera)).getSeq();
    ingest.raise(cameraReport(camera + "r-2", AlarmType.ALARM_TYPE_LOITERING, camera));
    ingest.raise(cameraReport(camera + "r-3", AlarmType.ALARM_TYPE_LOITERING, camera));

    assertThat(again).isEqualTo(first);
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("three reports counted", () -> watcher.of(camera).size() == 1 && watcher.of(camera).get(0).getCount() == 3);
    }
  }

  @Test
  void aSensorIntrusionRaisesAPerimeterAlarmOnItsSegment() {
    new SensorReports(server.channel(), device)
        .send(SensorReports.report("s-1", SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, Instant.now()));

    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("the perimeter alarm", () -> watcher.of(SensorReports.SENSOR).size() == 1);
      Alarm alarm = watcher.of(SensorReports.SENSOR).get(0);
      assertThat(alarm.getType()).isEqualTo(AlarmType.ALARM_TYPE_PERIMETER_INTRUSION);
      assertThat(alarm.getSourceKind()).isEqualTo("sensor");
      assertThat(alarm.getSourceId()).isEqualTo(SensorReports.SENSOR);
      assertThat(alarm.getLocation().getSegmentId()).isNotEmpty();
      assertThat(alarm.getLocation().getZoneClass()).isNotEqualTo(ZoneClass.ZONE_CLASS_UNSPECIFIED);
    }
  }

  @Test
  void twoOperatorsCannotBothTakeTheSameAlarm() {
    Alarm alarm = raiseAndAwait("t-1");

    Alarm taken = AlarmCalls.user(server.channel(), operator).act(acknowledge(alarm));
    StatusRuntimeException second = catchThrowableOfType(
        () -> AlarmCalls.user(server.channel(), supervisor).act(acknowledge(alarm)), StatusRuntimeException.class);

    assertThat(taken.getState()).isEqualTo(AlarmState.ALARM_STATE_ACKNOWLEDGED);
    assertThat(taken.getAssignee()).isEqualTo("operator");
    assertThat(second.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(second)).containsExactly("expected_version");
  }

  @Test
  void anAlarmIsHandledToTheEndAlongItsProcedureWithEveryStepInItsHistory() {
    var calls = AlarmCalls.user(server.channel(), operator);
    Alarm alarm = calls.act(acknowledge(raiseAndAwait("h-1")));

    StatusRuntimeException early = catchThrowableOfType(() -> calls.act(action(alarm).setResolve(
            AlarmActionRequest.Resolve.newBuilder().setVerdict(AlarmVerdict.ALARM_VERDICT_FALSE).setCause("树枝晃动"))
        .build()), StatusRuntimeException.class);
    assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(early)).containsExactly("action");

    Alarm a = calls.act(answer(alarm, "verify_video", "done"));
    a = calls.act(answer(a, "confirm", "no"));
    a = calls.act(answer(a, "false_cause", "done"));
    a = calls.act(answer(a, "record", "done"));
    assertThat(a.getSop().getMandatoryDone()).isTrue();
    a = calls.act(action(a).setResolve(AlarmActionRequest.Resolve.newBuilder()
        .setVerdict(AlarmVerdict.ALARM_VERDICT_FALSE).setCause("树枝晃动")).build());
    a = calls.act(action(a).setClose(AlarmActionRequest.Close.getDefaultInstance()).build());

    assertThat(a.getState()).isEqualTo(AlarmState.ALARM_STATE_CLOSED);
    assertThat(a.getVerdict()).isEqualTo(AlarmVerdict.ALARM_VERDICT_FALSE);
    assertThat(a.getHistoryList()).extracting(t -> t.getAction())
        .containsExactly("raised", "acknowledge", "sop_answer", "sop_answer", "sop_answer", "sop_answer", "resolve",
            "close");
    assertThat(journalTypes()).contains("alarm.raised", "alarm.acknowledge", "alarm.sop_answer", "alarm.resolve",
        "alarm.close");
  }

  @Test
  void repeatingAnActionsRequestIdReturnsTheAlarmAndChangesNothing() {
    Alarm alarm = raiseAndAwait("i-1");
    AlarmActionRequest ack = acknowledge(alarm);
    var calls = AlarmCalls.user(server.channel(), operator);

    Alarm first = calls.act(ack);
    Alarm again = calls.act(ack);

    assertThat(again.getVersion()).isEqualTo(first.getVersion());
    assertThat(again.getHistoryList()).hasSize(2);
  }

  @Test
  void anotherOperatorsAlarmCannotBeHandledButASupervisorMay() {
    Alarm alarm = AlarmCalls.user(server.channel(), supervisor).act(acknowledge(raiseAndAwait("o-1")));

    StatusRuntimeException refused = catchThrowableOfType(() -> AlarmCalls.user(server.channel(), operator)
        .act(answer(alarm, "verify_video", "done")), StatusRuntimeException.class);

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aCriticalAlarmNotAcknowledgedInTimeEscalates() {
    String camera = nextCamera();
    AlarmCalls.device(server.channel(), device).raise(cameraReport(camera + "f-1", AlarmType.ALARM_TYPE_SMOKE_FIRE,
        camera));

    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("escalated", () -> watcher.of(camera).size() == 1 && watcher.of(camera).get(0).getEscalated());
      Alarm alarm = watcher.of(camera).get(0);
      assertThat(alarm.getSeverity()).isEqualTo(AlarmSeverity.ALARM_SEVERITY_CRITICAL);
      assertThat(alarm.getHistoryList()).extracting(t -> t.getAction()).contains("escalate");
    }
  }

  @Test
  void aSnoozedSourceIsRecordedButRaisesNothingNew() {
    String camera = nextCamera();
    AlarmCalls.user(server.channel(), operator).snooze(SnoozeRequest.newBuilder().setRequestId(camera + "z-1")
        .setSourceKind("camera").setSourceId(camera).setMinutes(30).setReason("树影误报").build());

    long seq = AlarmCalls.device(server.channel(), device)
        .raise(cameraReport(camera + "z-2", AlarmType.ALARM_TYPE_LOITERING, camera)).getSeq();

    await("the report is held", () -> journalTypes().contains("alarm.held"));
    assertThat(seq).isPositive();
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("the snapshot arrived", () -> watcher.batches.get() > 0);
      assertThat(watcher.of(camera)).isEmpty();
    }
  }

  @Test
  void anOperatorReportsAnIncidentByHand() {
    Alarm alarm = AlarmCalls.user(server.channel(), operator).reportManual(ManualAlarmRequest.newBuilder()
        .setRequestId("m-1").setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
        .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).setDetail("巡逻发现围栏破损").build());

    assertThat(alarm.getType()).isEqualTo(AlarmType.ALARM_TYPE_MANUAL);
    assertThat(alarm.getSourceKind()).isEqualTo("user");
    assertThat(alarm.getSourceId()).isEqualTo("operator");
  }

  @Test
  void badReportsAreRefusedNamingTheFieldAndNothingIsRecorded() {
    String camera = nextCamera();
    var ingest = AlarmCalls.device(server.channel(), device);
    int journalled = journalTypes().size();

    StatusRuntimeException unknown = catchThrowableOfType(() -> ingest.raise(
        cameraReport("b-1", AlarmType.ALARM_TYPE_VIDEO_INTRUSION, "CAM-NOPE")), StatusRuntimeException.class);
    StatusRuntimeException outside = catchThrowableOfType(() -> ingest.raise(
        cameraReport("b-2", AlarmType.ALARM_TYPE_VIDEO_INTRUSION, camera).toBuilder()
            .setLocation(LonLat.newBuilder().setLon(121.5).setLat(31.2)).build()), StatusRuntimeException.class);
    AlarmReport.Builder huge = cameraReport("b-3", AlarmType.ALARM_TYPE_VIDEO_INTRUSION, camera).toBuilder();
    for (int i = 0; i < 5; i++) {
      huge.addEvidence(Evidence.newBuilder().setKind("snapshot").setReference("media://x/" + i));
    }
    StatusRuntimeException tooMuch = catchThrowableOfType(() -> ingest.raise(huge.build()),
        StatusRuntimeException.class);
    StatusRuntimeException wrongKind = catchThrowableOfType(() -> ingest.raise(
        cameraReport("b-4", AlarmType.ALARM_TYPE_FORCED_PASSAGE, camera)), StatusRuntimeException.class);
    StatusRuntimeException badPlate = catchThrowableOfType(() -> ingest.raise(AlarmReport.newBuilder()
        .setRequestId("b-5").setType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING).setSourceKind("vehicle")
        .setSourceId("ABC").setTime(AlarmCalls.now())
        .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).build()), StatusRuntimeException.class);
    StatusRuntimeException unknownAlarm = catchThrowableOfType(() -> AlarmCalls.user(server.channel(), operator)
        .act(acknowledge(Alarm.newBuilder().setAlarmId("A-999999").setVersion(1).build())),
        StatusRuntimeException.class);

    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(unknown)).containsExactly("source_id");
    assertThat(violatedFields(outside)).containsExactly("location");
    assertThat(violatedFields(tooMuch)).containsExactly("evidence");
    assertThat(violatedFields(wrongKind)).containsExactly("source_kind");
    assertThat(violatedFields(badPlate)).containsExactly("source_id");
    assertThat(unknownAlarm.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(journalTypes()).hasSize(journalled);
  }

  @Test
  void aWatcherResumingAfterItsLastSeqGetsOnlyWhatChanged() {
    Alarm first = raiseAndAwait("w-1");
    long seen;
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("snapshot", () -> watcher.alarms.containsKey(first.getAlarmId()));
      seen = watcher.seq.get();
    }
    AlarmCalls.user(server.channel(), operator).act(acknowledge(first));
    String camera = nextCamera();
    AlarmCalls.device(server.channel(), device).raise(cameraReport(camera + "w-2", AlarmType.ALARM_TYPE_CROWDING,
        camera));

    try (AlarmCalls.Watcher resumed = new AlarmCalls.Watcher(server.channel(), operator, seen)) {
      await("both changes", () -> resumed.of(camera).size() == 1 && resumed.alarms.containsKey(first.getAlarmId())
          && resumed.alarms.get(first.getAlarmId()).getState() == AlarmState.ALARM_STATE_ACKNOWLEDGED);
      assertThat(resumed.alarms.keySet()).hasSize(2);
    }
  }

  @Test
  void alarmsAndTheirStateSurviveARestart() {
    Alarm alarm = AlarmCalls.user(server.channel(), operator).act(acknowledge(raiseAndAwait("s-1")));

    server.restart();

    Alarm reloaded = AlarmCalls.user(server.channel(), operator)
        .get(GetAlarmRequest.newBuilder().setAlarmId(alarm.getAlarmId()).build());
    assertThat(reloaded.getState()).isEqualTo(AlarmState.ALARM_STATE_ACKNOWLEDGED);
    assertThat(reloaded.getVersion()).isEqualTo(alarm.getVersion());
    assertThat(reloaded.getSop().getStepsList()).isNotEmpty();
    String camera = nextCamera();
    AlarmCalls.device(server.channel(), device).raise(cameraReport(camera + "s-2", AlarmType.ALARM_TYPE_CROWDING,
        camera));
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("a new alarm after the restart", () -> watcher.of(camera).size() == 1);
      assertThat(idNumber(watcher.of(camera).get(0))).isGreaterThan(idNumber(alarm));
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Raises a video intrusion from a camera no other test uses, and returns its alarm. */
  private Alarm raiseAndAwait(String requestId) {
    String camera = nextCamera();
    AlarmCalls.device(server.channel(), device)
        .raise(cameraReport(camera + requestId, AlarmType.ALARM_TYPE_VIDEO_INTRUSION, camera));
    try (AlarmCalls.Watcher watcher = new AlarmCalls.Watcher(server.channel(), operator, 0)) {
      await("alarm " + requestId, () -> watcher.of(camera).size() == 1);
      return watcher.of(camera).get(0);
    }
  }

  private static String nextCamera() {
    return String.format("CAM-%03d", CAMERAS.getAndIncrement());
  }

  private static long idNumber(Alarm alarm) {
    return Long.parseLong(alarm.getAlarmId().substring(2));
  }

  private List<String> journalTypes() {
    Instant now = Instant.now();
    return EventServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(operator))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder()
            .setFrom(com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond() - 3600))
            .setTo(com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond() + 3600))
            .addTypes("alarm.").setPageSize(1000).build())
        .getEventsList().stream().map(e -> e.getType()).toList();
  }

  private static List<String> violatedFields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    try {
      return status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
          .map(v -> v.getField()).toList();
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
