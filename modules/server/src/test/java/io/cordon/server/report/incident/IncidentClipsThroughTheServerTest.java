package io.cordon.server.report.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.ClipMissingReason;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.ExportIncidentClipsRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentCameraClip;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.ListSegmentsRequest;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.RecordedSegment;
import io.cordon.api.v1.RecordingServiceGrpc;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.Ffprobe;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.video.recording.RecordingConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * IncidentService.ExportClips through the whole server: its relay records one real RTSP camera (cvlc) into
 * two-second segments; an incident groups an alarm at a gate (linking that camera) and one at a camera that is
 * not recorded; the supervisor exports the incident's window and downloads the clips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentClipsThroughTheServerTest {
  @TempDir
  static Path dataDir;
  TestServer server;
  RtspTestCamera camera;
  String cameraId;
  Alarm atGate;
  Alarm elsewhere;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools::missing);
    camera = RtspTestCamera.start("incident", 640, 360);
    Park park = ParkFileLoader.loadSample();
    Gate gate = park.gates().get(0);
    // the camera an alarm at this gate links to is the one recorded
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true).build());
    atGate = alarmAt("operator", gate.position().getX(), gate.position().getY(), "可疑人员徘徊");
    assertThat(atGate.getLinkedCameraIdsList()).as("an alarm at a gate links cameras").isNotEmpty();
    cameraId = atGate.getLinkedCameraIdsList().get(0);
    // an alarm at the camera farthest from the gate links a camera nobody records (raised by another user: an
    // operator's second manual alarm while the first is open would be a repeat of it)
    Camera far = park.cameras().stream().filter(c -> !c.id().value().equals(cameraId))
        .max((a, b) -> Double.compare(a.position().distance(gate.position()), b.position().distance(gate.position())))
        .orElseThrow();
    elsewhere = alarmAt("supervisor", far.position().getX(), far.position().getY(), "围栏震动");
    assertThat(elsewhere.getAlarmId()).isNotEqualTo(atGate.getAlarmId());
    server.close();
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true)
        .recording(RecordingConfig.defaults().recording(Set.of(cameraId)).withProfile(StreamProfile.SUB)
            .withSegmentLength(Duration.ofSeconds(2)))
        .build());
    server.server().cameraStreams().replace(List.of(CameraStream.of(cameraId, StreamProfile.SUB, camera.url())
        .withResolution(new io.cordon.media.source.Resolution(640, 360))));
    server.server().recording().refresh();
    assertThat(Eventually.within(Duration.ofSeconds(40), () -> segments().size() >= 3)).isTrue();
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

  @Test
  void eachLinkedCamerasClipCoversTheWindowAndDownloadsWithTheJournalledHash() throws Exception {
    List<RecordedSegment> segments = segments();
    Instant from = instant(segments.get(0).getStart()).plusMillis(500);
    Instant to = instant(segments.get(1).getEnd());
    Incident incident = incident(from, to);

    IncidentClips clips = incidents("supervisor").exportClips(ExportIncidentClipsRequest.newBuilder()
        .setIncidentId(incident.getId()).build());

    assertThat(instant(clips.getWindowFrom())).isEqualTo(from);
    assertThat(instant(clips.getWindowTo())).isEqualTo(to);
    IncidentCameraClip clip = clips.getClipsList().stream().filter(c -> c.getCameraId().equals(cameraId))
        .findFirst().orElseThrow();
    assertThat(clips.getClipsList()).as("only one camera is recorded").hasSize(1);
    assertThat(clip.getProfile()).isEqualTo("sub");
    assertThat(clip.getCameraName()).isNotEmpty();
    // from the key frame at or before the window's start (a GOP of the test camera is at most ~1.3 s)
    assertThat(instant(clip.getClip().getStart())).isBetween(from.minusMillis(1300), from);
    assertThat(instant(clip.getClip().getEnd())).isEqualTo(to);
    assertThat(instant(clip.getClip().getExpiresAt())).isAfter(Instant.now());
    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(clip.getClip().getUrl()))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat((long) download.body().length).isEqualTo(clip.getClip().getBytes());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
        .isEqualTo(clip.getSha256());
    Path saved = dataDir.resolve("incident-clip.ts");
    Files.write(saved, download.body());
    assertThat(Ffprobe.probe(saved).exitCode()).isZero();

    Set<String> unrecorded = new LinkedHashSet<>(cameras(atGate));
    unrecorded.addAll(cameras(elsewhere));
    unrecorded.remove(cameraId);
    assertThat(unrecorded).as("the second alarm links a camera nobody records").isNotEmpty();
    assertThat(clips.getWithoutClipList()).extracting(c -> c.getCameraId()).containsAll(unrecorded)
        .doesNotContain(cameraId);
    assertThat(clips.getWithoutClipList()).allSatisfy(c -> {
      assertThat(c.getReason()).isEqualTo(ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING);
      assertThat(c.getCameraName()).isNotEmpty();
    });

    Event exported = EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor"))).withDeadlineAfter(10, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder().setFrom(ts(Instant.now().minusSeconds(3600)))
            .setTo(ts(Instant.now().plusSeconds(60))).addTypes(JournalledIncidentClipDesk.EXPORTED_EVENT)
            .addSubjects(SubjectRef.newBuilder().setKind("incident").setId(incident.getId())).build())
        .getEventsList().stream().filter(e -> e.getSeq() == clips.getJournalSeq()).findFirst().orElseThrow();
    assertThat(exported.getSubjectsList()).contains(SubjectRef.newBuilder().setKind("user").setId("supervisor")
        .build());
    assertThat(exported.getAttributesMap())
        .containsEntry("clips", "1")
        .containsEntry("clip.0.camera", cameraId)
        .containsEntry("clip.0.file", clip.getClip().getFileName())
        .containsEntry("clip.0.sha256", clip.getSha256())
        .containsKey("without_recording");
  }

  @Test
  void anOperatorMayNotExportClips() {
    Incident incident = incident(Instant.now().minusSeconds(60), Instant.now());

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("operator")
        .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId()).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void anUnknownIncidentIsNotFoundNamingIncidentId() throws Exception {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("supervisor")
        .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId("INC-19700101-999").build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedField(refused)).isEqualTo("incident_id");
  }

  @Test
  void anEmptyIncidentIdIsInvalidNamingIt() throws Exception {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("supervisor")
        .exportClips(ExportIncidentClipsRequest.getDefaultInstance()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedField(refused)).isEqualTo("incident_id");
  }

  @Test
  void aServerWithoutRelayCannotExport(@TempDir Path otherData) throws Exception {
    try (TestServer bare = TestServer.with(ServerConfig.builder().dataDir(otherData).demoUsers(true).mediaPort(-1)
        .build())) {
      Alarm alarm = AlarmServiceGrpc.newBlockingStub(bare.channel())
          .withCallCredentials(TestServer.bearer(bare.login("operator"))).withDeadlineAfter(10, TimeUnit.SECONDS)
          .reportManual(ManualAlarmRequest.newBuilder().setRequestId("m-1")
              .setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
              .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).setDetail("巡逻发现围栏破损").build());
      IncidentServiceGrpc.IncidentServiceBlockingStub supervisor = IncidentServiceGrpc.newBlockingStub(bare.channel())
          .withCallCredentials(TestServer.bearer(bare.login("supervisor"))).withDeadlineAfter(30, TimeUnit.SECONDS);
      Incident incident = supervisor.create(CreateIncidentRequest.newBuilder().setRequestId("i-1")
          .setTitle("东门围栏破损").addAlarmIds(alarm.getAlarmId()).build());

      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> supervisor
          .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId()).build()));

      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }
  }

  @Test
  void exportsOfOneIncidentAtOnceWriteTheirOwnFilesEachMatchingItsJournalledHash() throws Exception {
    List<RecordedSegment> segments = segments();
    Incident incident = incident(instant(segments.get(0).getStart()), instant(segments.get(2).getEnd()));
    // two supervisors' sessions, each clicking twice
    List<IncidentServiceGrpc.IncidentServiceBlockingStub> callers = List.of(incidents("supervisor"),
        incidents("supervisor"), incidents("supervisor"), incidents("supervisor"));
    ExecutorService pool = Executors.newFixedThreadPool(callers.size());
    CountDownLatch go = new CountDownLatch(1);
    List<IncidentClips> answers = new ArrayList<>();
    try {
      List<Future<IncidentClips>> pending = new ArrayList<>();
      for (IncidentServiceGrpc.IncidentServiceBlockingStub caller : callers) {
        pending.add(pool.submit(() -> {
          go.await();
          return caller.exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId()).build());
        }));
      }
      go.countDown();
      for (Future<IncidentClips> answer : pending) {
        answers.add(answer.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).extracting(IncidentClips::getJournalSeq).doesNotHaveDuplicates();
    List<IncidentCameraClip> clips = answers.stream().flatMap(a -> a.getClipsList().stream()).toList();
    assertThat(clips).hasSize(callers.size());
    assertThat(clips).extracting(c -> c.getClip().getFileName()).doesNotHaveDuplicates();
    for (IncidentClips answer : answers) {
      IncidentCameraClip clip = answer.getClips(0);
      assertThat(sha256(Files.readAllBytes(exportsDir().resolve(clip.getClip().getFileName()))))
          .isEqualTo(clip.getSha256());
      HttpResponse<byte[]> download = download(clip);
      assertThat(sha256(download.body())).isEqualTo(clip.getSha256());
      assertThat(exportedEvent(incident, answer.getJournalSeq()).getAttributesMap())
          .containsEntry("clip.0.file", clip.getClip().getFileName())
          .containsEntry("clip.0.sha256", clip.getSha256());
    }
    assertThat(leftovers()).as("no temporary file is left").isEmpty();
  }

  @Test
  void aCameraWhoseSegmentsVanishedIsAnsweredWithTheReasonAndLeavesNoFile() throws Exception {
    List<RecordedSegment> listed = segments();
    Instant from = instant(listed.get(1).getStart());
    Instant to = instant(listed.get(1).getEnd());
    Incident incident = incident(from, to);
    List<io.cordon.media.record.RecordedSegment> files = server.server().recording().catalog()
        .segments(cameraId, StreamProfile.SUB, from, to);
    assertThat(files).isNotEmpty();
    Set<String> before = exportedFiles();
    Path away = Files.createDirectories(dataDir.resolve("away-" + UUID.randomUUID()));
    ExportIncidentClipsRequest request = ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId())
        .setRequestId(UUID.randomUUID().toString()).build();
    IncidentClips clips;
    try {
      for (io.cordon.media.record.RecordedSegment segment : files) {
        Files.move(segment.path(), away.resolve(segment.path().getFileName()));
      }

      clips = incidents("supervisor").exportClips(request);
    } finally {
      for (io.cordon.media.record.RecordedSegment segment : files) {
        Files.move(away.resolve(segment.path().getFileName()), segment.path());
      }
    }

    assertThat(clips.getClipsList()).isEmpty();
    assertThat(clips.getWithoutClipList()).filteredOn(c -> c.getCameraId().equals(cameraId)).singleElement()
        .satisfies(c -> assertThat(c.getReason())
            .isEqualTo(ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE));
    assertThat(clips.getWithoutClipList()).filteredOn(c -> !c.getCameraId().equals(cameraId)).isNotEmpty()
        .allSatisfy(c -> assertThat(c.getReason()).isEqualTo(ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));
    assertThat(exportedFiles()).as("nothing written for the camera").isEqualTo(before);
    assertThat(leftovers()).isEmpty();
    // the cameras without a clip fill more than one event (a part lists 40)
    long seq = clips.getJournalSeq();
    List<Event> parts = exportEvents(incident).stream().filter(e -> e.getSeq() >= seq).toList();
    assertThat(parts.get(0).getAttributesMap()).containsEntry("clips", "0");
    assertThat(parts).extracting(e -> e.getAttributesMap().get("recording_unreadable")).contains(cameraId);
    // a repeat answers from the journal, though the segments are back
    assertThat(incidents("supervisor").exportClips(request)).isEqualTo(clips);
  }

  @Test
  void aClipThatCannotBeWrittenFailsTheWholeExportNamingTheCameraAndJournalsNothing() throws Exception {
    List<RecordedSegment> segments = segments();
    Incident incident = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    long before = exportEvents(incident).size();
    // the exports directory cannot be written: a file stands where it should be (root ignores permissions)
    Path aside = dataDir.resolve("exports-aside-" + UUID.randomUUID());
    Files.move(Files.createDirectories(exportsDir()), aside);
    StatusRuntimeException refused;
    try {
      Files.writeString(exportsDir(), "not a directory");

      refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("supervisor")
          .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId())
              .setRequestId(UUID.randomUUID().toString()).build()));
    } finally {
      Files.delete(exportsDir());
      Files.move(aside, exportsDir());
    }

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refused.getStatus().getDescription()).contains(cameraId);
    assertThat(violatedField(refused)).isEqualTo("incident_id");
    assertThat(exportEvents(incident)).hasSize((int) before);
  }

  @Test
  void aClipFailingAfterOthersWereWrittenTakesThemAlong(@TempDir Path exports) {
    List<RecordedSegment> segments = segments();
    Incident incident = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    // a second camera recorded like the first, whose ticket cannot be issued once its clip is written
    io.cordon.media.record.SegmentCatalog recorded = server.server().recording().catalog();
    io.cordon.media.record.SegmentCatalog twice = new TwoCamerasOfOne(recorded, cameraId, "CAM-TWIN");
    IncidentClipExport export = new IncidentClipExport(twice, exports, alarmId -> Optional.empty(),
        (fileName, user) -> {
          if (fileName.contains("CAM-TWIN")) {
            throw new IllegalStateException("the relay refused the ticket");
          }
          return Optional.empty();
        });
    Timeline timeline = Timeline.newBuilder().addCameraIds(cameraId).addCameraIds("CAM-TWIN").build();

    IncidentClipExport.ClipNotWritten failed = catchThrowableOfType(IncidentClipExport.ClipNotWritten.class,
        () -> export.export(incident, timeline, "supervisor"));

    assertThat(failed.cameraId()).isEqualTo("CAM-TWIN");
    assertThat(exports.toFile().list()).as("the first camera's clip is deleted too").isEmpty();
  }

  @Test
  void aRepeatedRequestIdAnswersTheFirstExportWithoutExportingOrJournallingAgain() throws Exception {
    List<RecordedSegment> segments = segments();
    Incident incident = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    ExportIncidentClipsRequest request = ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId())
        .setRequestId(UUID.randomUUID().toString()).build();
    IncidentClips first = incidents("supervisor").exportClips(request);
    Set<String> files = exportedFiles();
    int events = exportEvents(incident).size();

    IncidentClips again = incidents("supervisor").exportClips(request);

    assertThat(again.getJournalSeq()).isEqualTo(first.getJournalSeq());
    assertThat(strippedOfTickets(again)).isEqualTo(strippedOfTickets(first));
    assertThat(again.getClipsList()).isNotEmpty();
    assertThat(exportedFiles()).as("nothing exported again").isEqualTo(files);
    assertThat(exportEvents(incident)).as("nothing journalled again").hasSize(events);
    HttpResponse<byte[]> download = download(again.getClips(0));
    assertThat(sha256(download.body())).isEqualTo(first.getClips(0).getSha256());
  }

  @Test
  void oneRequestIdSentSeveralTimesAtOnceIsExportedAndJournalledOnce() throws Exception {
    List<RecordedSegment> segments = segments();
    Incident incident = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    ExportIncidentClipsRequest request = ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId())
        .setRequestId(UUID.randomUUID().toString()).build();
    Set<String> before = exportedFiles();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    List<IncidentClips> answers = new ArrayList<>();
    try {
      List<Future<IncidentClips>> pending = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        IncidentServiceGrpc.IncidentServiceBlockingStub caller = incidents("supervisor");
        pending.add(pool.submit(() -> {
          go.await();
          return caller.exportClips(request);
        }));
      }
      go.countDown();
      for (Future<IncidentClips> answer : pending) {
        answers.add(answer.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).extracting(IncidentClips::getJournalSeq).containsOnly(answers.get(0).getJournalSeq());
    assertThat(answers).extracting(IncidentClipsThroughTheServerTest::strippedOfTickets)
        .containsOnly(strippedOfTickets(answers.get(0)));
    assertThat(exportEvents(incident)).as("one export (of one or more parts)")
        .filteredOn(e -> e.getAttributesMap().get("part").startsWith("1/")).singleElement()
        .satisfies(e -> assertThat(e.getSeq()).isEqualTo(answers.get(0).getJournalSeq()));
    Set<String> added = new LinkedHashSet<>(exportedFiles());
    added.removeAll(before);
    assertThat(added).as("the exports that lost the race deleted their files")
        .containsExactlyInAnyOrderElementsOf(answers.get(0).getClipsList().stream()
            .map(c -> c.getClip().getFileName()).toList());
  }

  @Test
  void aRequestIdReusedForAnotherIncidentIsInvalidNamingIt() throws Exception {
    List<RecordedSegment> segments = segments();
    Incident one = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    Incident other = incident(instant(segments.get(0).getStart()), instant(segments.get(1).getEnd()));
    String requestId = UUID.randomUUID().toString();
    incidents("supervisor").exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(one.getId())
        .setRequestId(requestId).build());
    int events = exportEvents(other).size();

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("supervisor")
        .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(other.getId()).setRequestId(requestId)
            .build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedField(refused)).isEqualTo("request_id");
    assertThat(refused.getStatus().getDescription()).contains(one.getId());
    assertThat(exportEvents(other)).hasSize(events);
  }

  @Test
  void anOversizedRequestIdIsInvalidNamingIt() throws Exception {
    Incident incident = incident(Instant.now().minusSeconds(60), Instant.now());

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("supervisor")
        .exportClips(ExportIncidentClipsRequest.newBuilder().setIncidentId(incident.getId())
            .setRequestId("r".repeat(65)).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedField(refused)).isEqualTo("request_id");
  }

  /** The recording of one camera, indexed under a second id too. */
  private record TwoCamerasOfOne(io.cordon.media.record.SegmentCatalog recorded, String camera, String twin)
      implements io.cordon.media.record.SegmentCatalog {
    @Override
    public List<io.cordon.media.record.RecordedSegment> segments(String cameraId, StreamProfile profile,
        Instant from, Instant to) {
      return recorded.segments(cameraId.equals(twin) ? camera : cameraId, profile, from, to);
    }

    @Override
    public void recorded(io.cordon.media.record.RecordedSegment segment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> cameras() {
      return List.of(camera, twin);
    }

    @Override
    public List<io.cordon.media.record.RecordedSegment> expired(String cameraId, Instant endedBefore, int limit) {
      return List.of();
    }

    @Override
    public List<io.cordon.media.record.RecordedSegment> oldestUnprotected(int limit) {
      return List.of();
    }

    @Override
    public long protectedCount() {
      return 0;
    }

    @Override
    public void removed(io.cordon.media.record.RecordedSegment segment) {
      throw new UnsupportedOperationException();
    }
  }

  private static IncidentClips strippedOfTickets(IncidentClips clips) {
    IncidentClips.Builder stripped = clips.toBuilder();
    for (IncidentCameraClip.Builder clip : stripped.getClipsBuilderList()) {
      clip.getClipBuilder().clearUrl().clearExpiresAt();
    }
    return stripped.build();
  }

  private Path exportsDir() {
    return dataDir.resolve("exports");
  }

  private Set<String> exportedFiles() throws Exception {
    if (!Files.exists(exportsDir())) { // before the first export
      return Set.of();
    }
    try (Stream<Path> files = Files.list(exportsDir())) {
      return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private Set<String> leftovers() throws Exception {
    return exportedFiles().stream().filter(f -> f.endsWith(".part")).collect(Collectors.toSet());
  }

  private HttpResponse<byte[]> download(IncidentCameraClip clip) throws Exception {
    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(clip.getClip().getUrl()))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    return download;
  }

  private List<Event> exportEvents(Incident incident) {
    return EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor"))).withDeadlineAfter(10, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder().setFrom(ts(Instant.now().minusSeconds(3600)))
            .setTo(ts(Instant.now().plusSeconds(60))).addTypes(JournalledIncidentClipDesk.EXPORTED_EVENT)
            .addSubjects(SubjectRef.newBuilder().setKind("incident").setId(incident.getId())).build())
        .getEventsList();
  }

  private Event exportedEvent(Incident incident, long seq) {
    return exportEvents(incident).stream().filter(e -> e.getSeq() == seq).findFirst().orElseThrow();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private Alarm alarmAt(String user, double lon, double lat, String detail) {
    return AlarmServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user))).withDeadlineAfter(10, TimeUnit.SECONDS)
        .reportManual(ManualAlarmRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
            .setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR).setLocation(LonLat.newBuilder().setLon(lon).setLat(lat))
            .setDetail(detail).build());
  }

  private Incident incident(Instant from, Instant to) {
    return incidents("supervisor").create(CreateIncidentRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
        .setTitle("东门可疑人员").addAlarmIds(atGate.getAlarmId()).addAlarmIds(elsewhere.getAlarmId())
        .setWindowFrom(ts(from)).setWindowTo(ts(to)).build());
  }

  private static Set<String> cameras(Alarm alarm) {
    Set<String> cameras = new LinkedHashSet<>(alarm.getLinkedCameraIdsList());
    if (!alarm.getLocation().getCameraId().isEmpty()) {
      cameras.add(alarm.getLocation().getCameraId());
    }
    return cameras;
  }

  private List<RecordedSegment> segments() {
    Instant now = Instant.now();
    return RecordingServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("operator"))).withDeadlineAfter(20, TimeUnit.SECONDS)
        .listSegments(ListSegmentsRequest.newBuilder().setCameraId(cameraId).setFrom(ts(now.minusSeconds(3600)))
            .setTo(ts(now.plusSeconds(60))).build()).getSegmentsList();
  }

  private IncidentServiceGrpc.IncidentServiceBlockingStub incidents(String user) {
    return IncidentServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user))).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  private static String violatedField(StatusRuntimeException e) throws Exception {
    return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
