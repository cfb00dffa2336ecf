package io.cordon.media.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.Ffprobe;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.media.ts.TsPackets;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuous recording from a real RTSP camera (cvlc, key frame every second) through the relay's own pull. */
class RecordingTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final Duration SEGMENT = Duration.ofSeconds(2);
  private static final Duration GOP = Duration.ofSeconds(1);
  private static final StreamKey CAM = new StreamKey("cam-1", StreamProfile.SUB);
  private static RtspTestCamera camera;
  @TempDir
  Path data;
  private MediaRelay relay;

  @BeforeAll
  static void startCamera() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    camera = RtspTestCamera.start("record", 640, 360);
  }

  @AfterAll
  static void stopCamera() throws Exception {
    if (camera != null) {
      camera.close();
    }
  }

  @AfterEach
  void closeRelay() {
    if (relay != null) {
      relay.close();
    }
  }

  private Recordings record(SegmentCatalog catalog) throws Exception {
    relay = MediaRelay.start(RelayConfig.defaults(SECRET),
        StaticCameraStreamSource.of(CameraStream.of("cam-1", StreamProfile.SUB, camera.url())));
    Recordings recordings = relay.startRecording(
        RecordingSettings.defaults(data.resolve("recordings")).withSegmentLength(SEGMENT), catalog, Clock.systemUTC());
    recordings.record(Set.of(CAM));
    return recordings;
  }

  private static List<RecordedSegment> all(SegmentCatalog catalog) {
    return catalog.segments("cam-1", StreamProfile.SUB, Instant.EPOCH, Instant.now().plusSeconds(3600));
  }

  @Test
  void everySegmentIsATransportStreamThatPlaysOnItsOwnWithTheConfiguredLength() throws Exception {
    DirectorySegmentCatalog catalog = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("recordings")));
    record(catalog);

    assertThat(Eventually.within(Duration.ofSeconds(40), () -> all(catalog).size() >= 3)).isTrue();

    for (RecordedSegment segment : all(catalog)) {
      byte[] head;
      try (InputStream in = Files.newInputStream(segment.path())) {
        head = in.readNBytes(TsPackets.SIZE);
      }
      assertThat(head[0]).isEqualTo(TsPackets.SYNC);
      assertThat(TsPackets.pid(head, 0)).as("starts with the PAT").isEqualTo(TsPackets.PAT_PID);
      assertThat(Files.size(segment.path())).isEqualTo(segment.bytes());
      Ffprobe.Probe probe = Ffprobe.probe(segment.path());
      assertThat(probe.exitCode()).as(probe.errors()).isZero();
      assertThat(probe.formatName()).isEqualTo("mpegts");
      assertThat(probe.durationSeconds()).as("duration of " + segment.path().getFileName())
          .isBetween((double) SEGMENT.minus(GOP).toMillis() / 1000, (double) SEGMENT.plus(GOP).toMillis() / 1000);
      assertThat(Ffprobe.keyFrameTimes(segment.path())).as("opens with a key frame").isNotEmpty();
    }
  }

  @Test
  void segmentsLieUnderTheCameraAndTheirUtcDay() throws Exception {
    DirectorySegmentCatalog catalog = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("recordings")));
    record(catalog);

    assertThat(Eventually.within(Duration.ofSeconds(30), () -> !all(catalog).isEmpty())).isTrue();

    RecordedSegment first = all(catalog).get(0);
    String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(first.start());
    assertThat(first.path().getParent()).isEqualTo(data.resolve("recordings").resolve("cam-1").resolve(day));
  }

  @Test
  void consecutiveSegmentsLeaveNoGapInTheIndex() throws Exception {
    DirectorySegmentCatalog catalog = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("recordings")));
    record(catalog);

    assertThat(Eventually.within(Duration.ofSeconds(40), () -> all(catalog).size() >= 3)).isTrue();

    List<RecordedSegment> segments = all(catalog);
    for (int i = 1; i < segments.size(); i++) {
      assertThat(segments.get(i).start()).isEqualTo(segments.get(i - 1).end());
    }
  }

  @Test
  void recordingSurvivesARelayRestartOverTheSameDirectory() throws Exception {
    SegmentFiles files = new SegmentFiles(data.resolve("recordings"));
    record(DirectorySegmentCatalog.scan(files));
    assertThat(Eventually.within(Duration.ofSeconds(30),
        () -> !all(DirectorySegmentCatalog.scan(files)).isEmpty())).isTrue();
    relay.close();
    List<RecordedSegment> before = all(DirectorySegmentCatalog.scan(files));
    Instant stopped = before.get(before.size() - 1).end();

    DirectorySegmentCatalog secondRun = DirectorySegmentCatalog.scan(files);
    record(secondRun);

    assertThat(all(secondRun)).as("the first run's segments are indexed again").containsAll(before);
    assertThat(Eventually.within(Duration.ofSeconds(30),
        () -> all(secondRun).stream().anyMatch(s -> s.start().isAfter(stopped)))).isTrue();
  }

  @Test
  void aPartialSegmentLeftByAKilledRelayIsClosedAndIndexedAtTheNextStart() throws Exception {
    SegmentFiles files = new SegmentFiles(data.resolve("recordings"));
    DirectorySegmentCatalog firstRun = DirectorySegmentCatalog.scan(files);
    record(firstRun);
    assertThat(Eventually.within(Duration.ofSeconds(30), () -> !all(firstRun).isEmpty())).isTrue();
    relay.close();
    // what a kill -9 leaves: the file being written, under its partial name, cut mid-packet
    RecordedSegment recorded = all(firstRun).get(0);
    Instant crashStart = recorded.start().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant lastWrite = crashStart.plusSeconds(2);
    Path partial = files.partial("cam-1", StreamProfile.SUB, crashStart);
    Files.createDirectories(partial.getParent());
    byte[] bytes = Files.readAllBytes(recorded.path());
    Files.write(partial, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    Files.setLastModifiedTime(partial, FileTime.from(lastWrite));

    DirectorySegmentCatalog secondRun = DirectorySegmentCatalog.scan(files);
    record(secondRun);

    RecordedSegment recovered = all(secondRun).get(0);
    assertThat(recovered.start()).isEqualTo(crashStart);
    assertThat(recovered.end()).isEqualTo(lastWrite);
    assertThat(recovered.bytes() % TsPackets.SIZE).isZero();
    assertThat(Files.exists(partial)).isFalse();
    assertThat(Ffprobe.probe(recovered.path()).exitCode()).isZero();
  }

  @Test
  void closedSegmentsTheIndexLacksAreIndexedAtTheNextStart() throws Exception {
    SegmentFiles files = new SegmentFiles(data.resolve("recordings"));
    DirectorySegmentCatalog firstRun = DirectorySegmentCatalog.scan(files);
    record(firstRun);
    assertThat(Eventually.within(Duration.ofSeconds(30), () -> !all(firstRun).isEmpty())).isTrue();
    relay.close();
    List<RecordedSegment> onDisk = all(firstRun);

    // an index that never heard of them (the write was lost with the process)
    DirectorySegmentCatalog forgetful = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("elsewhere")));
    record(forgetful);

    assertThat(all(forgetful)).containsAll(onDisk);
  }

  @Test
  void whenTheCamerasStreamRestartsTheRunningSegmentIsClosedAndRecordingGoesOn() throws Exception {
    DirectorySegmentCatalog catalog = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("recordings")));
    record(catalog);
    assertThat(Eventually.within(Duration.ofSeconds(30), () -> !all(catalog).isEmpty())).isTrue();

    camera.restart(); // the pull's ffmpeg stalls out and is restarted: new tables, new timestamps
    Instant restarted = Instant.now();

    assertThat(Eventually.within(Duration.ofSeconds(60),
        () -> all(catalog).stream().filter(s -> s.start().isAfter(restarted)).count() >= 2)).isTrue();
    for (RecordedSegment segment : all(catalog)) {
      Ffprobe.Probe probe = Ffprobe.probe(segment.path());
      assertThat(probe.exitCode()).as(probe.errors()).isZero();
      assertThat(probe.durationSeconds()).as(segment.path().getFileName().toString())
          .isLessThan((double) SEGMENT.plus(GOP).toMillis() / 1000);
    }
  }
}
