package io.cordon.server.report.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.DispatchTask;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.QueryEventsResponse;
import io.cordon.api.v1.SopStep;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneClass;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.report.pdf.DocumentDigests;
import io.cordon.server.report.pdf.FontLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident report rendered from real server state — alarms raised and handled through the alarm center over
 * gRPC, the journal's events as the timeline, a recorded segment indexed as the recording module does — then
 * parsed back with PDFBox; its signature checked in the journal and by verify().
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportTest {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  @TempDir
  static Path dataDir;
  @TempDir
  static Path media;

  TestServer server;
  Database database;
  Park park;
  SignedIncidentReportDesk desk;
  Alarm loitering;
  Alarm manual;
  String recordedCamera;
  String unrecordedCamera;
  Incident incident;
  Timeline timeline;
  IncidentReport report;
  PdfReading pdf;

  @BeforeAll
  void renderAReportOfHandledAlarms() throws Exception {
    ServerConfig config = ServerConfig.builder().dataDir(dataDir).demoUsers(true).build();
    server = TestServer.with(config);
    database = Database.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()), List.of());
    park = ParkFileLoader.loadSample();
    awaitReady(server.channel()); // a loaded machine can take seconds to connect: the logins' deadlines are short
    String operator = server.login("operator");
    String supervisor = server.login("supervisor");
    Gate gate = park.gates().get(0);

    Instant passage = Instant.now().minusSeconds(40);
    server.server().journal().append(new NewEvent(passage, "gate.passage",
        List.of(new SubjectKey("gate", gate.id().value()), new SubjectKey("vehicle", "苏E12345")),
        Optional.empty(), "苏E12345 驶入 " + gate.name(), Map.of("direction", "in")));
    loitering = handled(user(operator).reportManual(ManualAlarmRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString()).setType(AlarmType.ALARM_TYPE_LOITERING)
        .setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR).setLocation(at(gate.position().getX(), gate.position().getY()))
        .setDetail("东门外可疑人员徘徊").build()), user(operator));
    ControlZone core = park.zones().stream().filter(z -> z.zoneClass() == ZoneClass.CORE).findFirst().orElseThrow();
    manual = user(supervisor).reportManual(ManualAlarmRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
        .setSeverity(AlarmSeverity.ALARM_SEVERITY_CRITICAL)
        .setLocation(at(core.area().getInteriorPoint().getX(), core.area().getInteriorPoint().getY()))
        .setDetail("罐区附近闻到异味").build());
    server.server().journal().append(new NewEvent(Instant.now(), "user.note",
        List.of(new SubjectKey("user", "supervisor"), new SubjectKey("alarm", loitering.getAlarmId())),
        Optional.empty(), "调取东门录像，确认人员已离开园区", Map.of()));

    assertThat(loitering.getLinkedCameraIdsList()).as("an alarm at a gate links cameras").isNotEmpty();
    recordedCamera = loitering.getLinkedCameraIdsList().get(0);
    unrecordedCamera = park.cameras().stream().map(c -> c.id().value())
        .filter(id -> !loitering.getLinkedCameraIdsList().contains(id)).findFirst().orElseThrow();
    recordSegment(recordedCamera, instant(loitering.getRaisedAt()));

    Instant from = passage.minusSeconds(600);
    Instant to = Instant.now().plusSeconds(600);
    timeline = timeline(supervisor, from, to, gate);
    incident = Incident.newBuilder().setId("INC-20261126-001").setTitle("东门可疑人员徘徊及罐区异味事件")
        .setStatus(IncidentStatus.INCIDENT_STATUS_CLOSED)
        .addAlarmIds(loitering.getAlarmId()).addAlarmIds(manual.getAlarmId())
        .setWindowFrom(ts(from)).setWindowTo(ts(to))
        .setCreatedBy("supervisor").setCreatedAt(ts(Instant.now().minusSeconds(5)))
        .setClosedBy("supervisor").setClosedAt(ts(Instant.now()))
        .setConclusion("外来人员误入园区周边，已由巡逻一队劝离；罐区异味系检修作业所致，未发现泄漏，无人员伤亡。")
        .build();
    desk = SignedIncidentReportDesk.create(park, database, server.server().journal(),
        server.server().recording().catalog(), Clock.systemUTC());
    report = desk.render(incident, timeline, Locale.SIMPLIFIED_CHINESE, "supervisor");
    pdf = PdfReading.of(report.getPdf().toByteArray());
    preview("incident-report-zh.pdf", report);
  }

  @AfterAll
  void stop() {
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theReportNamesTheIncidentItsTitleAndConclusionInChinese() {
    assertThat(pdf.pages().get(0)).contains("事件报告", "INC-20261126-001", "东门可疑人员徘徊及罐区异味事件", "已结案",
        "外来人员误入园区周边");
  }

  @Test
  void theAlarmTableMeasuresEachResponseAgainstTheOneMinuteTarget() {
    assertThat(pdf.pages().get(0)).contains(loitering.getAlarmId(), "徘徊", "达标", manual.getAlarmId(), "未接警");
  }

  @Test
  void theTimelineRowsAppearInTheirOrder() {
    String text = pdf.text();
    // cells wrap at spaces: compare without them
    String section = text.substring(text.indexOf("三、事件时间轴"), text.indexOf("四、视频关键帧")).replaceAll("\\s", "");
    JournalEventTexts zh = JournalEventTexts.of(Locale.SIMPLIFIED_CHINESE);
    int at = 0;
    for (TimelineEntry entry : timeline.getEntriesList()) {
      String sentence = zh.sentence(entry.getEvent()).replaceAll("\\s", "");
      String start = sentence.substring(0, Math.min(12, sentence.length()));
      int found = section.indexOf(start, at);
      assertThat(found).as("row %s after position %d", start, at).isGreaterThanOrEqualTo(0);
      at = found + 1;
    }
    assertThat(timeline.getEntriesCount()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theTimelineReadsInChineseNotInTheServersEnglishSummaries() {
    String text = pdf.text();
    String section = text.substring(text.indexOf("三、事件时间轴"), text.indexOf("四、视频关键帧")).replaceAll("\\s", "");

    assertThat(section).contains("报警产生", "接警", "派警", "关闭报警", "徘徊报警（重要）产生", "徘徊报警由operator接警",
        "徘徊报警由operator关闭", "人工上报报警（紧急）产生", "入园通过卡口", "调取东门录像");
    assertThat(section).doesNotContain("LOITERING", "(major)", "acknowledgeby", "alarm.raised", "gate.passage");
  }

  @Test
  void operatorActionsNameTheOperatorAndTheTimeOfEachStep() {
    String text = pdf.text();
    String section = text.substring(text.indexOf("五、操作员处置记录"), text.indexOf("六、处置预案"));
    var acknowledge = loitering.getHistoryList().stream().filter(t -> t.getAction().equals("acknowledge"))
        .findFirst().orElseThrow();
    assertThat(section).contains("接警", "operator", CLOCK.format(instant(acknowledge.getAt()).atZone(ReportTexts.SHOWN_IN)),
        "关闭报警", "supervisor", "操作员备注", "调取东门录像");
    assertThat(section).doesNotContain("user.note");
  }

  @Test
  void sopStepsAreListedWithTheirOutcomes() {
    String text = pdf.text();
    String section = text.substring(text.indexOf("六、处置预案"), text.indexOf("七、签发"));
    for (SopStep step : loitering.getSop().getStepsList()) {
      assertThat(section).contains(step.getTextZh().substring(0, Math.min(8, step.getTextZh().length())));
    }
    assertThat(section).contains("已完成", "答：是", "必做步骤已全部完成", "未走此分支", "未执行");
  }

  @Test
  void theMapSnapshotIsAnImageOnItsPage() {
    int page = pdf.pageWith("二、现场态势图");
    assertThat(page).isGreaterThanOrEqualTo(0);
    assertThat(pdf.imageKinds().get(page)).contains("png");
  }

  @Test
  void aRecordedCameraGivesAKeyFrameAndAnUnrecordedOneSaysSo() {
    assumeTrue(ffmpegRuns(), "ffmpeg is not installed");
    assertThat(pdf.jpegImages()).isEqualTo(1);
    int page = pdf.pageWith("四、视频关键帧");
    assertThat(pdf.imageKinds().get(page)).contains("jpg");
    assertThat(pdf.text()).contains("该时刻无录像", recordedCamera, unrecordedCamera);
  }

  @Test
  void withoutRecordingsTheReportSaysSoInsteadOfShowingFrames() {
    Incident other = incident.toBuilder().setId("INC-20261126-002").clearAlarmIds().addAlarmIds(manual.getAlarmId())
        .build();
    Timeline onlyUnrecorded = timeline.toBuilder().clearCameraIds().addCameraIds(unrecordedCamera).build();

    PdfReading read = PdfReading.of(desk.render(other, onlyUnrecorded, Locale.SIMPLIFIED_CHINESE, "supervisor")
        .getPdf().toByteArray());

    assertThat(read.jpegImages()).isZero();
    assertThat(read.text()).contains("该时刻无录像");
  }

  @Test
  void theJournalRecordsTheSignatureWithTheHashOfTheBytes() {
    JournalEvent signed = server.server().journal().readAfter(report.getJournalSeq() - 1, 1).get(0);

    assertThat(signed.type()).isEqualTo("report.signed");
    assertThat(signed.subjects()).containsExactly(new SubjectKey("incident", "INC-20261126-001"),
        new SubjectKey("user", "supervisor"));
    assertThat(signed.attributes()).containsEntry("sha256", DocumentDigests.sha256(report.getPdf().toByteArray()))
        .containsEntry("sm3", DocumentDigests.sm3(report.getPdf().toByteArray()))
        .containsEntry("file_name", report.getFileName()).containsEntry("locale", "zh-CN");
    assertThat(report.getSha256()).isEqualTo(signed.attributes().get("sha256"));
  }

  @Test
  void verifyAcceptsTheSignedBytesAndRefusesThemWithOneByteChanged() {
    byte[] bytes = report.getPdf().toByteArray();
    byte[] changed = bytes.clone();
    changed[changed.length / 2] ^= 1;

    var verified = desk.verify(bytes);
    assertThat(verified.getSignedHere()).isTrue();
    assertThat(verified.getIncidentId()).isEqualTo("INC-20261126-001");
    assertThat(verified.getRenderedBy()).isEqualTo("supervisor");
    assertThat(verified.getJournalSeq()).isEqualTo(report.getJournalSeq());
    assertThat(desk.verify(changed).getSignedHere()).isFalse();
  }

  @Test
  void withoutAReportFontRenderingFailsSayingWhatToInstallAndSignsNothing() {
    long before = server.server().journal().lastSeq();
    SignedIncidentReportDesk noFont = new SignedIncidentReportDesk(new IncidentReportRenderer(park,
        new FontLocator(Optional.empty(), List.of(media.resolve("absent.ttc"))),
        new RecordedFrames(server.server().recording().catalog())),
        new StoredAlarms(database, SopCatalog.bundled()), database, server.server().journal(), Clock.systemUTC());

    assertThatThrownBy(() -> noFont.render(incident, timeline, Locale.SIMPLIFIED_CHINESE, "supervisor"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-wqy-microhei");
    assertThat(server.server().journal().readAfter(before, 1000)).extracting(JournalEvent::type)
        .doesNotContain("report.signed");
  }

  @Test
  void anEnglishReportHasEnglishLabels() throws Exception {
    IncidentReport english = desk.render(incident, timeline, Locale.ENGLISH, "supervisor");
    preview("incident-report-en.pdf", english);
    String text = PdfReading.of(english.getPdf().toByteArray()).text();

    assertThat(text).contains("Incident report", "3. Timeline", "5. Operator actions", "Loitering", "acknowledged",
        "page 1 of", "Replay the video");
    assertThat(text).doesNotContain("事件报告", "操作员处置记录");
    assertThat(english.getFileName()).endsWith("-en.pdf");
  }

  @Test
  void theIncidentsClipsAreExportedForEachLinkedCameraWithRecording() throws Exception {
    IncidentClipExport export = new IncidentClipExport(server.server().recording().catalog(), media.resolve("exports"),
        new StoredAlarms(database, SopCatalog.bundled()), IncidentClipExport.ExportUrls.NONE);

    IncidentClipExport.Export result = export.export(incident, timeline, "supervisor");

    assertThat(result.clips()).extracting(IncidentClipExport.Clip::cameraId).containsExactly(recordedCamera);
    assertThat(Files.size(result.clips().get(0).file())).isPositive();
    assertThat(result.camerasWithoutRecording()).contains(unrecordedCamera).doesNotContain(recordedCamera);
  }

  // --- fixture --------------------------------------------------------------------------------------------

  private AlarmServiceGrpc.AlarmServiceBlockingStub user(String token) {
    return AlarmServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(token))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Acknowledged, dispatched, its procedure answered, resolved and closed by the operator. */
  private static Alarm handled(Alarm alarm, AlarmServiceGrpc.AlarmServiceBlockingStub calls) {
    Alarm a = calls.act(action(alarm).setAcknowledge(AlarmActionRequest.Acknowledge.getDefaultInstance()).build());
    a = calls.act(answer(a, "verify_video", "done"));
    a = calls.act(answer(a, "suspicious", "yes"));
    a = calls.act(action(a).setDispatch(AlarmActionRequest.Dispatch.newBuilder().setTask(DispatchTask.newBuilder()
        .setTeam("巡逻一队").setText("赶赴东门核查可疑人员"))).build());
    a = calls.act(answer(a, "dispatch", "done"));
    a = calls.act(answer(a, "danger", "no"));
    a = calls.act(answer(a, "record", "done"));
    a = calls.act(action(a).setResolve(AlarmActionRequest.Resolve.newBuilder()
        .setVerdict(AlarmVerdict.ALARM_VERDICT_TRUE).setCause("外来人员误入，已劝离")).build());
    return calls.act(action(a).setClose(AlarmActionRequest.Close.getDefaultInstance()).build());
  }

  private static AlarmActionRequest.Builder action(Alarm alarm) {
    return AlarmActionRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setAlarmId(alarm.getAlarmId())
        .setExpectedVersion(alarm.getVersion());
  }

  private static AlarmActionRequest answer(Alarm alarm, String step, String answer) {
    return action(alarm).setAnswerStep(AlarmActionRequest.AnswerSopStep.newBuilder().setStepId(step)
        .setAnswerId(answer)).build();
  }

  /** The journal's events of the window as timeline entries, in lanes by type, plus one vehicle's track. */
  private Timeline timeline(String token, Instant from, Instant to, Gate gate) {
    List<Event> events = new ArrayList<>();
    String page = "";
    do {
      QueryEventsResponse response = EventServiceGrpc.newBlockingStub(server.channel())
          .withCallCredentials(TestServer.bearer(token)).withDeadlineAfter(30, TimeUnit.SECONDS)
          .query(QueryEventsRequest.newBuilder().setFrom(ts(from)).setTo(ts(to)).setPageSize(1000).setPageToken(page)
              .build());
      events.addAll(response.getEventsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    Timeline.Builder timeline = Timeline.newBuilder().setFrom(ts(from)).setTo(ts(to));
    events.stream().filter(e -> !e.getType().startsWith("alarm.report") && !e.getType().startsWith("user.login")
            && !e.getType().startsWith("auth."))
        .sorted(Comparator.comparing((Event e) -> instant(e.getTime())).thenComparing(Event::getSeq))
        .forEach(e -> timeline.addEntries(TimelineEntry.newBuilder().setLane(lane(e.getType())).setEvent(e)));
    VehicleTimelineTrack.Builder track = VehicleTimelineTrack.newBuilder().setPlate("苏E12345")
        .setVehicleClass("hazmat");
    Camera camera = park.cameras().get(park.cameras().size() - 1);
    for (int i = 0; i <= 12; i++) {
      double f = i / 12.0;
      double lon = gate.position().getX() + (camera.position().getX() - gate.position().getX()) * f;
      double lat = gate.position().getY() + (camera.position().getY() - gate.position().getY()) * f
          + Math.sin(f * Math.PI) * 0.0008;
      track.addPoints(TrackPoint.newBuilder().setTime(ts(from.plusSeconds(30L * i))).setPosition(at(lon, lat))
          .setSpeedKmh(18));
    }
    timeline.addTracks(track.setTotalPoints(13));
    timeline.addAllCameraIds(loitering.getLinkedCameraIdsList()).addCameraIds(unrecordedCamera);
    return timeline.build();
  }

  private static TimelineLane lane(String type) {
    if (type.startsWith("alarm.")) {
      return TimelineLane.TIMELINE_LANE_ALARM;
    }
    if (type.startsWith("gate.passage")) {
      return TimelineLane.TIMELINE_LANE_ACCESS;
    }
    if (type.startsWith("user.") || type.startsWith("sop.")) {
      return TimelineLane.TIMELINE_LANE_OPERATOR;
    }
    return TimelineLane.TIMELINE_LANE_OTHER;
  }

  /** A six-second H.264 MPEG-TS around {@code around}, indexed as the recorder reports a closed segment. */
  private void recordSegment(String camera, Instant around) throws Exception {
    assumeTrue(ffmpegRuns(), "ffmpeg is not installed");
    Path file = media.resolve(camera + "-segment.ts");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f",
        "lavfi", "-i", "testsrc=size=640x360:rate=10", "-t", "6", "-c:v", "libx264", "-g", "10", "-pix_fmt",
        "yuv420p", "-f", "mpegts", file.toString()).redirectErrorStream(true).start();
    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).isZero();
    Instant start = around.minusSeconds(2);
    server.server().recording().catalog().recorded(new RecordedSegment(camera, StreamProfile.MAIN, start,
        start.plusSeconds(6), Files.size(file), file));
  }

  private static void awaitReady(io.grpc.ManagedChannel channel) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (channel.getState(true) != io.grpc.ConnectivityState.READY && System.nanoTime() < until) {
      Thread.sleep(100);
    }
  }

  private static boolean ffmpegRuns() {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** With -Dcordon.report.preview=<dir>, keeps the rendered report for a look. */
  private static void preview(String name, IncidentReport report) throws Exception {
    String dir = System.getProperty("cordon.report.preview");
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name), report.getPdf().toByteArray());
    }
  }

  private static LonLat at(double lon, double lat) {
    return LonLat.newBuilder().setLon(lon).setLat(lat).build();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
