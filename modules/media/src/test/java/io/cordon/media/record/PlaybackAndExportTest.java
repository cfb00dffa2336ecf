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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playback and clip export over the relay's HTTP, from segments recorded off a real RTSP camera. */
class PlaybackAndExportTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final double GOP_SECONDS = 1.0;
  @TempDir
  static Path data;
  private static RtspTestCamera camera;
  private static MediaRelay relay;
  private static DirectorySegmentCatalog catalog;
  private static List<RecordedSegment> segments;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void recordSomeSegments() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools.missing());
    camera = RtspTestCamera.start("playback", 640, 360);
    relay = MediaRelay.start(RelayConfig.defaults(SECRET),
        StaticCameraStreamSource.of(CameraStream.of("cam-1", StreamProfile.SUB, camera.url())));
    catalog = DirectorySegmentCatalog.scan(new SegmentFiles(data.resolve("recordings")));
    relay.startRecording(RecordingSettings.defaults(data.resolve("recordings")).withSegmentLength(Duration.ofSeconds(2)),
        catalog, Clock.systemUTC()).record(Set.of(new StreamKey("cam-1", StreamProfile.SUB)));
    assertThat(Eventually.within(Duration.ofSeconds(45), () -> all().size() >= 4)).isTrue();
    segments = all();
  }

  @AfterAll
  static void stop() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (camera != null) {
      camera.close();
    }
  }

  private static List<RecordedSegment> all() {
    return catalog.segments("cam-1", StreamProfile.SUB, Instant.EPOCH, Instant.now().plusSeconds(60));
  }

  private HttpResponse<byte[]> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anExportedClipCoversTheRangeAndStartsAtMostOneGopEarly() throws Exception {
    Instant from = segments.get(1).start().plusMillis(500);
    Instant to = from.plusSeconds(3);

    ClipExporter.Clip clip = relay.recordings().orElseThrow().exporter()
        .export(catalog.segments("cam-1", StreamProfile.SUB, from, to), from, to, "clip-1.ts");

    Ffprobe.Probe probe = Ffprobe.probe(clip.file());
    assertThat(probe.exitCode()).as(probe.errors()).isZero();
    assertThat(probe.durationSeconds()).isBetween(3.0 - 0.3, 3.0 + GOP_SECONDS + 0.3);
    assertThat(clip.start()).isBetween(from.minusMillis(1300), from);
    assertThat(Ffprobe.startsWithKeyFrame(clip.file())).as("opens with a key frame").isTrue();
    assertThat(clip.file().getParent()).isEqualTo(data.resolve("exports"));
  }

  @Test
  void exportsOfOneNameAtOnceLeaveOneWholeClipAndNoPartialFile() throws Exception {
    Instant from = segments.get(0).start();
    List<RecordedSegment> used = catalog.segments("cam-1", StreamProfile.SUB, from, from.plusSeconds(4));
    ClipExporter exporter = relay.recordings().orElseThrow().exporter();
    byte[] alone = Files.readAllBytes(exporter.export(used, from, from.plusSeconds(4), "clip-alone.ts").file());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ClipExporter.Clip>> clips = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        clips.add(pool.submit(() -> exporter.export(used, from, from.plusSeconds(4), "clip-same.ts")));
      }
      for (Future<ClipExporter.Clip> clip : clips) {
        assertThat(clip.get(60, TimeUnit.SECONDS).bytes()).isEqualTo(alone.length);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(Files.readAllBytes(data.resolve("exports").resolve("clip-same.ts"))).isEqualTo(alone);
    try (Stream<Path> files = Files.list(data.resolve("exports"))) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void anExportedClipIsServedWithAnExportTicket() throws Exception {
    Instant from = segments.get(0).start();
    relay.recordings().orElseThrow().exporter()
        .export(catalog.segments("cam-1", StreamProfile.SUB, from, from.plusSeconds(2)), from, from.plusSeconds(2),
            "clip-2.ts");

    HttpResponse<byte[]> response = get(relay.exportUrl("clip-2.ts", "sup", Duration.ofMinutes(1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readAllBytes(data.resolve("exports").resolve("clip-2.ts")));
  }

  @Test
  void anExportIsRefusedWithALiveTicket() throws Exception {
    URI live = relay.liveUrl("cam-1", StreamProfile.SUB, "op", Duration.ofMinutes(1));
    String ticket = live.getQuery().substring("ticket=".length());

    HttpResponse<byte[]> response = get(URI.create(relay.urls().base() + "/exports/clip-2.ts?ticket=" + ticket));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void playbackStartsAtTheLastKeyFrameAtOrBeforeTheInstantAndSaysWhenThatIs() throws Exception {
    RecordedSegment holding = segments.get(1);
    Instant at = holding.start().plusMillis(1500);

    HttpResponse<byte[]> response = get(relay.playbackUrl("cam-1", StreamProfile.SUB, at, "op", Duration.ofMinutes(1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("video/mp2t");
    Instant start = Instant.parse(response.headers().firstValue("x-cordon-start").orElseThrow());
    assertThat(start).as("within one GOP before the instant").isBetween(at.minusMillis((long) (GOP_SECONDS * 1000)), at);
    byte[] body = response.body();
    assertThat(body.length % TsPackets.SIZE).isZero();
    assertThat(body.length).as("the rest of the holding segment and the following ones")
        .isGreaterThan((int) segments.get(2).bytes()).isLessThan((int) (holding.bytes() + totalBytesAfter(holding)));
    Path saved = data.resolve("played.ts");
    Files.write(saved, body);
    assertThat(Ffprobe.startsWithKeyFrame(saved)).as("opens with a key frame").isTrue();
    Ffprobe.Probe probe = Ffprobe.probe(saved);
    assertThat(probe.exitCode()).as(probe.errors()).isZero();
    assertThat(probe.durationSeconds()).isGreaterThan(2.0);
  }

  private static long totalBytesAfter(RecordedSegment segment) {
    return all().stream().filter(s -> s.start().isAfter(segment.start())).mapToLong(RecordedSegment::bytes).sum()
        + 10_000_000; // and the segment being written
  }

  @Test
  void aHeadRequestTellsWherePlaybackWouldStartWithoutTheVideo() throws Exception {
    Instant at = segments.get(2).start().plusMillis(300);

    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
            relay.playbackUrl("cam-1", StreamProfile.SUB, at, "op", Duration.ofMinutes(1)))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(Instant.parse(response.headers().firstValue("x-cordon-start").orElseThrow()))
        .isBetween(at.minusMillis((long) (GOP_SECONDS * 1000)), at);
  }

  @Test
  void theLastMomentsArePlayedFromTheSegmentStillBeingWritten() throws Exception {
    Instant latestClosedEnd = all().stream().map(RecordedSegment::end).max(Instant::compareTo).orElseThrow();
    Instant at = latestClosedEnd.plusMillis(100);

    HttpResponse<byte[]> response = get(relay.playbackUrl("cam-1", StreamProfile.SUB, at, "op", Duration.ofMinutes(1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Instant.parse(response.headers().firstValue("x-cordon-start").orElseThrow()))
        .isAfterOrEqualTo(latestClosedEnd.minusMillis((long) (GOP_SECONDS * 1000)));
    assertThat(response.body().length).isGreaterThan(0);
  }

  @Test
  void playbackNeedsATicketForThatCamera() throws Exception {
    Instant at = segments.get(1).start();
    URI other = relay.playbackUrl("cam-2", StreamProfile.SUB, at, "op", Duration.ofMinutes(1));
    String ticket = other.getQuery().replaceAll(".*ticket=", "");

    HttpResponse<byte[]> response = get(URI.create(relay.urls().base() + "/playback/cam-1/sub?from=" + at
        + "&ticket=" + ticket));

    assertThat(response.statusCode()).isEqualTo(403);
  }
}
