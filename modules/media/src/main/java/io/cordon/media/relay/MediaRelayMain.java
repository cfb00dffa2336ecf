package io.cordon.media.relay;

import io.cordon.media.source.CameraList;
import io.cordon.media.source.CameraListFile;
import io.cordon.media.source.StaticCameraStreamSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the media relay as its own process (large sites put it next to the cameras).
 * <pre>
 * java -cp cordon-media.jar:lib/* io.cordon.media.relay.MediaRelayMain PORT SECRET_FILE CAMERA_FILE [HOST]
 * </pre>
 * <ul>
 *   <li>PORT: HTTP port (0 = a free one, printed at start).</li>
 *   <li>SECRET_FILE: the ticket secret shared with the server, the file's text (UTF-8, trimmed, at least
 *       16 bytes). Keep it readable by the relay's user only.</li>
 *   <li>CAMERA_FILE: the camera list, a UTF-8 properties file, see {@link CameraListFile}:
 *       {@code camera.<id>.<main|sub>.url}, {@code camera.<id>.<main|sub>.resolution},
 *       {@code camera.<id>.<main|sub>.standby} ({@code true}: pulled even with no viewer, so an alarm's
 *       call-up shows a picture at once), {@code camera.<id>.username}, {@code camera.<id>.password}.</li>
 *   <li>HOST: bind address, default {@code 0.0.0.0}.</li>
 * </ul>
 * Serves {@code GET /live/{cameraId}/{main|sub}?ticket=…} (video/mp2t) and {@code GET /health} (JSON).
 * <p>Recording (optional, system properties): {@code cordon.recordings.dir} (where segments go; exports go to
 * its sibling {@code exports}), {@code cordon.record} (streams to record, e.g. {@code cam-1/main,cam-2/sub}),
 * {@code cordon.recordings.segment} (ISO-8601, default PT1M), {@code cordon.recordings.retention} (default P90D),
 * {@code cordon.recordings.min-free-bytes} (disk guard floor, default 5 GB). The index is the directory itself;
 * nothing is protected as alarm evidence without the server. Adds {@code GET /playback/…} and {@code /exports/…}.
 * Needs {@code ffmpeg} on the PATH. Stops on SIGTERM/Ctrl-C, taking its ffmpeg children with it.
 */
public final class MediaRelayMain {
  private MediaRelayMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: MediaRelayMain PORT SECRET_FILE CAMERA_FILE [HOST]");
      System.exit(2);
    }
    if (System.getProperty("logback.configurationFile") == null) {
      // not named logback.xml: this jar is also on the server's class path, whose configuration must win
      System.setProperty("logback.configurationFile", "io/cordon/media/relay/relay-logback.xml");
    }
    int port = Integer.parseInt(args[0]);
    byte[] secret = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
    CameraList cameras = CameraListFile.readList(Path.of(args[2]));
    String host = args.length == 4 ? args[3] : "0.0.0.0";
    MediaRelay relay = MediaRelay.start(RelayConfig.defaults(secret).withAddress(host, port),
        new StaticCameraStreamSource(cameras.streams()));
    relay.setStandby(cameras.standby());
    io.cordon.media.record.RetentionSweeper retention = startRecording(relay);
    System.out.println("media relay on " + host + ":" + relay.port() + " serving " + cameras.streams().size()
        + " streams, " + cameras.standby().size() + " on standby");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (retention != null) {
        retention.close();
      }
      relay.close();
      stopped.countDown();
    }, "relay-shutdown"));
    stopped.await();
  }

  private static io.cordon.media.record.RetentionSweeper startRecording(MediaRelay relay) {
    String dir = System.getProperty("cordon.recordings.dir");
    if (dir == null || dir.isBlank()) {
      return null;
    }
    var files = new io.cordon.media.record.SegmentFiles(Path.of(dir));
    var catalog = io.cordon.media.record.DirectorySegmentCatalog.scan(files);
    var settings = io.cordon.media.record.RecordingSettings.defaults(files.root())
        .withSegmentLength(java.time.Duration.parse(System.getProperty("cordon.recordings.segment", "PT1M")));
    java.util.Set<io.cordon.media.source.StreamKey> streams = new java.util.HashSet<>();
    for (String item : System.getProperty("cordon.record", "").split(",")) {
      int slash = item.trim().lastIndexOf('/');
      if (slash > 0) {
        io.cordon.media.source.StreamProfile.fromUrlName(item.trim().substring(slash + 1)).ifPresent(p ->
            streams.add(new io.cordon.media.source.StreamKey(item.trim().substring(0, slash), p)));
      }
    }
    relay.startRecording(settings, catalog, java.time.Clock.systemUTC()).record(streams);
    var retention = new io.cordon.media.record.RetentionSweeper(catalog,
        new io.cordon.media.record.RetentionPolicy(
            java.time.Duration.parse(System.getProperty("cordon.recordings.retention", "P90D")),
            java.util.Map.of(), java.util.Map.of()),
        files.root(), Long.getLong("cordon.recordings.min-free-bytes", 5L << 30),
        io.cordon.media.record.RetentionSweeper::usableSpace,
        (root, free, floor, kept) -> { }, java.time.Clock.systemUTC());
    retention.start(java.time.Duration.ofMinutes(10));
    System.out.println("recording " + streams.size() + " streams into " + files.root());
    return retention;
  }
}
