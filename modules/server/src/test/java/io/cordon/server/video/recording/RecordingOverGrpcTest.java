package io.cordon.server.video.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmEvidence;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.ClipExport;
import io.cordon.api.v1.ExportClipRequest;
import io.cordon.api.v1.GetAlarmEvidenceRequest;
import io.cordon.api.v1.ListSegmentsRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.RecordedSegment;
import io.cordon.api.v1.RecordingServiceGrpc;
import io.cordon.api.v1.ReleaseEvidenceRequest;
import io.cordon.domain.park.Gate;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.Ffprobe;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * RecordingService over real gRPC on loopback, with a server on H2 whose embedded relay records a real RTSP
 * camera (cvlc) into two-second segments indexed in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingOverGrpcTest {
  @TempDir
  static Path dataDir;
  TestServer server;
  RtspTestCamera camera;
  String operator;
  String supervisor;
  Alarm alarm;
  String cameraId;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools::missing);
    camera = RtspTestCamera.start("recorded", 640, 360);
    Gate gate = ParkFileLoader.loadSample().gates().get(0);
    // the camera an alarm at this gate links to is the one recorded
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true).build());
    operator = server.login("operator");
    supervisor = server.login("supervisor");
    alarm = AlarmServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(operator))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .reportManual(ManualAlarmRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
            .setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
            .setLocation(LonLat.newBuilder().setLon(gate.position().getX()).setLat(gate.position().getY()))
            .setDetail("可疑人员徘徊").build());
    assertThat(alarm.getLinkedCameraIdsList()).as("an alarm at a gate links cameras").isNotEmpty();
    cameraId = alarm.getLinkedCameraIdsList().get(0);
    server.close();
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true)
        .recording(RecordingConfig.defaults().recording(Set.of(cameraId)).withProfile(StreamProfile.SUB)
            .withSegmentLength(Duration.ofSeconds(2)))
        .build());
    operator = server.login("operator");
    supervisor = server.login("supervisor");
    server.server().cameraStreams().replace(List.of(CameraStream.of(cameraId, StreamProfile.SUB, camera.url())
        .withResolution(new io.cordon.media.source.Resolution(640, 360))));
    server.server().recording().refresh();
    assertThat(Eventually.within(Duration.ofSeconds(40), () -> segments(cameraId).size() >= 3)).isTrue();
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (camera != null) {
      camera.close();
    }
  }

  RecordingServiceGrpc.RecordingServiceBlockingStub recording(String token) {
    return RecordingServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  List<RecordedSegment> segments(String camera) {
    Instant now = Instant.now();
    return recording(operator).listSegments(ListSegmentsRequest.newBuilder().setCameraId(camera)
        .setFrom(ts(now.minusSeconds(3600))).setTo(ts(now.plusSeconds(60))).build()).getSegmentsList();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static String violatedField(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }

  HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theRecordedCamerasSegmentsAreIndexedInTheDatabaseWithoutGaps() {
    List<RecordedSegment> segments = segments(cameraId);

    assertThat(segments).allSatisfy(s -> {
      assertThat(s.getProfile()).isEqualTo("sub");
      assertThat(s.getBytes()).isPositive();
    });
    for (int i = 1; i < segments.size(); i++) {
      assertThat(segments.get(i).getStart()).isEqualTo(segments.get(i - 1).getEnd());
    }
    assertThat(Files.isDirectory(dataDir.resolve("recordings").resolve(cameraId))).isTrue();
  }

  @Test
  void anOpenAlarmsEvidenceHoldsItsLinkedCamerasSegmentsAndAPlaybackUrlThatPlays() throws Exception {
    AlarmEvidence evidence = recording(operator).getAlarmEvidence(
        GetAlarmEvidenceRequest.newBuilder().setAlarmId(alarm.getAlarmId()).build());

    assertThat(instant(evidence.getFrom())).isEqualTo(instant(evidence.getRaisedAt()).minusSeconds(60));
    assertThat(evidence.hasClosedAt()).isFalse();
    var ours = evidence.getCamerasList().stream().filter(c -> c.getCameraId().equals(cameraId)).findFirst()
        .orElseThrow();
    assertThat(ours.getSegmentsList()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.getProtectedByList()).contains(alarm.getAlarmId()));
    HttpResponse<byte[]> played = get(ours.getPlaybackUrl());
    assertThat(played.statusCode()).isEqualTo(200);
    Path saved = dataDir.resolve("evidence.ts");
    Files.write(saved, played.body());
    assertThat(Ffprobe.probe(saved).exitCode()).isZero();
  }

  @Test
  void anExportedClipDownloadsAsOnePlayableStream() throws Exception {
    List<RecordedSegment> segments = segments(cameraId);
    Instant from = instant(segments.get(0).getStart()).plusMillis(500);
    Instant to = instant(segments.get(1).getEnd());

    ClipExport export = recording(operator).exportClip(ExportClipRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString()).setCameraId(cameraId).setFrom(ts(from)).setTo(ts(to)).build());

    assertThat(instant(export.getStart())).isBetween(from.minusMillis(1300), from);
    HttpResponse<byte[]> download = get(export.getUrl());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat((long) download.body().length).isEqualTo(export.getBytes());
    assertThat(Files.exists(dataDir.resolve("exports").resolve(export.getFileName()))).isTrue();
    Path saved = dataDir.resolve("download.ts");
    Files.write(saved, download.body());
    assertThat(Ffprobe.probe(saved).exitCode()).isZero();
  }

  @Test
  void anUnknownCameraIsNotFoundNamingTheField() throws Exception {
    Instant now = Instant.now();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(operator)
        .listSegments(ListSegmentsRequest.newBuilder().setCameraId("CAM-NOPE").setFrom(ts(now.minusSeconds(60)))
            .setTo(ts(now)).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedField(e)).isEqualTo("camera_id");
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefusedNamingTo() throws Exception {
    Instant now = Instant.now();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(operator)
        .listSegments(ListSegmentsRequest.newBuilder().setCameraId(cameraId).setFrom(ts(now)).setTo(ts(now)).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedField(e)).isEqualTo("to");
  }

  @Test
  void anExportLongerThanADayIsRefused() throws Exception {
    Instant now = Instant.now();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(operator)
        .exportClip(ExportClipRequest.newBuilder().setRequestId("x").setCameraId(cameraId)
            .setFrom(ts(now.minus(Duration.ofHours(25)))).setTo(ts(now)).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedField(e)).isEqualTo("to");
  }

  @Test
  void theEvidenceOfAnUnknownAlarmIsNotFound() throws Exception {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(operator)
        .getAlarmEvidence(GetAlarmEvidenceRequest.newBuilder().setAlarmId("ALM-NOPE").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedField(e)).isEqualTo("alarm_id");
  }

  @Test
  void anOperatorMayNotReleaseEvidence() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(operator)
        .releaseEvidence(ReleaseEvidenceRequest.newBuilder().setRequestId("r-1").setAlarmId(alarm.getAlarmId())
            .setReason("reviewed").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void releaseNeedsAReason() throws Exception {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> recording(supervisor)
        .releaseEvidence(ReleaseEvidenceRequest.newBuilder().setRequestId("r-2").setAlarmId(alarm.getAlarmId())
            .build()));

    assertThat(violatedField(e)).isEqualTo("reason");
  }

  @Test
  void aSupervisorReleasesEvidenceOfAnotherAlarmAndItsSegmentsLoseTheirProtection() {
    Gate gate = ParkFileLoader.loadSample().gates().get(0);
    // raised by another user: not a repeat of the operator's open alarm
    Alarm second = AlarmServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(supervisor))
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .reportManual(ManualAlarmRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
            .setSeverity(AlarmSeverity.ALARM_SEVERITY_MINOR)
            .setLocation(LonLat.newBuilder().setLon(gate.position().getX()).setLat(gate.position().getY()))
            .setDetail("第二次报警").build());
    assertThat(second.getAlarmId()).isNotEqualTo(alarm.getAlarmId());

    AlarmEvidence released = recording(supervisor).releaseEvidence(ReleaseEvidenceRequest.newBuilder()
        .setRequestId("r-3").setAlarmId(second.getAlarmId()).setReason("误报，已复核").build());

    assertThat(released.getReleased()).isTrue();
    assertThat(released.getReleasedBy()).isEqualTo("supervisor");
    assertThat(segments(cameraId)).allSatisfy(s -> assertThat(s.getProtectedByList())
        .doesNotContain(second.getAlarmId()));
  }
}
