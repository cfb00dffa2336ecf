package io.cordon.media.testcamera;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP camera for media tests (the simulator has the full one; media must not depend on it): an
 * ffmpeg-made H.264 clip (key frame every second) served by cvlc on loopback over RTP/UDP, as DESIGN §11.
 * When the JVM runs as root, cvlc runs as nobody (VLC refuses root).
 */
public final class RtspTestCamera implements AutoCloseable {
  private static final Path CLIPS = Path.of(System.getProperty("java.io.tmpdir"), "cordon-media-test-clips");

  private final Path clip;
  private final int port;
  private final String path;
  private Process vlc;

  private RtspTestCamera(Path clip, int port, String path) {
    this.clip = clip;
    this.port = port;
    this.path = path;
  }

  /** Starts a camera serving a {@code width}x{@code height} test picture at {@code rtsp://127.0.0.1:PORT/path}. */
  public static RtspTestCamera start(String path, int width, int height) throws IOException, InterruptedException {
    RtspTestCamera camera = new RtspTestCamera(clip(width, height), freePort(), path);
    camera.startVlc();
    return camera;
  }

  public URI url() {
    return URI.create("rtsp://127.0.0.1:" + port + "/" + path);
  }

  public int port() {
    return port;
  }

  /** Kills the camera's server (as a camera losing power would). */
  public void stop() throws InterruptedException {
    if (vlc != null && vlc.isAlive()) {
      vlc.destroy();
      if (!vlc.waitFor(5, TimeUnit.SECONDS)) {
        vlc.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Brings it back on the same URL. */
  public void restart() throws IOException, InterruptedException {
    stop();
    startVlc();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void startVlc() throws IOException, InterruptedException {
    Path conf = CLIPS.resolve("cam-" + port + ".vlm");
    Files.writeString(conf, String.join("\n",
        "new cam broadcast enabled loop",
        "setup cam input \"file://" + clip + "\"",
        "setup cam option file-caching=0",
        "setup cam option sout-keep",
        "setup cam output #gather:rtp{sdp=rtsp://127.0.0.1:" + port + "/" + path + "}",
        "control cam play", ""));
    readableByAll(conf);
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.addAll(List.of("cvlc", "-q", "--no-stats", "--vlm-conf", conf.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path home = CLIPS.resolve("vlchome");
    Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    builder.environment().put("HOME", home.toString());
    vlc = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!vlc.isAlive()) {
        throw new IOException("cvlc exited with code " + vlc.exitValue());
      }
      if (describes()) {
        return;
      }
      Thread.sleep(100);
    }
    stop();
    throw new IOException("cvlc did not serve " + url() + " within 15 s");
  }

  /** An RTSP DESCRIBE answered with 200: the stream is being served. */
  private boolean describes() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write(("DESCRIBE " + url() + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = new byte[15];
      int n = in.readNBytes(head, 0, head.length);
      return new String(head, 0, n, StandardCharsets.US_ASCII).startsWith("RTSP/1.0 200");
    } catch (IOException e) {
      return false;
    }
  }

  private static synchronized Path clip(int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(CLIPS);
    Files.setPosixFilePermissions(CLIPS, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path clip = CLIPS.resolve("test-" + width + "x" + height + "-v1.mp4");
    if (Files.exists(clip)) {
      return clip;
    }
    Path tmp = CLIPS.resolve(clip.getFileName() + ".tmp.mp4");
    Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25", "-t", "10",
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
        "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", tmp.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("ffmpeg could not make the test clip");
    }
    Files.move(tmp, clip);
    readableByAll(clip);
    return clip;
  }

  private static void readableByAll(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
