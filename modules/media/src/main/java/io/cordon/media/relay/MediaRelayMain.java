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
    System.out.println("media relay on " + host + ":" + relay.port() + " serving " + cameras.streams().size()
        + " streams, " + cameras.standby().size() + " on standby");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      relay.close();
      stopped.countDown();
    }, "relay-shutdown"));
    stopped.await();
  }
}
